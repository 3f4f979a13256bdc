// The agent client's live inbox, history and sends, against the real server.
import { ulid, type Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { agentSockets, missBroadcasts } from '../support/faults.js';
import { useServer } from '../support/sdk-fixture.js';
import {
  demoAgent,
  inboxMatchesServer,
  post,
  seedConversation,
  stored,
  storedMessages,
} from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const texts = (messages: readonly Message[] | undefined): string[] => (messages ?? []).map((m) => m.text);

describe('live inbox', () => {
  it('receives new conversations and messages for every conversation, newest activity first', async () => {
    const app = t.server.switchboard;
    const first = await seedConversation(app, 'first');
    const agent = t.agent();
    await agent.connect();
    const events: string[] = [];
    agent.on('conversation:created', (c) => events.push(`created ${c.id}`));
    agent.on('message:created', (m) => events.push(`message ${m.text}`));

    t.server.advanceTime(1000);
    const second = await seedConversation(app);
    await waitFor(() => agent.getSnapshot().conversations[second.id], 'the new conversation');
    expect(agent.getSnapshot().conversationOrder).toEqual([second.id, first.id]);

    t.server.advanceTime(1000);
    await post(app, first.visitor, first.id, 'a reply on the old one');
    await waitFor(() => agent.getSnapshot().messages[first.id]?.length === 1, 'the message');
    // The conversation with the newest message moves to the top.
    expect(agent.getSnapshot().conversationOrder).toEqual([first.id, second.id]);
    expect(agent.getSnapshot().conversations[first.id]!.lastSeq).toBe(2);
    expect(events).toEqual([`created ${second.id}`, 'message a reply on the old one']);
  });

  it('fetches a conversation it has never heard of when a message for it arrives', async () => {
    const app = t.server.switchboard;
    const agent = t.agent();
    await agent.connect();
    // Away, so routing does not hand the conversation over (which would also announce it).
    await agent.setStatus('away');
    // The conversation:created broadcast misses the agent; the message after it does not.
    const [socket] = agentSockets(t.server);
    const restore = missBroadcasts(socket!);
    const unknown = await seedConversation(app);
    restore();
    await post(app, unknown.visitor, unknown.id, 'surprise');

    await waitFor(() => agent.getSnapshot().conversations[unknown.id], 'the conversation fetch');
    expect(t.server.requests).toContain(`GET /v1/conversations/${unknown.id}`);
    await waitFor(() => agent.getSnapshot().messages[unknown.id]?.length === 1, 'the message');
    expect(texts(agent.getSnapshot().messages[unknown.id])).toEqual(['surprise']);
  });

  it('keeps a newer snapshot when a list fetch that started earlier answers late', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app);
    let hold: Promise<void> | null = null;
    let answered = false;
    const agent = t.agent({
      // A slow network: the list's answer is in, but reaches the client only when released.
      fetch: async (input, init) => {
        const response = await globalThis.fetch(input, init);
        if (hold && new URL(input instanceof Request ? input.url : input).pathname === '/v1/conversations') {
          answered = true;
          await hold;
        }
        return response;
      },
    });
    await agent.connect();
    await waitFor(() => inboxMatchesServer(app, agent, [conversation.id]), 'routing to settle');

    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const listing = agent.listConversations();
    await waitFor(() => answered, 'the list to be answered');
    t.server.advanceTime(1000);
    const message = await post(app, conversation.visitor, conversation.id, 'while the list was in flight');
    await waitFor(() => agent.getSnapshot().conversations[conversation.id]!.lastSeq === 1, 'the message');
    release();
    const page = await listing;

    expect(page.items.find((c) => c.id === conversation.id)?.lastSeq).toBe(0);
    expect(agent.getSnapshot().conversations[conversation.id]).toMatchObject({
      lastSeq: 1,
      lastMessageAt: message.createdAt,
    });
  });
});

describe('messages', () => {
  it('loads history forwards and backwards into the store', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, ...Array.from({ length: 30 }, (_, i) => `m${i + 1}`));
    const agent = t.agent();
    await agent.connect();

    const latest = await agent.loadMessages(conversation.id, { limit: 10 });
    expect(latest.map((m) => m.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    const older = await agent.loadMessages(conversation.id, { beforeSeq: 21, limit: 5 });
    expect(older.map((m) => m.seq)).toEqual([16, 17, 18, 19, 20]);
    const after = await agent.loadMessages(conversation.id, { afterSeq: 28 });
    expect(after.map((m) => m.seq)).toEqual([29, 30]);
    expect(agent.getSnapshot().messages[conversation.id]).toEqual(
      (await storedMessages(app, conversation.id)).slice(15),
    );
  });

  it('sends replies and internal notes, resolving with the stored message', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'help');
    const agent = t.agent();
    await agent.connect();
    await agent.loadMessages(conversation.id);
    const me = await demoAgent(app);
    const before = await storedMessages(app, conversation.id);

    const reply = await agent.sendMessage(conversation.id, 'On it');
    const note = await agent.sendMessage(conversation.id, 'VIP customer', { kind: 'note' });
    expect(reply).toMatchObject({ kind: 'text', authorKind: 'agent', seq: 2 });
    expect(note).toMatchObject({ kind: 'note', authorKind: 'agent', seq: 3 });
    expect(me).toEqual({ kind: 'agent', agentId: reply.authorId });
    // The server broadcasts before it acks, on the same socket: both copies are in by now.
    expect(texts(agent.getSnapshot().messages[conversation.id])).toEqual(['help', 'On it', 'VIP customer']);
    expect(agent.getSnapshot().pending).toEqual([]);
    expect(await storedMessages(app, conversation.id)).toEqual([...before, reply, note]);
  });

  it('reuses a given clientMessageId, so a retried send is the same message', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app);
    const agent = t.agent();
    await agent.connect();
    const clientMessageId = ulid();
    const first = await agent.sendMessage(conversation.id, 'once', { clientMessageId });
    const again = await agent.sendMessage(conversation.id, 'once', { clientMessageId });
    expect(again).toEqual(first);
    expect(first.clientMessageId).toBe(clientMessageId);
    expect(await storedMessages(app, conversation.id)).toEqual([first]);
    expect(agent.getSnapshot().messages[conversation.id]).toEqual([first]);
  });

  it('reports sends the server refuses, keeping them pending with the error from the ack', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app);
    const visitorMessage = await post(app, conversation.visitor, conversation.id, 'mine');
    const agent = t.agent();
    await agent.connect();

    // No such conversation.
    await expect(agent.sendMessage(ulid(), 'hello?')).rejects.toMatchObject({ code: 'not_found' });
    // An id the server's schema refuses (over 64 characters).
    await expect(agent.sendMessage('c'.repeat(65), 'hello?')).rejects.toMatchObject({
      code: 'invalid_payload',
      issues: [{ path: 'conversationId' }],
    });
    // A clientMessageId the visitor already used in that conversation.
    await expect(
      agent.sendMessage(conversation.id, 'impostor', { clientMessageId: visitorMessage.clientMessageId }),
    ).rejects.toMatchObject({ code: 'conflict' });

    expect(agent.getSnapshot().pending.map((p) => [p.text, p.error?.code])).toEqual([
      ['hello?', 'not_found'],
      ['hello?', 'invalid_payload'],
      ['impostor', 'conflict'],
    ]);
    expect(await storedMessages(app, conversation.id)).toEqual([visitorMessage]);
    for (const pending of agent.getSnapshot().pending)
      expect(agent.discardMessage(pending.clientMessageId)).toBe(true);
    expect(agent.getSnapshot().pending).toEqual([]);
  });

  it('queues sends while disconnected and flushes them in order on reconnect', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app);
    const agent = t.agent();
    await agent.connect();
    agent.disconnect();
    const a = agent.sendMessage(conversation.id, 'first');
    const b = agent.sendMessage(conversation.id, 'second');
    expect(agent.getSnapshot().pending.map((p) => p.text)).toEqual(['first', 'second']);
    expect(await storedMessages(app, conversation.id)).toEqual([]);

    await agent.connect();
    const sent = await Promise.all([a, b]);
    expect(sent.map((m) => m.seq)).toEqual([1, 2]);
    expect(await storedMessages(app, conversation.id)).toEqual(sent);
    expect((await stored(app, conversation.id)).lastSeq).toBe(2);
  });
});
