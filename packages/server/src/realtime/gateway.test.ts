import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Conversation, type Message } from '@switchboard/protocol';
import { nextEvent, startHarness, type Harness, type VisitorSocket } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function visitorWithConversation(): Promise<{ socket: VisitorSocket; conversation: Conversation }> {
  const session = await h.visitorSession();
  const socket = await h.visitorSocket(session.token);
  const ack = await socket.emitWithAck('conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { socket, conversation: ack.data };
}

describe('handshake', () => {
  it('refuses a missing or forged token with an unauthorized connect_error', async () => {
    for (const token of ['', 'v1.e30.forged']) {
      const error = await h.visitorSocket(token).catch((e: { data?: { code: string } }) => e);
      expect(error).toMatchObject({ data: { code: 'unauthorized' } });
    }
  });

  it('keeps visitors and agents in their own namespaces', async () => {
    const visitor = await h.visitorSession();
    const error = await h.agentSocket(visitor.token).catch((e: { data?: { code: string } }) => e);
    expect(error).toMatchObject({ data: { code: 'unauthorized' } });
  });

  it('enforces the site origin allowlist', async () => {
    const site = await h.switchboard.store.sites.create({
      name: 'Strict',
      siteKey: 'pk_strict_site',
      identitySecret: 'x'.repeat(32),
      identityVerification: 'off',
      allowedOrigins: ['https://shop.example'],
    });
    expect(site.allowedOrigins).toEqual(['https://shop.example']);
    const session = await h.visitorSession('pk_strict_site');
    await expect(h.visitorSocket(session.token, { origin: 'https://shop.example' })).resolves.toBeTruthy();
    const error = await h
      .visitorSocket(session.token, { origin: 'https://evil.example' })
      .catch((e: { data?: { code: string } }) => e);
    expect(error).toMatchObject({ data: { code: 'origin_not_allowed' } });
  });
});

describe('message:send', () => {
  it('stores, acks with a seq, and broadcasts to agents after commit', async () => {
    const agent = await h.agentSocket((await h.agentSession()).token);
    const { socket, conversation } = await visitorWithConversation();
    const received = nextEvent<Message>(agent, 'message:created');
    const ack = await socket.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: 'Hello there',
    });
    expect(ack).toMatchObject({ ok: true, data: { seq: 1, text: 'Hello there', authorKind: 'visitor' } });
    expect(await received).toEqual((ack as { data: Message }).data);
  });

  it('is idempotent: the same clientMessageId three times (once across a reconnect) stores one row', async () => {
    const agent = await h.agentSocket((await h.agentSession()).token);
    const session = await h.visitorSession();
    let socket = await h.visitorSocket(session.token);
    const started = await socket.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const payload = { conversationId: started.data.id, clientMessageId: ulid(), text: 'only once please' };
    const broadcasts: Message[] = [];
    agent.on('message:created', (m) => m.conversationId === started.data.id && broadcasts.push(m));
    const before = h.count('messages');

    const first = await socket.emitWithAck('message:send', payload);
    const second = await socket.emitWithAck('message:send', payload);
    socket.disconnect();
    socket = await h.visitorSocket(session.token);
    const third = await socket.emitWithAck('message:send', payload);

    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(h.count('messages')).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(broadcasts).toHaveLength(1);
  });

  it('answers malformed payloads with an error ack and writes nothing', async () => {
    const { socket, conversation } = await visitorWithConversation();
    const before = h.count('messages');
    const bad: unknown[] = [
      'not an object',
      null,
      42,
      { conversationId: conversation.id, clientMessageId: 'not-a-ulid', text: 'x' },
      { conversationId: conversation.id, clientMessageId: ulid(), text: '   ' },
      { conversationId: conversation.id, clientMessageId: ulid(), text: 'x'.repeat(5000) },
      { conversationId: conversation.id, clientMessageId: ulid(), text: 'hi', kind: 'note' },
      { clientMessageId: ulid(), text: 'no conversation' },
    ];
    for (const payload of bad) {
      const ack = await socket.emitWithAck('message:send', payload as never);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    // Without an ack callback there is no one to answer, and the server must simply carry on.
    (socket.emit as (event: string, payload: unknown) => void)('message:send', { junk: true });
    const ok = await socket.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: 'still alive',
    });
    expect(ok.ok).toBe(true);
    expect(h.count('messages')).toBe(before + 1);
  });

  it('does not let a visitor join or post to another visitor’s conversation', async () => {
    const victim = await visitorWithConversation();
    const intruder = await visitorWithConversation();
    const join = await intruder.socket.emitWithAck('conversation:join', {
      conversationId: victim.conversation.id,
    });
    expect(join).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const before = h.count('messages');
    const post = await intruder.socket.emitWithAck('message:send', {
      conversationId: victim.conversation.id,
      clientMessageId: ulid(),
      text: 'let me in',
    });
    expect(post).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(h.count('messages')).toBe(before);
  });

  it('never sends internal notes to the visitor', async () => {
    const { socket, conversation } = await visitorWithConversation();
    const agent = await h.agentSocket((await h.agentSession()).token);
    const seen: Message[] = [];
    socket.on('message:created', (m) => seen.push(m));
    const note = await agent.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: 'internal: VIP customer',
      kind: 'note',
    });
    const reply = await agent.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: 'Hi! How can I help?',
    });
    expect(note.ok && reply.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((m) => m.text)).toEqual(['Hi! How can I help?']);
  });

  it('refuses an id that another author already used in the conversation', async () => {
    const { socket, conversation } = await visitorWithConversation();
    const agent = await h.agentSocket((await h.agentSession()).token);
    const clientMessageId = ulid();
    const note = await agent.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId,
      text: 'secret note',
      kind: 'note',
    });
    expect(note.ok).toBe(true);
    const replay = await socket.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId,
      text: 'x',
    });
    expect(replay).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(replay)).not.toContain('secret note');
  });
});

describe('rate limits', () => {
  it('answers rate_limited once a socket exceeds its burst', async () => {
    const limited = await startHarness({ SWITCHBOARD_MESSAGE_RATE_PER_SEC: '1' });
    try {
      const session = await limited.visitorSession();
      const socket = await limited.visitorSocket(session.token);
      const started = await socket.emitWithAck('conversation:start', {});
      if (!started.ok) throw new Error('start failed');
      const acks = await Promise.all(
        Array.from({ length: 8 }, () =>
          socket.emitWithAck('message:send', {
            conversationId: started.data.id,
            clientMessageId: ulid(),
            text: 'spam',
          }),
        ),
      );
      const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
      // Burst is 4x the rate: three more after conversation:start took one.
      expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
      expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(5);
    } finally {
      await limited.close();
    }
  });
});
