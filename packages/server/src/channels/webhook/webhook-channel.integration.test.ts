// The generic webhook channel against the real server and a real receiving system (a local
// stand-in): signed deliveries in, signed webhooks out, dedupe, statuses, retries and failure,
// and one conversation through the rules bot, a handoff and an agent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@switchboard/protocol';
import { signPayload, verifySignature } from '../../bots/webhook/signature.js';
import { DEMO } from '../../services/demo-seed.js';
import { startHarness, type Harness } from '../../test-support/harness.js';
import { agentReplies, connectChannel, eventually, type ChannelTestKit } from '../testing/channel-harness.js';
import { startStandIn, type StandIn, type StandInRequest } from '../testing/stand-in.js';

const SECRET = 'a-shared-secret-of-some-length';

let h: Harness;
let receiver: StandIn;
let kit: ChannelTestKit;

function signed(body: unknown, secret = SECRET) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    raw,
    headers: {
      'content-type': 'application/json',
      'x-switchboard-timestamp': timestamp,
      'x-switchboard-signature': signPayload(secret, timestamp, raw),
    },
  };
}

/** The receiving system answers with its own id for our message: `remote-<our id>`. */
const answerWithId = (request: StandInRequest) => ({
  body: { id: `remote-${(request.json as { id: string }).id}` },
});

const message = (id: string, text: string, from = 'crm-user-1') => ({
  type: 'message',
  id,
  from: { id: from, name: 'Ada Lovelace', email: 'ada@example.com' },
  text,
});

beforeAll(async () => {
  h = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' }, { channelBackoff: () => 20 });
  receiver = await startStandIn(answerWithId);
  kit = await connectChannel(h, 'webhook', { secret: SECRET, url: `${receiver.url}/inbox` });
});

afterAll(async () => {
  await h.close();
  await receiver.close();
});

afterEach(() => receiver.handle(answerWithId));

describe('generic webhook channel', () => {
  it('refuses a missing, wrong or mutated signature and writes nothing', async () => {
    const before = h.count('messages');
    const { raw, headers } = signed(message('evt-bad', 'Hello?', 'crm-intruder'));
    const missing = await kit.deliver(raw, { 'content-type': 'application/json' });
    const wrong = await kit.deliver(raw, { ...headers, ...signed({}, 'another-secret-entirely').headers });
    const mutated = Buffer.from(raw);
    mutated.writeUInt8(mutated.readUInt8(mutated.length - 3) ^ 1, mutated.length - 3);
    const oneByte = await kit.deliver(mutated, headers);
    for (const refused of [missing, wrong, oneByte]) {
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(h.count('messages')).toBe(before);
    expect(await h.switchboard.store.channels.contactAt(kit.account.id, 'crm-intruder')).toBeNull();
  });

  it('refuses a correctly signed body that is not the format, with a clear 400', async () => {
    const { raw, headers } = signed({ type: 'message', id: 'x' });
    const response = await kit.deliver(raw, headers);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      error: { code: 'invalid_payload', message: expect.stringContaining('from') as string },
    });
  });

  it('takes a conversation through the rules bot, a handoff and an agent, replies leaving signed', async () => {
    const first = signed(message('evt-1', 'hello'));
    expect((await kit.deliver(first.raw, first.headers)).status).toBe(200);
    // The same delivery again (the system retried): still one message.
    expect((await kit.deliver(first.raw, first.headers)).status).toBe(200);

    const [conversation] = await kit.conversations();
    expect(conversation).toMatchObject({ channel: 'webhook', status: 'bot' });
    const id = conversation?.id ?? '';
    const afterGreeting = await eventually(async () => {
      const items = await kit.messages(id);
      return items.some((m) => m.authorKind === 'bot') ? items : undefined;
    });
    expect(afterGreeting.filter((m) => m.authorKind === 'visitor').map((m) => m.text)).toEqual(['hello']);

    // The bot's greeting left through the receiver, signed, with its quick replies.
    const greeting = await eventually(() => receiver.requests.find((r) => r.path === '/inbox'));
    const timestamp = String(greeting.headers['x-switchboard-timestamp']);
    expect(
      verifySignature(
        SECRET,
        timestamp,
        greeting.rawBody,
        String(greeting.headers['x-switchboard-signature']),
      ),
    ).toBe(true);
    expect(greeting.json).toMatchObject({
      type: 'message',
      conversationId: id,
      to: { id: 'crm-user-1' },
      quickReplies: expect.arrayContaining([expect.objectContaining({ label: 'Shipping' })]) as unknown,
    });
    expect(greeting.headers['x-switchboard-delivery']).toBe((greeting.json as { id: string }).id);

    // The agent comes online: the handoff below routes the conversation to them.
    const agent = await h.agentSocket(kit.adminToken);
    const updates: Message[] = [];
    agent.on('message:updated', (update) => updates.push(update));
    const human = signed(message('evt-2', 'I want to talk to a human'));
    await kit.deliver(human.raw, human.headers);
    const assigned = await eventually(async () => {
      const current = (await kit.conversations())[0];
      return current?.status === 'active' ? current : undefined;
    });
    expect(assigned.handoff?.reason).toBe('visitor_request');
    expect(assigned.assigneeId).not.toBeNull();
    const sent = await agentReplies(agent, id, 'Hi Ada, Grace here. How can I help?');
    expect(sent.delivery?.state).toBe('pending');

    const reply = await eventually(() =>
      receiver.requests.find((r) => (r.json as { text?: string } | undefined)?.text?.startsWith('Hi Ada')),
    );
    expect(reply.json).toMatchObject({ to: { id: 'crm-user-1' }, from: { name: DEMO.agentName } });
    const stored = await kit.deliveryReaches(id, sent.id, 'sent');
    expect(stored.delivery).toMatchObject({ state: 'sent', error: null });

    // The receiving system reports it read, using the id it answered with.
    const externalId = `remote-${sent.id}`;
    const read = signed({ type: 'status', messageId: externalId, status: 'read' });
    await kit.deliver(read.raw, read.headers);
    // A late "delivered" never moves it back.
    const late = signed({ type: 'status', messageId: externalId, status: 'delivered' });
    await kit.deliver(late.raw, late.headers);
    const readNow = (await kit.messages(id)).find((m) => m.id === sent.id);
    expect(readNow?.delivery?.state).toBe('read');
    await eventually(() => updates.find((u) => u.id === sent.id && u.delivery?.state === 'read'));
  });

  it('retries a send the receiver fails, and shows a refused one as failed with the reason', async () => {
    const [conversation] = await kit.conversations();
    const id = conversation?.id ?? '';
    const agent = await h.agentSocket(kit.adminToken);
    let calls = 0;
    receiver.handle((request) => (++calls === 1 ? { status: 503, body: 'busy' } : answerWithId(request)));
    const retried = await agentReplies(agent, id, 'Second try');
    await kit.deliveryReaches(id, retried.id, 'sent');
    expect(calls).toBe(2);

    receiver.handle(() => ({ status: 422, body: 'unknown recipient' }));
    const refused = await agentReplies(agent, id, 'Doomed');
    const failed = await kit.deliveryReaches(id, refused.id, 'failed');
    expect(failed.delivery?.error).toContain('422');
    expect(failed.delivery?.error).toContain('unknown recipient');
  });

  it('keeps an attachment the system links to, checked by its bytes', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    receiver.handle((request) =>
      request.path === '/files/dot.png'
        ? { headers: { 'content-type': 'image/png' }, body: png }
        : { body: {} },
    );
    const { raw, headers } = signed({
      ...message('evt-file', 'Here is a screenshot', 'crm-user-2'),
      attachments: [{ url: `${receiver.url}/files/dot.png` }],
    });
    await kit.deliver(raw, headers);
    const withFile = await eventually(async () => {
      for (const c of await kit.conversations()) {
        const found = (await kit.messages(c.id)).find((m) => m.text === 'Here is a screenshot');
        if (found) return found;
      }
      return undefined;
    });
    expect(withFile.attachments).toEqual([
      expect.objectContaining({ name: 'dot.png', contentType: 'image/png', kind: 'image' }),
    ]);
  });
});
