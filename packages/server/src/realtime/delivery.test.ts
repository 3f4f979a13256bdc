// Delivery receipts over real sockets: each side's mark is stored, only rises, is raised by a read
// receipt too, and the other side is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import {
  BOT_NAMESPACE,
  ulid,
  type BotClientToServerEvents,
  type BotServerToClientEvents,
  type Conversation,
  type DeliveryReceipt,
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

async function say(socket: VisitorSocket, conversationId: string, ...texts: string[]): Promise<void> {
  for (const text of texts) {
    const ack = await socket.emitWithAck('message:send', { conversationId, clientMessageId: ulid(), text });
    if (!ack.ok) throw new Error(ack.error.message);
  }
}

const agentSocket = async (): Promise<AgentSocket> => h.agentSocket((await h.agentSession()).token);

/** The `conversation:delivered` events of one conversation that arrive within `ms`. */
function receiptsOn(socket: Socket, conversationId: string, ms = 300): Promise<DeliveryReceipt[]> {
  const seen: DeliveryReceipt[] = [];
  socket.on('conversation:delivered', (receipt: DeliveryReceipt) => {
    if (receipt.conversationId === conversationId) seen.push(receipt);
  });
  return new Promise((resolve) => setTimeout(() => resolve(seen), ms));
}

const stored = async (id: string) => {
  const conversation = await h.switchboard.store.conversations.byId(id);
  if (!conversation) throw new Error('conversation gone');
  return conversation;
};

describe('conversation:delivered', () => {
  it('stores the agents’ side mark clamped to lastSeq, never lowers it, and tells everyone once', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const agent = await agentSocket();
    await say(visitor, conversation.id, 'one', 'two');
    const toVisitor = receiptsOn(visitor, conversation.id);
    const toAgents = receiptsOn(agent, conversation.id);

    const first = await agent.emitWithAck('conversation:delivered', {
      conversationId: conversation.id,
      seq: 99,
    });
    expect(first).toMatchObject({
      ok: true,
      data: { conversationId: conversation.id, recipient: 'agent', seq: 2 },
    });
    const lower = await agent.emitWithAck('conversation:delivered', {
      conversationId: conversation.id,
      seq: 1,
    });
    expect(lower).toMatchObject({ ok: true, data: { recipient: 'agent', seq: 2 } });

    expect((await toVisitor).map((r) => [r.recipient, r.seq])).toEqual([['agent', 2]]);
    // Agents hear it too: their snapshots carry both sides' marks.
    expect((await toAgents).map((r) => [r.recipient, r.seq])).toEqual([['agent', 2]]);
    expect(await stored(conversation.id)).toMatchObject({ agentDeliveredSeq: 2, visitorDeliveredSeq: 0 });
  });

  it('tells agents what the visitor’s widget received, and not the visitor', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const agent = await agentSocket();
    await say(visitor, conversation.id, 'hello');
    const reply = await agent.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: 'Hi, how can I help?',
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const toAgents = receiptsOn(agent, conversation.id);
    const toVisitor = receiptsOn(visitor, conversation.id);

    const ack = await visitor.emitWithAck('conversation:delivered', {
      conversationId: conversation.id,
      seq: reply.data.seq,
    });
    expect(ack).toMatchObject({ ok: true, data: { recipient: 'visitor', seq: reply.data.seq } });
    expect(await toAgents).toMatchObject([{ conversationId: conversation.id, recipient: 'visitor', seq: 2 }]);
    expect(await toVisitor).toEqual([]);
  });

  it('is raised by a read receipt (reading implies receiving), and a rejoin shows both marks', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const agent = await agentSocket();
    await say(visitor, conversation.id, 'a', 'b', 'c');
    await agent.emitWithAck('conversation:delivered', { conversationId: conversation.id, seq: 1 });
    await agent.emitWithAck('conversation:read', { conversationId: conversation.id, seq: 2 });
    expect(await stored(conversation.id)).toMatchObject({ agentReadSeq: 2, agentDeliveredSeq: 2 });

    // Delivered may run ahead of read; a read below it leaves it alone.
    const told = receiptsOn(visitor, conversation.id);
    await agent.emitWithAck('conversation:delivered', { conversationId: conversation.id, seq: 3 });
    await visitor.emitWithAck('conversation:read', { conversationId: conversation.id, seq: 3 });
    const behind = await agent.emitWithAck('conversation:delivered', {
      conversationId: conversation.id,
      seq: 2,
    });
    expect(behind).toMatchObject({ ok: true, data: { seq: 3 } });
    expect((await told).map((r) => r.seq)).toEqual([3]);

    const rejoined = await visitor.emitWithAck('conversation:join', { conversationId: conversation.id });
    expect(rejoined).toMatchObject({
      ok: true,
      data: { lastSeq: 3, agentReadSeq: 2, agentDeliveredSeq: 3, visitorReadSeq: 3, visitorDeliveredSeq: 3 },
    });
  });

  it('refuses someone else’s conversation and bad payloads with an error ack, and the socket carries on', async () => {
    const victim = await visitorWithConversation();
    const intruder = await visitorWithConversation();
    await say(victim.socket, victim.conversation.id, 'private');
    const leaked = receiptsOn(await agentSocket(), victim.conversation.id);

    const foreign = await intruder.socket.emitWithAck('conversation:delivered', {
      conversationId: victim.conversation.id,
      seq: 1,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const missing = await intruder.socket.emitWithAck('conversation:delivered', {
      conversationId: 'nope',
      seq: 1,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const emit = intruder.socket.emitWithAck.bind(intruder.socket) as (
      event: string,
      payload: unknown,
    ) => Promise<unknown>;
    for (const bad of [
      null,
      'x',
      { conversationId: intruder.conversation.id },
      { conversationId: intruder.conversation.id, seq: -1 },
      { conversationId: intruder.conversation.id, seq: 1.5 },
      { conversationId: intruder.conversation.id, seq: '1' },
      { conversationId: intruder.conversation.id, seq: 1, recipient: 'agent' },
    ]) {
      expect(await emit('conversation:delivered', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(await leaked).toEqual([]);
    expect((await stored(victim.conversation.id)).visitorDeliveredSeq).toBe(0);
    await say(intruder.socket, intruder.conversation.id, 'still here');
  });
});

describe('delivered to a bot', () => {
  it('counts a bot in the server taking the message, before its reply', async () => {
    const harness = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' });
    try {
      const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
      const started = await visitor.emitWithAck('conversation:start', {});
      if (!started.ok) throw new Error(started.error.message);
      const events: string[] = [];
      visitor.on('conversation:delivered', (r) => events.push(`delivered ${r.recipient} ${r.seq}`));
      visitor.on('message:created', (m) => events.push(`${m.authorKind} ${m.seq}`));
      await visitor.emitWithAck('message:send', {
        conversationId: started.data.id,
        clientMessageId: ulid(),
        text: 'hello',
      });
      await expect.poll(() => events.some((e) => e.startsWith('bot'))).toBe(true);
      expect(events.slice(0, 3)).toEqual(['visitor 1', 'delivered agent 1', 'bot 2']);
    } finally {
      await harness.close();
    }
  });

  it('takes an SDK bot’s receipt for a conversation of its site only', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    await say(visitor, conversation.id, 'for the bot');
    const admin = await h.agentSession();
    const [site] = (await h.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    const { token } = (
      await h.send<{ token: string }>('POST', `/v1/sites/${site?.id}/bot/token`, {}, admin.token)
    ).body;
    const bot: Socket<BotServerToClientEvents, BotClientToServerEvents> = io(`${h.url}${BOT_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await nextEvent(bot, 'connect');
      const told = nextEvent<DeliveryReceipt>(visitor, 'conversation:delivered');
      const ack = await bot.emitWithAck('conversation:delivered', {
        conversationId: conversation.id,
        seq: 1,
      });
      expect(ack).toMatchObject({ ok: true, data: { recipient: 'agent', seq: 1 } });
      expect(await told).toMatchObject({ conversationId: conversation.id, recipient: 'agent', seq: 1 });
      const elsewhere = await bot.emitWithAck('conversation:delivered', { conversationId: 'nope', seq: 1 });
      expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      bot.disconnect();
    }
  });
});
