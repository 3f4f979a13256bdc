// Conversations changing under the clients (routing, resolve, reopen), against the real server:
// both sides must end up holding what the server holds.
import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { inboxMatchesServer, seedConversation, stored, storedMessages } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const texts = (messages: readonly Message[]): string[] => messages.map((m) => m.text);
const storedConversationId = (storage: MemoryStorage): string | null =>
  (JSON.parse(storage.getItem('switchboard:session') ?? 'null') as { conversationId: string | null })
    .conversationId;

/** An online agent, and the visitor's conversation once routing has handed it to them. */
async function assignedConversation(storage: MemoryStorage = memoryStorage()) {
  const visitor = t.visitor(storage);
  const first = await visitor.sendMessage('Hi');
  const agent = t.agent();
  await agent.connect();
  await waitFor(
    () => agent.getSnapshot().conversations[first.conversationId]?.status === 'active',
    'routing to assign the conversation',
  );
  return { visitor, agent, first, conversationId: first.conversationId };
}

describe('agents', () => {
  it('follow what routing and other agents do to every conversation', async () => {
    const app = t.server.switchboard;
    const watcher = t.agent();
    await watcher.connect();
    const statuses: string[] = [];
    const resolutions: unknown[] = [];
    watcher.on('conversation:updated', (c) => statuses.push(c.status));
    watcher.on('conversation:resolved', (e) => resolutions.push([e.conversation.id, e.reason, e.note]));

    // Routing hands the new conversation to the online agent at once.
    const conversation = await seedConversation(app, 'help');
    await waitFor(() => watcher.getSnapshot().conversations[conversation.id]?.status === 'active', 'routing');

    // The same agent in another console tab resolves it.
    const colleague = t.agent();
    await colleague.connect();
    const resolved = await colleague.resolve(conversation.id, 'solved', 'answered on the phone');
    expect(resolved).toEqual(await stored(app, conversation.id));
    await waitFor(
      () => watcher.getSnapshot().conversations[conversation.id]?.status === 'resolved',
      'the resolve',
    );

    await waitFor(() => inboxMatchesServer(app, watcher, [conversation.id]), 'the inbox to match');
    expect(watcher.getSnapshot().conversations[conversation.id]).toMatchObject({
      status: 'resolved',
      resolveReason: 'solved',
      assigneeId: watcher.getSnapshot().agent?.id,
    });
    expect(statuses).toEqual(['active', 'resolved']);
    expect(resolutions).toEqual([[conversation.id, 'solved', 'answered on the phone']]);
  });
});

describe('visitors', () => {
  it('see routing hand their conversation to an agent', async () => {
    const { visitor, conversationId } = await assignedConversation();
    await waitFor(() => visitor.getSnapshot().conversation?.status === 'active', 'the assignment');
    expect(visitor.getSnapshot().conversation).toEqual(await stored(t.server.switchboard, conversationId));
  });

  it('see an agent resolve their conversation, and writing again reopens that same conversation', async () => {
    const app = t.server.switchboard;
    const { visitor, agent, conversationId } = await assignedConversation();
    const updates: string[] = [];
    visitor.on('conversation:updated', (c) => updates.push(c.status));

    await agent.resolve(conversationId, 'solved');
    await waitFor(() => visitor.getSnapshot().conversation?.status === 'resolved', 'the resolve');
    // A conversation that closes while the visitor watches stays on screen, history and all.
    expect(visitor.getSnapshot().conversation).toEqual(await stored(app, conversationId));
    expect(texts(visitor.getSnapshot().messages)).toEqual(['Hi']);
    expect(updates).toEqual(['resolved']);

    // With nobody available, the reopened conversation waits in the queue.
    await agent.setStatus('away');
    const again = await visitor.sendMessage('One more thing');
    expect(again.conversationId).toBe(conversationId);
    expect((await stored(app, conversationId)).status).toBe('queued');
    await waitFor(() => visitor.getSnapshot().conversation?.status === 'queued', 'the reopen');
    // The message moved lastSeq on; updatedAt stays the reopen's until the server's next snapshot.
    expect(visitor.getSnapshot().conversation).toMatchObject({
      id: conversationId,
      status: 'queued',
      assigneeId: null,
      lastSeq: 2,
      lastMessageAt: again.createdAt,
    });
    expect(texts(visitor.getSnapshot().messages)).toEqual(['Hi', 'One more thing']);
    expect(await storedMessages(app, conversationId)).toEqual(visitor.getSnapshot().messages);
  });

  it('start a new conversation when the stored one was resolved while they were away', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const { visitor, agent, first, conversationId } = await assignedConversation(storage);
    visitor.disconnect();
    await agent.resolve(conversationId, 'customer_not_responding');

    const reloaded = t.visitor(storage);
    await reloaded.connect();
    expect(reloaded.getSnapshot()).toMatchObject({
      connection: 'connected',
      conversation: null,
      messages: [],
    });
    expect(storedConversationId(storage)).toBeNull();

    const next = await reloaded.sendMessage('New problem');
    expect(next.conversationId).not.toBe(conversationId);
    expect(next.authorId).toBe(first.authorId);
    expect(storedConversationId(storage)).toBe(next.conversationId);
    expect((await stored(app, conversationId)).status).toBe('resolved');
    expect(texts(await storedMessages(app, next.conversationId))).toEqual(['New problem']);
  });
});
