import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ulid,
  type AgentTypingEvent,
  type Conversation,
  type ReadReceipt,
  type VisitorTypingEvent,
} from '@switchboard/protocol';
import {
  nextEvent,
  startHarness,
  type AgentSocket,
  type Harness,
  type VisitorSocket,
} from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function visitorWithConversation(): Promise<{ socket: VisitorSocket; conversation: Conversation }> {
  const socket = await h.visitorSocket((await h.visitorSession()).token);
  const ack = await socket.emitWithAck('conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { socket, conversation: ack.data };
}

async function agent(): Promise<{ socket: AgentSocket; agentId: string }> {
  const session = await h.agentSession();
  return { socket: await h.agentSocket(session.token), agentId: session.agent.id };
}

/** Collects the events of one conversation that arrive within `ms`. */
function collect<T extends { conversationId: string }>(
  socket: { on(event: string, listener: (payload: T) => void): unknown },
  event: string,
  conversationId: string,
  ms = 150,
): Promise<T[]> {
  const seen: T[] = [];
  socket.on(event, (payload) => payload.conversationId === conversationId && seen.push(payload));
  return new Promise((resolve) => setTimeout(() => resolve(seen), ms));
}

const emit = (socket: VisitorSocket | AgentSocket, event: string, payload: unknown) =>
  (socket.emit as (event: string, payload: unknown) => void)(event, payload);

describe('typing', () => {
  it('relays the visitor’s typing to agents, and an agent’s (with their name) to the visitor', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const { socket: agentSocket, agentId } = await agent();

    const toAgent = nextEvent<AgentTypingEvent>(agentSocket, 'typing');
    visitor.emit('typing', { conversationId: conversation.id, typing: true });
    expect(await toAgent).toEqual({ conversationId: conversation.id, who: 'visitor', typing: true });

    const toVisitor = nextEvent<VisitorTypingEvent>(visitor, 'typing');
    const echo = nextEvent<AgentTypingEvent>(agentSocket, 'typing');
    agentSocket.emit('typing', { conversationId: conversation.id, typing: true });
    expect(await toVisitor).toMatchObject({
      conversationId: conversation.id,
      who: 'agent',
      name: expect.any(String) as string,
      typing: true,
    });
    expect(await echo).toEqual({ conversationId: conversation.id, who: 'agent', agentId, typing: true });
  });

  it('drops malformed and foreign typing silently, and the socket carries on', async () => {
    const victim = await visitorWithConversation();
    const intruder = await visitorWithConversation();
    const { socket: agentSocket } = await agent();
    const leaked = collect(agentSocket, 'typing', victim.conversation.id, 300);
    intruder.socket.emit('typing', { conversationId: victim.conversation.id, typing: true });
    for (const bad of [null, 'x', { conversationId: victim.conversation.id }, { typing: true, extra: 1 }])
      emit(intruder.socket, 'typing', bad);
    expect(await leaked).toEqual([]);
    const ack = await intruder.socket.emitWithAck('message:send', {
      conversationId: intruder.conversation.id,
      clientMessageId: ulid(),
      text: 'still here',
    });
    expect(ack.ok).toBe(true);
  });

  it('throttles a chatty socket to its typing burst', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const { socket: agentSocket } = await agent();
    const seen = collect<AgentTypingEvent>(agentSocket, 'typing', conversation.id, 300);
    for (let i = 0; i < 20; i += 1)
      visitor.emit('typing', { conversationId: conversation.id, typing: i % 2 === 0 });
    expect((await seen).length).toBe(3);
  });
});

describe('conversation:read', () => {
  it('stores the visitor’s mark clamped to lastSeq, never lowers it, and tells agents once', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const { socket: agentSocket } = await agent();
    for (const text of ['one', 'two'])
      await visitor.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMessageId: ulid(),
        text,
      });
    const receipts = collect<ReadReceipt>(agentSocket, 'conversation:read', conversation.id, 300);

    const first = await visitor.emitWithAck('conversation:read', {
      conversationId: conversation.id,
      seq: 99,
    });
    expect(first).toMatchObject({ ok: true, data: { reader: 'visitor', seq: 2 } });
    const lower = await visitor.emitWithAck('conversation:read', { conversationId: conversation.id, seq: 1 });
    expect(lower).toMatchObject({ ok: true, data: { seq: 2 } });

    expect((await receipts).map((r) => [r.reader, r.seq])).toEqual([['visitor', 2]]);
    expect((await h.switchboard.store.conversations.byId(conversation.id))?.visitorReadSeq).toBe(2);
  });

  it('tells the visitor what an agent read, and a rejoin shows it', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const { socket: agentSocket, agentId } = await agent();
    await visitor.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: 'anyone?',
    });
    const told = nextEvent<ReadReceipt>(visitor, 'conversation:read');
    const ack = await agentSocket.emitWithAck('conversation:read', {
      conversationId: conversation.id,
      seq: 1,
    });
    expect(ack).toMatchObject({ ok: true, data: { reader: 'agent', agentId, seq: 1 } });
    expect(await told).toMatchObject({ conversationId: conversation.id, reader: 'agent', agentId, seq: 1 });
    const rejoined = await visitor.emitWithAck('conversation:join', { conversationId: conversation.id });
    expect(rejoined).toMatchObject({ ok: true, data: { agentReadSeq: 1, visitorReadSeq: 0 } });
  });

  it('refuses someone else’s conversation and bad payloads with an error ack', async () => {
    const victim = await visitorWithConversation();
    const intruder = await visitorWithConversation();
    const foreign = await intruder.socket.emitWithAck('conversation:read', {
      conversationId: victim.conversation.id,
      seq: 1,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await intruder.socket.emitWithAck('conversation:read', {
      conversationId: intruder.conversation.id,
      seq: -1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
