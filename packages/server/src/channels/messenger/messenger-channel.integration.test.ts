// The Messenger channel against the real server and a local Graph API stand-in that answers as
// Meta does: the GET handshake, X-Hub-Signature-256, mid dedupe, echoes, a CDN attachment,
// replies through the Send API with delivery receipts, and one conversation through the rules
// bot, a handoff and an agent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@switchboard/protocol';
import { PREFIXES } from '../../test-support/files.js';
import { startHarness, type Harness } from '../../test-support/harness.js';
import { agentReplies, connectChannel, eventually, type ChannelTestKit } from '../testing/channel-harness.js';
import { startStandIn, type StandIn, type StandInHandler } from '../testing/stand-in.js';
import { hubSignature } from '../meta/hub.js';

const APP_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const VERIFY_TOKEN = 'switchboard-verify';
const PAGE_TOKEN = 'EAAGpage-token';
const PAGE_ID = '104857600';
const SEND_PATH = `/v21.0/me/messages?access_token=${PAGE_TOKEN}`;

let h: Harness;
let graph: StandIn;
let kit: ChannelTestKit;
let sentCount = 0;

/** Meta as it answers a Page: each sent message gets a mid; the CDN serves attachments. */
const meta: StandInHandler = (request) => {
  if (request.path === '/cdn/v/t1/2233_photo_n.jpg?oh=sig') return { body: PREFIXES.jpeg };
  if (request.path !== SEND_PATH)
    return { status: 404, body: { error: { message: 'Unknown path', code: 803 } } };
  const recipient = (request.json as { recipient: { id: string } }).recipient.id;
  return { body: { recipient_id: recipient, message_id: `m_out_${(sentCount += 1)}` } };
};

const signed = (body: unknown, secret = APP_SECRET) => {
  const raw = JSON.stringify(body);
  return {
    raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(secret, raw) },
  };
};

const page = (...messaging: unknown[]) => ({
  object: 'page',
  entry: [{ id: PAGE_ID, time: Date.now(), messaging }],
});

const fromPerson = (psid: string, message: Record<string, unknown>) =>
  page({ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), message });

async function conversationOf(psid: string) {
  const contact = await h.switchboard.store.channels.contactAt(kit.account.id, psid);
  return (await kit.conversations()).find((c) => c.contactId === contact?.contactId);
}

beforeAll(async () => {
  h = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' }, { channelBackoff: () => 20 });
  graph = await startStandIn(meta);
  kit = await connectChannel(h, 'messenger', {
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    pageAccessToken: PAGE_TOKEN,
    pageId: PAGE_ID,
    graphBaseUrl: graph.url,
  });
});

afterAll(async () => {
  await h.close();
  await graph.close();
});

afterEach(() => graph.handle(meta));

describe('messenger channel', () => {
  it('answers Meta’s subscription handshake with the challenge, for our verify token only', async () => {
    const url = (token: string) =>
      `${h.url}/v1/channels/${kit.account.id}/webhook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=8675309`;
    const ok = await fetch(url(VERIFY_TOKEN));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('8675309');
    expect((await fetch(url('not-our-token'))).status).toBe(403);
    // Meta takes the callback URL in the app's dashboard, not over the Page's API.
    const register = await h.send<{ error: { code: string } }>(
      'POST',
      `/v1/channels/${kit.account.id}/register-webhook`,
      {},
      kit.adminToken,
    );
    expect(register.status).toBe(400);
    expect(register.body.error.code).toBe('invalid_payload');
  });

  it('refuses a missing, wrong or one-byte-mutated signature and writes nothing', async () => {
    const before = h.count('messages');
    const { raw, headers } = signed(fromPerson('PSID-intruder', { mid: 'm_bad', text: 'hello?' }));
    const missing = await kit.deliver(raw, { 'content-type': 'application/json' });
    const wrong = await kit.deliver(raw, signed(JSON.parse(raw), 'another-app-secret-entirely').headers);
    const mutated = Buffer.from(raw);
    mutated.writeUInt8(mutated.readUInt8(mutated.length - 5) ^ 1, mutated.length - 5);
    const oneByte = await kit.deliver(mutated, headers);
    for (const refused of [missing, wrong, oneByte]) {
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(h.count('messages')).toBe(before);
    expect(await h.switchboard.store.channels.contactAt(kit.account.id, 'PSID-intruder')).toBeNull();
  });

  it('acknowledges the echo of a Page message and writes nothing', async () => {
    const before = { messages: h.count('messages'), contacts: h.count('contacts') };
    const echo = signed(
      page({
        sender: { id: PAGE_ID },
        recipient: { id: 'PSID-echo' },
        timestamp: Date.now(),
        message: {
          mid: 'm_echo_1',
          is_echo: true,
          app_id: 1517776481860111,
          text: 'sent from the Page inbox',
        },
      }),
    );
    expect((await kit.deliver(echo.raw, echo.headers)).status).toBe(200);
    expect({ messages: h.count('messages'), contacts: h.count('contacts') }).toEqual(before);
  });

  it('takes a conversation through the rules bot, a handoff and an agent, with delivery receipts', async () => {
    const psid = 'PSID-ada';
    const hello = signed(fromPerson(psid, { mid: 'm_in_1', text: 'hello' }));
    expect((await kit.deliver(hello.raw, hello.headers)).status).toBe(200);
    // Meta retries a delivery it got no 200 for: the same mid stores one message.
    expect((await kit.deliver(hello.raw, hello.headers)).status).toBe(200);

    const conversation = await eventually(() => conversationOf(psid));
    expect(conversation).toMatchObject({ channel: 'messenger', status: 'bot' });
    const greeting = await eventually(async () =>
      (await kit.messages(conversation.id)).find((m) => m.authorKind === 'bot'),
    );
    const visitorTexts = (await kit.messages(conversation.id))
      .filter((m) => m.authorKind === 'visitor')
      .map((m) => m.text);
    expect(visitorTexts).toEqual(['hello']);

    // The greeting left through the Send API with its quick replies, as Meta documents the body.
    const sentGreeting = await eventually(() => graph.requests.find((r) => r.method === 'POST'));
    expect(sentGreeting.path).toBe(SEND_PATH);
    expect(sentGreeting.headers['content-type']).toBe('application/json');
    expect(greeting.quickReplies.length).toBeGreaterThan(0);
    expect(sentGreeting.json).toEqual({
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: {
        text: greeting.text,
        quick_replies: greeting.quickReplies.map((reply) => ({
          content_type: 'text',
          title: reply.label,
          payload: reply.value,
        })),
      },
    });

    // The agent comes online first, so the handoff routes the conversation to them.
    const agent = await h.agentSocket(kit.adminToken);
    const updates: Message[] = [];
    agent.on('message:updated', (update) => updates.push(update));
    const human = signed(fromPerson(psid, { mid: 'm_in_2', text: 'I want to talk to a human' }));
    await kit.deliver(human.raw, human.headers);
    // Messenger tells us no email address: the bot asks for one before it hands off.
    const botTexts = async () =>
      (await kit.messages(conversation.id)).filter((m) => m.authorKind === 'bot').map((m) => m.text);
    await eventually(async () => ((await botTexts()).length >= 2 ? true : undefined));
    expect((await botTexts()).at(-1)).toContain('email');
    const email = signed(fromPerson(psid, { mid: 'm_in_3', text: 'ada@example.com' }));
    await kit.deliver(email.raw, email.headers);
    const assigned = await eventually(async () => {
      const current = await conversationOf(psid);
      return current?.status === 'active' ? current : undefined;
    });
    expect(assigned.handoff?.reason).toBe('visitor_request');
    expect(assigned.assigneeId).not.toBeNull();

    const sent = await agentReplies(agent, conversation.id, 'Hi Ada, Grace here. How can I help?');
    const reply = await eventually(() =>
      graph.requests.find((r) =>
        (r.json as { message?: { text?: string } } | undefined)?.message?.text?.startsWith('Hi Ada'),
      ),
    );
    expect(reply.path).toBe(SEND_PATH);
    expect(reply.json).toEqual({
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: { text: 'Hi Ada, Grace here. How can I help?' },
    });
    const mid = `m_out_${sentCount}`;
    await kit.deliveryReaches(conversation.id, sent.id, 'sent');

    // Messenger's receipt names the mid the Send API answered with.
    const delivered = signed(
      page({
        sender: { id: psid },
        recipient: { id: PAGE_ID },
        delivery: { mids: [mid], watermark: Date.now() },
      }),
    );
    expect((await kit.deliver(delivered.raw, delivered.headers)).status).toBe(200);
    const stored = (await kit.messages(conversation.id)).find((m) => m.id === sent.id);
    expect(stored?.delivery).toMatchObject({ state: 'delivered', error: null });
    await eventually(() => updates.find((u) => u.id === sent.id && u.delivery?.state === 'delivered'));

    // A read mark names no message: it is acknowledged and changes nothing.
    const read = signed(
      page({
        sender: { id: psid },
        recipient: { id: PAGE_ID },
        timestamp: Date.now(),
        read: { watermark: Date.now() },
      }),
    );
    expect((await kit.deliver(read.raw, read.headers)).status).toBe(200);
    const afterRead = (await kit.messages(conversation.id)).find((m) => m.id === sent.id);
    expect(afterRead?.delivery?.state).toBe('delivered');
  });

  it('downloads an image from its CDN URL and keeps it as an attachment', async () => {
    const psid = 'PSID-photo';
    const { raw, headers } = signed(
      fromPerson(psid, {
        mid: 'm_in_photo',
        attachments: [{ type: 'image', payload: { url: `${graph.url}/cdn/v/t1/2233_photo_n.jpg?oh=sig` } }],
      }),
    );
    await kit.deliver(raw, headers);
    const conversation = await eventually(() => conversationOf(psid));
    const withPhoto = await eventually(async () =>
      (await kit.messages(conversation.id)).find(
        (m) => m.authorKind === 'visitor' && m.attachments.length > 0,
      ),
    );
    expect(withPhoto.attachments).toEqual([
      expect.objectContaining({ name: '2233_photo_n.jpg', contentType: 'image/jpeg', kind: 'image' }),
    ]);
  });
});
