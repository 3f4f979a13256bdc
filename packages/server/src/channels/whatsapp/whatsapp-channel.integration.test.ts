// The WhatsApp channel against the real server and a local Graph API stand-in that answers as
// the Cloud API documents: the handshake, signed deliveries, dedupe, replies and their statuses,
// media download, the 24-hour window and templates, outbound conversations, and one conversation
// through the rules bot, a handoff and an agent.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Contact, type Conversation, type Message } from '@switchboard/protocol';
import { startHarness, type AgentSocket, type Harness } from '../../test-support/harness.js';
import { connectChannel, eventually, type ChannelTestKit } from '../testing/channel-harness.js';
import { startStandIn, type StandIn, type StandInRequest } from '../testing/stand-in.js';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-token-for-tests';
const ACCESS_TOKEN = 'EAAJB-permanent-system-user-token';
const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';
const MESSAGES_PATH = `/v21.0/${PHONE_NUMBER_ID}/messages`;
const BEARER = `Bearer ${ACCESS_TOKEN}`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const TEMPLATE_BODY = 'Hi {{1}}, your order {{2}} has shipped.';

let h: Harness;
let graph: StandIn;
let kit: ChannelTestKit;
let agent: AgentSocket;
const updates: Message[] = [];
let sentCount = 0;

/** The Graph API as the Cloud API reference documents it; anything without the token is refused. */
function graphApi(request: StandInRequest) {
  if (request.headers.authorization !== BEARER) {
    return {
      status: 401,
      body: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } },
    };
  }
  if (request.method === 'POST' && request.path === MESSAGES_PATH) {
    const { to } = request.json as { to: string };
    return {
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.OUT${(sentCount += 1)}` }],
      },
    };
  }
  if (request.method === 'GET' && request.path === `/v21.0/${WABA_ID}/message_templates?status=APPROVED`) {
    return {
      body: {
        data: [
          {
            name: 'order_update',
            language: 'en_US',
            status: 'APPROVED',
            category: 'UTILITY',
            id: '594425479261596',
            components: [
              { type: 'HEADER', format: 'TEXT', text: 'Your order' },
              { type: 'BODY', text: TEMPLATE_BODY },
            ],
          },
        ],
        paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } },
      },
    };
  }
  if (request.method === 'GET' && request.path === '/v21.0/1003383421387256') {
    return {
      body: {
        messaging_product: 'whatsapp',
        url: `${graph.url}/whatsapp_business/attachments/?mid=1003383421387256`,
        mime_type: 'image/png',
        sha256: createHash('sha256').update(PNG).digest('hex'),
        file_size: PNG.length,
        id: '1003383421387256',
      },
    };
  }
  if (request.method === 'GET' && request.path === '/whatsapp_business/attachments/?mid=1003383421387256') {
    return { headers: { 'content-type': 'image/png' }, body: PNG };
  }
  return { status: 404, body: { error: { message: 'Unknown path', code: 100 } } };
}

/** A `messages` webhook delivery, exactly as Meta posts it, and Meta's signature of its bytes. */
function signed(value: Record<string, unknown>) {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
  return { raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
}

let inboundCount = 0;
function inbound(from: string, message: Record<string, unknown>, sentAt = Date.now()) {
  return signed({
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: from }],
    messages: [
      {
        from,
        id: `wamid.IN${(inboundCount += 1)}-${from}`,
        timestamp: String(Math.floor(sentAt / 1000)),
        ...message,
      },
    ],
  });
}

const text = (body: string) => ({ type: 'text', text: { body } });

const statuses = (...items: Record<string, unknown>[]) =>
  signed({
    statuses: items.map((item) => ({
      timestamp: String(Math.floor(Date.now() / 1000)),
      recipient_id: '16505551234',
      ...item,
    })),
  });

async function conversationOf(from: string): Promise<Conversation> {
  return eventually(async () => {
    const link = await h.switchboard.store.channels.contactAt(kit.account.id, from);
    return link ? (await kit.conversations()).find((c) => c.contactId === link.contactId) : undefined;
  });
}

const sentTo = (to: string) =>
  graph.requests.filter((r) => r.path === MESSAGES_PATH && (r.json as { to?: string }).to === to);

async function agentSends(conversationId: string, body: string) {
  return agent.emitWithAck('message:send', { conversationId, clientMessageId: ulid(), text: body });
}

beforeAll(async () => {
  h = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' }, { channelBackoff: () => 20 });
  graph = await startStandIn(graphApi);
  kit = await connectChannel(h, 'whatsapp', {
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    accessToken: ACCESS_TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    wabaId: WABA_ID,
    graphBaseUrl: graph.url,
  });
  // Online before any handoff, so that routing assigns the conversations to this agent.
  agent = await h.agentSocket(kit.adminToken);
  agent.on('message:updated', (message) => updates.push(message));
});

afterAll(async () => {
  await h.close();
  await graph.close();
});

describe('WhatsApp Cloud API channel', () => {
  it('answers the verification handshake for the right verify token only', async () => {
    const webhook = `${h.url}/v1/channels/${kit.account.id}/webhook`;
    const good = await fetch(
      `${webhook}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    const wrong = await fetch(
      `${webhook}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`,
    );
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
  });

  it('refuses a missing, wrong or one-byte-mutated signature and writes nothing', async () => {
    const before = h.count('messages');
    const contactsBefore = h.count('contacts');
    const { raw, headers } = inbound('4915100000001', text('Let me in'));
    const missing = await kit.deliver(raw, { 'content-type': 'application/json' });
    const wrong = await kit.deliver(raw, {
      ...headers,
      'x-hub-signature-256': `sha256=${createHmac('sha256', 'not-the-app-secret').update(raw).digest('hex')}`,
    });
    const mutated = Buffer.from(raw);
    mutated.writeUInt8(mutated.readUInt8(mutated.length - 5) ^ 1, mutated.length - 5);
    const oneByte = await kit.deliver(mutated, headers);
    for (const refused of [missing, wrong, oneByte]) {
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(h.count('messages')).toBe(before);
    expect(h.count('contacts')).toBe(contactsBefore);
    expect(await h.switchboard.store.channels.contactAt(kit.account.id, '4915100000001')).toBeNull();
  });

  it('takes a conversation through the rules bot, a handoff and an agent, with delivery states', async () => {
    const from = '16505551234';
    const hello = inbound(from, text('hello'));
    expect((await kit.deliver(hello.raw, hello.headers)).status).toBe(200);
    // Meta redelivers: still one message.
    expect((await kit.deliver(hello.raw, hello.headers)).status).toBe(200);

    const conversation = await conversationOf(from);
    expect(conversation).toMatchObject({ channel: 'whatsapp', status: 'bot' });
    const contact = await h.get<Contact>(`/v1/contacts/${conversation.contactId}`, kit.adminToken);
    expect(contact.body).toMatchObject({ name: 'Sheena Nelson', phone: `+${from}` });
    const messages = await eventually(async () => {
      const items = await kit.messages(conversation.id);
      return items.some((m) => m.authorKind === 'bot') ? items : undefined;
    });
    expect(messages.filter((m) => m.authorKind === 'visitor').map((m) => m.text)).toEqual(['hello']);

    // The bot's greeting left through the Graph API, its quick replies listed (more than three).
    const greeting = await eventually(() => sentTo(from)[0]);
    expect(greeting.headers.authorization).toBe(BEARER);
    const greetingText = messages.find((m) => m.authorKind === 'bot')?.text ?? '';
    expect(greeting.json).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'text',
      text: { body: expect.stringContaining(greetingText) as unknown },
    });
    expect((greeting.json as { text: { body: string } }).text.body).toContain('• Shipping');

    const human = inbound(from, text('I want to talk to a human'));
    await kit.deliver(human.raw, human.headers);
    // WhatsApp gives no email address: the bot asks for one before it hands off, its one quick
    // reply becoming a reply button.
    const ask = await eventually(() =>
      sentTo(from).find((r) => (r.json as { type: string }).type === 'interactive'),
    );
    expect(ask.json).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: expect.stringContaining('email address') as unknown },
        action: { buttons: [{ type: 'reply', reply: { id: 'Talk to a human', title: 'Talk to a human' } }] },
      },
    });
    const email = inbound(from, text('sheena@example.com'));
    await kit.deliver(email.raw, email.headers);
    const assigned = await eventually(async () => {
      const current = (await kit.conversations()).find((c) => c.id === conversation.id);
      return current?.status === 'active' ? current : undefined;
    });
    expect(assigned.handoff?.reason).toBe('visitor_request');

    const reply = 'Hi Sheena, Grace here. How can I help?';
    const sent = await agentSends(conversation.id, reply);
    if (!sent.ok) throw new Error(sent.error.message);
    const request = await eventually(() =>
      sentTo(from).find((r) => (r.json as { text?: { body: string } }).text?.body === reply),
    );
    expect(request.method).toBe('POST');
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.headers.authorization).toBe(BEARER);
    expect(request.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'text',
      text: { body: reply, preview_url: false },
    });
    await kit.deliveryReaches(conversation.id, sent.data.id, 'sent');
    // The wamid the Graph API answered is the message's provider id.
    const wamid = `wamid.OUT${sentCount}`;
    expect((await h.switchboard.store.channels.messageByExternalId(kit.account.id, [wamid]))?.id).toBe(
      sent.data.id,
    );

    for (const state of ['delivered', 'read'] as const) {
      const callback = statuses({ id: wamid, status: state });
      expect((await kit.deliver(callback.raw, callback.headers)).status).toBe(200);
      const found = (await kit.messages(conversation.id)).find((m) => m.id === sent.data.id);
      expect(found?.delivery?.state).toBe(state);
      await eventually(() => updates.find((u) => u.id === sent.data.id && u.delivery?.state === state));
    }

    // WhatsApp accepts the next one, then reports it undeliverable.
    const doomed = await agentSends(conversation.id, 'Are you still there?');
    if (!doomed.ok) throw new Error(doomed.error.message);
    await kit.deliveryReaches(conversation.id, doomed.data.id, 'sent');
    const failed = statuses({
      id: `wamid.OUT${sentCount}`,
      status: 'failed',
      errors: [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'Message undeliverable',
          error_data: { details: 'The recipient is not a WhatsApp user.' },
        },
      ],
    });
    await kit.deliver(failed.raw, failed.headers);
    const shown = (await kit.messages(conversation.id)).find((m) => m.id === doomed.data.id);
    expect(shown?.delivery).toMatchObject({
      state: 'failed',
      error: 'Message undeliverable (131026): The recipient is not a WhatsApp user.',
    });
    await eventually(() => updates.find((u) => u.id === doomed.data.id && u.delivery?.state === 'failed'));
  });

  it('retries a send the Graph API fails with 5xx, and shows a 4xx refusal as failed with its reason', async () => {
    const conversation = await conversationOf('16505551234');
    let calls = 0;
    graph.handle((request) => {
      if (request.path !== MESSAGES_PATH) return graphApi(request);
      calls += 1;
      return calls === 1
        ? { status: 503, body: { error: { message: 'Service temporarily unavailable', code: 2 } } }
        : graphApi(request);
    });
    try {
      const retried = await agentSends(conversation.id, 'Second try');
      if (!retried.ok) throw new Error(retried.error.message);
      await eventually(async () => {
        await kit.flush();
        const found = (await kit.messages(conversation.id)).find((m) => m.id === retried.data.id);
        return found?.delivery?.state === 'sent' ? found : undefined;
      });
      expect(calls).toBe(2);

      calls = 0;
      graph.handle((request) => {
        if (request.path !== MESSAGES_PATH) return graphApi(request);
        calls += 1;
        return {
          status: 400,
          body: {
            error: {
              message: '(#131030) Recipient phone number not in allowed list',
              type: 'OAuthException',
              code: 131030,
              error_data: { details: 'Add the recipient to the allowed list in the Meta dashboard.' },
              fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
            },
          },
        };
      });
      const refused = await agentSends(conversation.id, 'Doomed');
      if (!refused.ok) throw new Error(refused.error.message);
      const failed = await eventually(async () => {
        await kit.flush();
        const found = (await kit.messages(conversation.id)).find((m) => m.id === refused.data.id);
        return found?.delivery?.state === 'failed' ? found : undefined;
      });
      expect(failed.delivery?.error).toBe(
        'WhatsApp refused it: (#131030) Recipient phone number not in allowed list (code 131030): Add the recipient to the allowed list in the Meta dashboard.',
      );
      expect(calls).toBe(1);
    } finally {
      graph.handle(graphApi);
    }
  });

  it('downloads an inbound image through the Graph API and reads locations and replies as text', async () => {
    const from = '447700900123';
    const image = inbound(from, {
      type: 'image',
      image: { id: '1003383421387256', mime_type: 'image/png', sha256: 'x', caption: 'The parcel' },
    });
    await kit.deliver(image.raw, image.headers);
    const conversation = await conversationOf(from);
    const withImage = await eventually(async () =>
      (await kit.messages(conversation.id)).find((m) => m.text === 'The parcel'),
    );
    expect(withImage.attachments).toEqual([
      expect.objectContaining({ contentType: 'image/png', kind: 'image', size: PNG.length }),
    ]);
    const [lookup, download] = graph.requests.filter((r) => r.path.includes('1003383421387256'));
    expect(lookup).toMatchObject({ method: 'GET', path: '/v21.0/1003383421387256' });
    expect(lookup?.headers.authorization).toBe(BEARER);
    expect(download?.path).toBe('/whatsapp_business/attachments/?mid=1003383421387256');
    expect(download?.headers.authorization).toBe(BEARER);

    for (const message of [
      {
        type: 'location',
        location: { latitude: 51.5007, longitude: -0.1246, name: 'Big Ben', address: 'London' },
      },
      {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'ship', title: 'Shipping' } },
      },
      {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'ret', title: 'Returns' } },
      },
      { type: 'button', button: { text: 'Track my order', payload: 'track' } },
    ]) {
      const delivery = inbound(from, message);
      await kit.deliver(delivery.raw, delivery.headers);
    }
    const texts = (await kit.messages(conversation.id))
      .filter((m) => m.authorKind === 'visitor')
      .map((m) => m.text);
    expect(texts).toEqual([
      'The parcel',
      '📍 Big Ben, London (51.5007, -0.1246)\nhttps://www.openstreetmap.org/?mlat=51.5007&mlon=-0.1246',
      'Shipping',
      'Returns',
      'Track my order',
    ]);

    // A late redelivery of an old message does not close the window the newer ones opened.
    const opened = (await h.switchboard.store.channels.contactAt(kit.account.id, from))?.lastInboundAt;
    const late = inbound(from, text('Sent yesterday'), Date.now() - 30 * 60 * 60 * 1000);
    await kit.deliver(late.raw, late.headers);
    expect((await kit.messages(conversation.id)).some((m) => m.text === 'Sent yesterday')).toBe(true);
    expect((await h.switchboard.store.channels.contactAt(kit.account.id, from))?.lastInboundAt).toBe(opened);
  });

  it('refuses free-form replies after 24 hours and sends an approved template instead', async () => {
    const from = '33612345678';
    const old = inbound(from, text('hello'), Date.now() - 25 * 60 * 60 * 1000);
    await kit.deliver(old.raw, old.headers);
    const intervened = await agent.emitWithAck('conversation:accept', {
      conversationId: (await conversationOf(from)).id,
    });
    if (!intervened.ok) throw new Error(intervened.error.message);
    const conversation = intervened.data;
    const before = h.count('messages');

    const refused = await agentSends(conversation.id, 'Sorry for the wait!');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'channel_window_closed', message: expect.stringContaining('24 hours') as unknown },
    });
    expect(h.count('messages')).toBe(before);

    const listed = await h.get(`/v1/channels/${kit.account.id}/templates`, kit.adminToken);
    expect(listed).toEqual({
      status: 200,
      body: [
        {
          name: 'order_update',
          language: 'en_US',
          category: 'UTILITY',
          body: TEMPLATE_BODY,
          parameterCount: 2,
        },
      ],
    });

    const wrongCount = await h.send<{ error: { code: string } }>(
      'POST',
      `/v1/conversations/${conversation.id}/template`,
      {
        clientMessageId: ulid(),
        template: { name: 'order_update', language: 'en_US', parameters: ['Sheena'] },
      },
      kit.adminToken,
    );
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error.code).toBe('invalid_payload');
    expect(h.count('messages')).toBe(before);

    const template = { name: 'order_update', language: 'en_US', parameters: ['Sheena', '#1042'] };
    const accepted = await h.send<Message>(
      'POST',
      `/v1/conversations/${conversation.id}/template`,
      { clientMessageId: ulid(), template },
      kit.adminToken,
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.text).toBe('Hi Sheena, your order #1042 has shipped.');
    const request = await eventually(() =>
      sentTo(from).find((r) => (r.json as { type: string }).type === 'template'),
    );
    expect(request.headers.authorization).toBe(BEARER);
    expect(request.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Sheena' },
              { type: 'text', text: '#1042' },
            ],
          },
        ],
      },
    });
    // The refused free-form reply never reached WhatsApp.
    expect(sentTo(from).filter((r) => JSON.stringify(r.json).includes('Sorry for the wait'))).toEqual([]);
  });

  it('starts an outbound conversation with a template, and refuses one with free text', async () => {
    const template = { name: 'order_update', language: 'en_US', parameters: ['Ada', '#2001'] };
    const started = await h.send<{ conversation: Conversation; message: Message }>(
      'POST',
      '/v1/conversations/outbound',
      { channelAccountId: kit.account.id, to: '+49 151 2345 6789', template, clientMessageId: ulid() },
      kit.adminToken,
    );
    expect(started.status).toBe(201);
    const { agent: me } = await h.agentSession();
    expect(started.body.conversation).toMatchObject({
      channel: 'whatsapp',
      status: 'active',
      channelAccountId: kit.account.id,
      assigneeId: me.id,
    });
    const contact = await h.get<Contact>(
      `/v1/contacts/${started.body.conversation.contactId}`,
      kit.adminToken,
    );
    expect(contact.body.phone).toBe('+4915123456789');
    const request = await eventually(() => sentTo('4915123456789')[0]);
    expect(request.json).toMatchObject({
      to: '4915123456789',
      type: 'template',
      template: { name: 'order_update', language: { code: 'en_US' } },
    });

    const before = { messages: h.count('messages'), contacts: h.count('contacts') };
    const refused = await h.send<{ error: { code: string; message: string } }>(
      'POST',
      '/v1/conversations/outbound',
      {
        channelAccountId: kit.account.id,
        to: '+49 151 0000 0001',
        text: 'Hello there',
        clientMessageId: ulid(),
      },
      kit.adminToken,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('channel_window_closed');
    expect(refused.body.error.message).toContain('template');
    expect({ messages: h.count('messages'), contacts: h.count('contacts') }).toEqual(before);
    expect(sentTo('4915100000001')).toEqual([]);
  });
});
