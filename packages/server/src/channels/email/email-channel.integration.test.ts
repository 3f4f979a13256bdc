// The email channel against the real server, Mailgun-shaped and raw MIME deliveries, and a real
// SMTP server (smtp-server on 127.0.0.1) whose captured mail is read back with mailparser:
// signatures and replays, dedupe, attachments, threading both ways, SMTP failures, one
// conversation through the rules bot, a handoff and an agent, and Mailgun's delivery events.
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Conversation } from '@switchboard/protocol';
import { startHarness, type Harness } from '../../test-support/harness.js';
import { agentReplies, connectChannel, eventually, type ChannelTestKit } from '../testing/channel-harness.js';
import {
  composeMime,
  mailgunDelivery,
  mailgunFields,
  mimeDelivery,
  PNG,
  type Delivery,
  MIME_SECRET,
  SIGNING_KEY,
  SUPPORT,
} from './testing/deliveries.js';
import { mailgunEventData, mailgunEventDelivery, type MailgunEvent } from './testing/mailgun-events.js';
import { startSmtpStandIn, type SmtpStandIn } from './testing/smtp-stand-in.js';

let h: Harness;
let smtp: SmtpStandIn;
let kit: ChannelTestKit;

beforeAll(async () => {
  h = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' }, { channelBackoff: () => 20 });
  smtp = await startSmtpStandIn();
  kit = await connectChannel(h, 'email', {
    signingKey: SIGNING_KEY,
    mimeSecret: MIME_SECRET,
    smtpUrl: smtp.url,
    fromAddress: SUPPORT,
    fromName: 'Acme Support',
  });
});

afterAll(async () => {
  await h.close();
  await smtp.close();
});

afterEach(() => smtp.refuseRecipients(() => null));

const deliver = (delivery: Delivery, path = '') =>
  path === '' ? kit.deliver(delivery.body, delivery.headers) : deliverTo(path, delivery);

/** Posts to a path under the account's webhook URL (Mailgun's raw routes end in "mime"). */
async function deliverTo(path: string, { body, headers }: Delivery) {
  const response = await fetch(`${h.url}/v1/channels/${kit.account.id}/webhook${path}`, {
    method: 'POST',
    headers,
    body,
  });
  await kit.flush();
  return { status: response.status, body: await response.text() };
}

/** A Mailgun parsed-fields delivery of one customer mail. */
const mailgunMail = (mail: Parameters<typeof mailgunFields>[0]) =>
  mailgunDelivery(SIGNING_KEY, mailgunFields(mail));

/** The conversations of the contact with this address, newest first. */
async function conversationsOf(address: string): Promise<Conversation[]> {
  const contact = await h.switchboard.store.channels.contactAt(kit.account.id, address);
  return (await kit.conversations()).filter((c) => c.contactId === contact?.contactId);
}

/** Every mail the SMTP server took for this address so far, parsed, in order. */
async function mailsTo(address: string): Promise<ParsedMail[]> {
  const mails = smtp.mails.filter((mail) => mail.to.includes(address));
  return Promise.all(mails.map((mail) => simpleParser(mail.raw)));
}

const references = (mail: ParsedMail) => [mail.references ?? []].flat();

describe('email channel', () => {
  it('refuses a missing, wrong or mutated Mailgun signature, a stale timestamp and a replayed token', async () => {
    const before = h.count('messages');
    const mail = {
      from: 'Mallory <mallory@example.com>',
      subject: 'Hi',
      text: 'Let me in',
      messageId: '<forged@x>',
    };
    const fields = mailgunFields(mail);
    const missing = await deliver({
      body: new TextEncoder().encode(new URLSearchParams(fields).toString()),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const wrong = await deliver(await mailgunDelivery('key-of-somebody-else-entirely', fields));
    const genuine = new URLSearchParams(new TextDecoder().decode((await mailgunMail(mail)).body));
    const signature = genuine.get('signature') ?? '';
    genuine.set('signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const mutated = await deliver({
      body: new TextEncoder().encode(genuine.toString()),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const stale = await deliver(
      await mailgunDelivery(SIGNING_KEY, fields, [], { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }),
    );
    for (const refused of [missing, wrong, mutated, stale]) {
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(h.count('messages')).toBe(before);
    expect(await h.switchboard.store.channels.contactAt(kit.account.id, 'mallory@example.com')).toBeNull();

    // Mailgun signs only timestamp + token: a captured delivery replayed with another mail in it is refused.
    const accepted = await mailgunMail({ ...mail, from: 'lin@example.com', messageId: '<once@x>' });
    expect((await deliver(accepted)).status).toBe(200);
    const replayed = new URLSearchParams(new TextDecoder().decode(accepted.body));
    replayed.set('Message-Id', '<replayed@x>');
    replayed.set('body-plain', 'Send the refund to my other account');
    const replay = await deliver({
      body: new TextEncoder().encode(replayed.toString()),
      headers: accepted.headers,
    });
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.body)).toMatchObject({
      error: { message: expect.stringContaining('already used') as string },
    });
    const [conversation] = await conversationsOf('lin@example.com');
    const texts = (await kit.messages(conversation?.id ?? '')).filter((m) => m.authorKind === 'visitor');
    expect(texts.map((m) => m.text)).toEqual(['Let me in']);
  });

  it('keeps one message when Mailgun delivers the same mail twice with a new token', async () => {
    const mail = {
      from: 'kim@example.com',
      subject: 'Twice',
      text: 'Only once please',
      messageId: '<twice@x>',
    };
    expect((await deliver(await mailgunMail(mail))).status).toBe(200);
    expect((await deliver(await mailgunMail(mail))).status).toBe(200);
    const [conversation, other] = await conversationsOf('kim@example.com');
    expect(other).toBeUndefined();
    const fromKim = (await kit.messages(conversation?.id ?? '')).filter((m) => m.authorKind === 'visitor');
    expect(fromKim.map((m) => m.text)).toEqual(['Only once please']);
  });

  it('takes a signed raw MIME mail with an attachment, showing its subject, and refuses a wrong signature', async () => {
    const raw = await composeMime({
      from: 'Noor Haddad <Noor@Example.com>',
      to: SUPPORT,
      subject: 'Fwd: Broken kettle',
      text: 'The lid cracked, photo attached.',
      messageId: '<kettle@mail.example.com>',
      attachments: [{ filename: 'lid.png', content: PNG, contentType: 'image/png' }],
    });
    const before = h.count('messages');
    const forged = await deliver(mimeDelivery('not-the-account-secret', raw));
    expect(forged.status).toBe(401);
    expect(h.count('messages')).toBe(before);

    expect((await deliver(mimeDelivery(MIME_SECRET, raw))).status).toBe(200);
    const [conversation] = await conversationsOf('noor@example.com');
    expect(conversation).toMatchObject({ channel: 'email', subject: 'Broken kettle' });
    const [first] = await kit.messages(conversation?.id ?? '');
    expect(first).toMatchObject({ authorKind: 'visitor', text: 'The lid cracked, photo attached.' });
    expect(first?.attachments).toEqual([
      expect.objectContaining({ name: 'lid.png', contentType: 'image/png', kind: 'image', size: PNG.length }),
    ]);
    const contact = await h.switchboard.store.contacts.byId(conversation?.contactId ?? '');
    expect(contact).toMatchObject({ name: 'Noor Haddad', email: 'noor@example.com' });
  });

  it("takes Mailgun's raw MIME route variant (body-mime) at the webhook URL ending in /mime", async () => {
    const raw = await composeMime({
      from: 'omar@example.com',
      to: SUPPORT,
      subject: 'Invoice copy',
      text: 'Could you resend my invoice?',
      messageId: '<invoice@mail.example.com>',
    });
    const delivery = await mailgunDelivery(SIGNING_KEY, { recipient: SUPPORT, 'body-mime': raw.toString() });
    expect((await deliver(delivery, '/mime')).status).toBe(200);
    const [conversation] = await conversationsOf('omar@example.com');
    expect(conversation?.subject).toBe('Invoice copy');
    const [first] = await kit.messages(conversation?.id ?? '');
    expect(first?.text).toBe('Could you resend my invoice?');
  });

  it('answers an out-of-office notice or a bounce with 200 and lets neither into the conversation', async () => {
    const customer = 'rae@example.com';
    const first = {
      from: customer,
      subject: 'Delivery date',
      text: 'When does it ship?',
      messageId: '<ship@x>',
    };
    expect((await deliver(await mailgunMail(first))).status).toBe(200);
    const [conversation] = await conversationsOf(customer);
    const before = h.count('messages');

    // A vacation responder's answer, as Mailgun's fields (the header is its own field)…
    const away = mailgunFields({
      from: customer,
      subject: 'Automatic reply: Delivery date',
      text: 'I am out of the office until Monday.',
      messageId: '<away@x>',
      inReplyTo: '<ship@x>',
    });
    expect(
      (await deliver(await mailgunDelivery(SIGNING_KEY, { ...away, 'Auto-Submitted': 'auto-replied' })))
        .status,
    ).toBe(200);
    // …and a raw one from a responder that predates RFC 3834.
    const raw = await composeMime({
      from: customer,
      to: SUPPORT,
      subject: 'Re: Delivery date',
      text: 'Thanks for your mail, I will answer soon.',
      messageId: '<vacation@x>',
      inReplyTo: '<ship@x>',
      headers: { 'X-Autoreply': 'yes' },
    });
    expect((await deliver(mimeDelivery(MIME_SECRET, raw))).status).toBe(200);

    expect(h.count('messages')).toBe(before);
    expect(await conversationsOf(customer)).toHaveLength(1);
    const fromRae = (await kit.messages(conversation?.id ?? '')).filter((m) => m.authorKind === 'visitor');
    expect(fromRae.map((m) => m.text)).toEqual(['When does it ship?']);
  });

  it('goes through the rules bot, a handoff and an agent, every reply leaving by SMTP threaded under the mail', async () => {
    const customer = 'ada.k@example.com';
    // The agent is online before the handoff, so routing assigns the conversation to them.
    const agent = await h.agentSocket(kit.adminToken);
    expect(
      (
        await deliver(
          await mailgunMail({
            from: 'Ada King <Ada.K@example.com>',
            subject: 'Order 42',
            text: 'hello',
            messageId: '<m1@mail.example.com>',
          }),
        )
      ).status,
    ).toBe(200);
    const [conversation] = await conversationsOf(customer);
    expect(conversation).toMatchObject({ status: 'bot', subject: 'Order 42' });
    const id = conversation?.id ?? '';

    // The bot's greeting goes out by SMTP, answering the customer's mail.
    const [greeting] = await eventually(async () => {
      const mails = await mailsTo(customer);
      return mails.length > 0 ? mails : undefined;
    });
    expect(greeting).toMatchObject({ subject: 'Re: Order 42', inReplyTo: '<m1@mail.example.com>' });
    expect(references(greeting!)).toEqual(['<m1@mail.example.com>']);
    expect(greeting?.from?.value[0]?.address).toBe(SUPPORT);
    expect(greeting?.text).toContain('You can reply with:\n- Shipping');
    const greetingId = greeting?.messageId ?? '';
    expect(greetingId).toMatch(/^<[0-9A-Z]{26}@acme\.example>$/);
    expect(smtp.logins).toContain('support@acme.example:smtp:pass');

    // The customer answers the greeting and asks for a human.
    await deliver(
      await mailgunMail({
        from: 'Ada King <ada.k@example.com>',
        subject: 'Re: Order 42',
        text: 'I want to talk to a human\n\nOn Tue, Acme wrote:\n> Hi!',
        messageId: '<m2@mail.example.com>',
        inReplyTo: greetingId,
        references: `<m1@mail.example.com> ${greetingId}`,
      }),
    );
    const assigned = await eventually(async () => {
      const [current] = await conversationsOf(customer);
      return current?.status === 'active' ? current : undefined;
    });
    expect(assigned.id).toBe(id);
    expect(assigned.handoff?.reason).toBe('visitor_request');
    const visitorTexts = (await kit.messages(id))
      .filter((m) => m.authorKind === 'visitor')
      .map((m) => m.text);
    expect(visitorTexts).toEqual(['hello', 'I want to talk to a human']);

    const sent = await agentReplies(agent, id, 'Hi Ada, Grace here. Which item is it?');
    const stored = await kit.deliveryReaches(id, sent.id, 'sent');
    expect(stored.delivery).toMatchObject({ state: 'sent', error: null });

    // Three mails left: the greeting, the bot's handoff notice, the agent's reply. The reply
    // answers the latest message and references the whole thread, oldest first.
    const [, notice, reply] = await mailsTo(customer);
    expect(notice?.text).toContain('connecting you');
    expect(references(notice!)).toEqual(['<m1@mail.example.com>', greetingId, '<m2@mail.example.com>']);
    expect(reply).toMatchObject({
      subject: 'Re: Order 42',
      text: 'Hi Ada, Grace here. Which item is it?\n',
      inReplyTo: notice?.messageId,
      messageId: `<${sent.id}@acme.example>`,
    });
    expect(references(reply!)).toEqual([
      '<m1@mail.example.com>',
      greetingId,
      '<m2@mail.example.com>',
      notice?.messageId,
    ]);
    expect(reply?.to).toMatchObject({ value: [{ address: customer }] });
    expect(reply?.from?.value[0]).toEqual({ address: SUPPORT, name: 'Ada (demo agent) (Acme Support)' });
  });

  it("keeps a thread in one conversation: a reply to the agent's mail, one to the first mail; a new thread otherwise", async () => {
    const customer = 'ada.k@example.com';
    const [conversation] = await conversationsOf(customer);
    const id = conversation?.id ?? '';
    const agentMail = (await mailsTo(customer)).find((mail) => mail.text?.startsWith('Hi Ada, Grace here'));
    const agentMessageId = agentMail?.messageId ?? '';

    // A reply to the agent's mail, from a client that sends In-Reply-To only, as raw MIME.
    const reply = await composeMime({
      from: 'Ada King <ada.k@example.com>',
      to: SUPPORT,
      subject: 'Re: Order 42',
      text: 'The blue kettle.',
      messageId: '<m3@mail.example.com>',
      inReplyTo: agentMessageId,
    });
    expect((await deliver(mimeDelivery(MIME_SECRET, reply))).status).toBe(200);
    // A later mail that references only the first one.
    await deliver(
      await mailgunMail({
        from: 'ada.k@example.com',
        subject: 'Re: Order 42',
        text: 'Also, the receipt is attached to my first mail.',
        messageId: '<m4@mail.example.com>',
        references: '<m1@mail.example.com>',
      }),
    );
    const texts = (await kit.messages(id)).filter((m) => m.authorKind === 'visitor').map((m) => m.text);
    expect(texts).toEqual([
      'hello',
      'I want to talk to a human',
      'The blue kettle.',
      'Also, the receipt is attached to my first mail.',
    ]);
    expect(await conversationsOf(customer)).toHaveLength(1);

    // A mail that answers nothing we know starts a conversation of its own.
    await deliver(
      await mailgunMail({
        from: 'ada.k@example.com',
        subject: 'Re: Something else entirely',
        text: 'New question.',
        messageId: '<m5@mail.example.com>',
        inReplyTo: '<unknown@elsewhere.example>',
      }),
    );
    const [newest, older] = await conversationsOf(customer);
    expect(older?.id).toBe(id);
    expect(newest).toMatchObject({ subject: 'Something else entirely' });
    expect((await kit.messages(newest?.id ?? '')).find((m) => m.authorKind === 'visitor')?.text).toBe(
      'New question.',
    );
  });

  it('starts a thread for an agent with the subject as given, and files the answer under it', async () => {
    const started = await h.send<{ conversation: Conversation }>(
      'POST',
      '/v1/conversations/outbound',
      {
        channelAccountId: kit.account.id,
        to: 'Pat@Example.com',
        subject: 'Your order shipped',
        clientMessageId: ulid(),
        text: 'It left our warehouse today.',
      },
      kit.adminToken,
    );
    expect(started.status).toBe(201);
    const mail = await eventually(async () => (await mailsTo('pat@example.com'))[0]);
    expect(mail).toMatchObject({ subject: 'Your order shipped', text: 'It left our warehouse today.\n' });
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();

    await deliver(
      await mailgunMail({
        from: 'pat@example.com',
        subject: 'Re: Your order shipped',
        text: 'Thanks!',
        messageId: '<pat-1@mail.example.com>',
        inReplyTo: mail.messageId ?? '',
      }),
    );
    const conversations = await conversationsOf('pat@example.com');
    expect(conversations.map((c) => c.id)).toEqual([started.body.conversation.id]);
    const texts = (await kit.messages(started.body.conversation.id)).map((m) => m.text);
    expect(texts).toEqual(['It left our warehouse today.', 'Thanks!']);
  });

  it('retries a send the SMTP server defers (4xx) and fails one it refuses (5xx) with its reply', async () => {
    const customer = 'ada.k@example.com';
    const [, conversation] = await conversationsOf(customer);
    const id = conversation?.id ?? '';
    const agent = await h.agentSocket(kit.adminToken);
    let deferred = 0;
    smtp.refuseRecipients(() => (++deferred === 1 ? { code: 451, message: 'Try again later' } : null));
    const retried = await agentReplies(agent, id, 'Second try');
    await kit.deliveryReaches(id, retried.id, 'sent');
    expect(deferred).toBe(2);

    smtp.refuseRecipients(() => ({ code: 550, message: 'No such user here' }));
    const refused = await agentReplies(agent, id, 'Doomed');
    const failed = await kit.deliveryReaches(id, refused.id, 'failed');
    expect(failed.delivery?.error).toContain('550');
    expect(failed.delivery?.error).toContain('No such user here');
  });

  it("moves a reply's delivery with Mailgun's signed events: delivered, opened (read), never back; a bounce fails it", async () => {
    const customer = 'sam@example.com';
    const agent = await h.agentSocket(kit.adminToken);
    const updates: { id: string; state?: string }[] = [];
    agent.on('message:updated', (message) =>
      updates.push({ id: message.id, state: message.delivery?.state }),
    );
    const started = await h.send<{ conversation: Conversation }>(
      'POST',
      '/v1/conversations/outbound',
      {
        channelAccountId: kit.account.id,
        to: customer,
        subject: 'Your refund',
        clientMessageId: ulid(),
        text: 'The refund is on its way.',
      },
      kit.adminToken,
    );
    expect(started.status).toBe(201);
    const id = started.body.conversation.id;
    const reply = await eventually(async () => {
      const [first] = await kit.messages(id);
      return first?.delivery?.state === 'sent' ? first : undefined;
    });
    // Mailgun reports the Message-ID the SMTP stand-in received, without its angle brackets.
    const [mail] = await mailsTo(customer);
    expect(mail?.messageId).toBe(`<${reply.id}@acme.example>`);
    const event = (kind: MailgunEvent['kind'], messageId = mail?.messageId ?? '') =>
      mailgunEventDelivery(SIGNING_KEY, mailgunEventData({ kind, messageId, recipient: customer }));
    const stateOf = async (messageId: string) =>
      (await kit.messages(id)).find((m) => m.id === messageId)?.delivery;

    // A wrongly signed event is refused and changes nothing.
    const forged = mailgunEventDelivery(
      'key-of-somebody-else-entirely',
      mailgunEventData({ kind: 'permanent-failure', messageId: mail?.messageId ?? '' }),
    );
    const refused = await deliver(forged);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'invalid_signature' } });
    expect(await stateOf(reply.id)).toMatchObject({ state: 'sent' });

    expect((await deliver(event('delivered'))).status).toBe(200);
    expect(await stateOf(reply.id)).toMatchObject({ state: 'delivered', error: null });
    await eventually(() => updates.find((u) => u.id === reply.id && u.state === 'delivered'));
    expect((await deliver(event('opened'))).status).toBe(200);
    expect(await stateOf(reply.id)).toMatchObject({ state: 'read' });
    await eventually(() => updates.find((u) => u.id === reply.id && u.state === 'read'));
    // Events can arrive out of order: a late delivered, or a retry that failed for a while, leaves it read.
    expect((await deliver(event('delivered'))).status).toBe(200);
    expect((await deliver(event('temporary-failure'))).status).toBe(200);
    expect(await stateOf(reply.id)).toMatchObject({ state: 'read' });

    const doomed = await agentReplies(agent, id, 'Did it arrive?');
    await eventually(async () => ((await stateOf(doomed.id))?.state === 'sent' ? true : undefined));
    // A temporary failure is Mailgun retrying: the reply stays sent until the permanent one.
    const doomedId = `<${doomed.id}@acme.example>`;
    expect((await deliver(event('temporary-failure', doomedId))).status).toBe(200);
    expect(await stateOf(doomed.id)).toMatchObject({ state: 'sent' });
    expect((await deliver(event('permanent-failure', doomedId))).status).toBe(200);
    expect(await stateOf(doomed.id)).toMatchObject({
      state: 'failed',
      error: 'Mailgun could not deliver the mail (bounce): 550 5.1.1 No such user here',
    });
    // The first reply is untouched by the other's bounce.
    expect(await stateOf(reply.id)).toMatchObject({ state: 'read' });
  });
});
