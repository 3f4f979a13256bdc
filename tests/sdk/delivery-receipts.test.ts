// Delivery receipts between SDK clients over real sockets to the real server: each side's client
// acknowledges on its own what reached it, once per burst, and the other side sees
// "Sent" → "Delivered" → "Read" in its state, across reconnects and reloads.
import { isDeepStrictEqual } from 'node:util';
import { createAgentClient, type AgentClient, type VisitorClient } from '@switchboard/agent-sdk';
import type { Conversation, DeliveryReceipt } from '@switchboard/protocol';
import { hashPasswordSync } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { stored } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();

/** The visitor's message, routed to the demo agent's connected client. */
async function assigned(visitor: VisitorClient = t.visitor()) {
  const agent = t.agent();
  await agent.connect();
  const mine = await visitor.sendMessage('Where is my order?');
  const agentId = agent.getSnapshot().agent?.id;
  await waitFor(
    () => agent.getSnapshot().conversations[mine.conversationId]?.assigneeId === agentId,
    'routing to the demo agent',
  );
  return { agent, visitor, mine, conversationId: mine.conversationId };
}

/**
 * Whether the client's snapshot of the conversation is the server's row, receipt marks included
 * (but for `updatedAt`, which a message moves on the server and leaves alone in clients).
 */
async function inStep(held: Conversation | null | undefined, conversationId: string): Promise<boolean> {
  const row = await stored(t.server.switchboard, conversationId);
  return (
    held !== null &&
    held !== undefined &&
    isDeepStrictEqual({ ...held, updatedAt: '' }, { ...row, updatedAt: '' })
  );
}

describe('delivery receipts', () => {
  it('show the visitor their message reached the agent, and the agent their replies reached the visitor', async () => {
    const { agent, visitor, mine, conversationId } = await assigned();
    expect(visitor.getSnapshot().readByAgentSeq).toBe(0);
    await waitFor(() => visitor.getSnapshot().deliveredToAgentSeq === mine.seq, 'the agent’s receipt');

    // A burst of replies is acknowledged with one receipt (or two, if it straddles the window).
    const receipts: DeliveryReceipt[] = [];
    agent.on('conversation:delivered', (receipt) => {
      if (receipt.recipient === 'visitor') receipts.push(receipt);
    });
    const replies = [];
    for (const text of ['Let me look.', 'It left the warehouse today.', 'Anything else?'])
      replies.push(await agent.sendMessage(conversationId, text));
    const last = replies.at(-1)!.seq;
    await waitFor(
      () => agent.getSnapshot().visitorDeliveredSeq[conversationId] === last,
      'the visitor’s receipt',
    );
    expect(receipts.length).toBeLessThan(replies.length);
    expect(receipts.at(-1)).toMatchObject({ conversationId, recipient: 'visitor', seq: last });
    // Delivered is not read.
    expect(agent.getSnapshot().visitorReadSeq[conversationId] ?? 0).toBe(0);
    expect(await stored(t.server.switchboard, conversationId)).toMatchObject({
      agentDeliveredSeq: mine.seq,
      visitorDeliveredSeq: last,
      agentReadSeq: 0,
      visitorReadSeq: 0,
    });
    // Both clients' snapshots keep up with the marks the server stored.
    await waitFor(() => inStep(visitor.getSnapshot().conversation, conversationId), 'the visitor’s snapshot');
    await waitFor(
      () => inStep(agent.getSnapshot().conversations[conversationId], conversationId),
      'the agent’s',
    );
  });

  it('acknowledge what a catch-up brings once the agent’s console reconnects', async () => {
    const { agent, visitor, conversationId } = await assigned();
    await waitFor(() => visitor.getSnapshot().deliveredToAgentSeq === 1, 'the first receipt');

    agent.disconnect();
    const unseen = await visitor.sendMessage('Hello? Anyone?');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(visitor.getSnapshot().deliveredToAgentSeq).toBe(1);

    await agent.connect();
    await waitFor(
      () => visitor.getSnapshot().deliveredToAgentSeq === unseen.seq,
      'the receipt after the catch-up',
    );
    expect(agent.getSnapshot().messages[conversationId]?.map((m) => m.text)).toEqual([
      'Where is my order?',
      'Hello? Anyone?',
    ]);
  });

  it('count a read as delivered, and a reload shows both marks on both sides', async () => {
    const storage = memoryStorage();
    const { agent, conversationId } = await assigned(t.visitor(storage));
    const reply = await agent.sendMessage(conversationId, 'Checking now.');
    agent.markRead(conversationId);
    await waitFor(() => agent.getSnapshot().visitorDeliveredSeq[conversationId] === reply.seq, 'the receipt');
    agent.disconnect();

    const reloaded = t.visitor(storage);
    await reloaded.connect();
    expect(reloaded.getSnapshot()).toMatchObject({
      readByAgentSeq: reply.seq,
      deliveredToAgentSeq: reply.seq,
    });
    const console = t.agent();
    await console.connect();
    expect(console.getSnapshot().visitorDeliveredSeq[conversationId]).toBe(reply.seq);
    expect(console.getSnapshot().visitorReadSeq[conversationId] ?? 0).toBe(0);
  });

  it('are not sent by a console that merely watches a conversation, only by the one that has it', async () => {
    const store = t.server.switchboard.store;
    // Another agent, in no queue: routing never gives them anything, yet they see every message.
    await store.agents.create({
      email: 'watcher@example.com',
      name: 'Watcher',
      role: 'agent',
      capacity: 3,
      passwordHash: hashPasswordSync('password'),
    });
    const watcher: AgentClient = createAgentClient({
      serverUrl: t.server.url,
      auth: { email: 'watcher@example.com', password: 'password' },
    });
    try {
      await watcher.connect();
      const agent = t.agent();
      await agent.connect();
      await agent.setStatus('away');
      const visitor = t.visitor();
      const mine = await visitor.sendMessage('Is this thing on?');
      await waitFor(() => watcher.getSnapshot().messages[mine.conversationId]?.length === 1, 'the watcher');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(visitor.getSnapshot().deliveredToAgentSeq).toBe(0);

      // The demo agent takes it: their console already holds the message.
      await agent.accept(mine.conversationId);
      await waitFor(() => visitor.getSnapshot().deliveredToAgentSeq === mine.seq, 'the assignee’s receipt');
    } finally {
      watcher.disconnect();
    }
  });
});
