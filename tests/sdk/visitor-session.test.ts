// The visitor client's session: nothing before the visitor writes, then a session, a conversation
// and an outbox that survive a reload. Against the real server.
import type { Message } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../support/clients.js';
import { visitorSockets } from '../support/faults.js';
import { useServer } from '../support/sdk-fixture.js';
import { demoAgent, post, stored, storedMessages } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const texts = (messages: readonly Message[]): string[] => messages.map((m) => m.text);
const posts = (): string[] => t.server.requests.filter((r) => r.startsWith('POST'));
const storedSession = (
  storage: MemoryStorage,
): { siteKey: string; resume: { contactId: string; secret: string }; conversationId: string | null } =>
  JSON.parse(storage.getItem('switchboard:session') ?? 'null') as never;

describe('before the visitor writes', () => {
  it('stays idle on connect(): no server calls, no socket, no storage writes', async () => {
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    await visitor.connect();
    expect(visitor.getSnapshot().connection).toBe('idle');
    expect(t.server.requests).toEqual([]);
    expect(t.server.switchboard.io.engine.clientsCount).toBe(0);
    expect(storage.writes).toEqual([]);
  });

  it('rejects blank text without queueing it', async () => {
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    await expect(visitor.sendMessage('   ')).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(visitor.getSnapshot()).toMatchObject({ connection: 'idle', pending: [] });
    expect(t.server.requests).toEqual([]);
    expect(storage.writes).toEqual([]);
  });
});

describe('the first message', () => {
  it('creates the session and conversation, persists them and delivers exactly once', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    const created: Message[] = [];
    visitor.on('message:created', (m) => created.push(m));

    const sending = visitor.sendMessage('Hello there');
    expect(visitor.getSnapshot().pending.map((p) => p.text)).toEqual(['Hello there']);
    const message = await sending;

    const state = visitor.getSnapshot();
    expect(state.connection).toBe('connected');
    expect(state.contact?.id).toBe(message.authorId);
    expect(state.site?.name).toBe(DEMO.siteName);
    expect(state.conversation).toMatchObject({ id: message.conversationId, lastSeq: 1 });
    expect(state.pending).toEqual([]);
    // The room broadcast and the ack both carried this message (the broadcast first, on the
    // same socket); it is held, and announced, once.
    expect(state.messages).toEqual([message]);
    expect(created).toEqual([message]);
    expect(await storedMessages(app, message.conversationId)).toEqual([message]);
    expect((await stored(app, message.conversationId)).contactId).toBe(state.contact?.id);

    expect(posts()).toEqual(['POST /v1/visitor/sessions']);
    const session = storedSession(storage);
    expect(session).toMatchObject({ siteKey: DEMO.siteKey, conversationId: message.conversationId });
    expect(session.resume.contactId).toBe(state.contact?.id);
    // The outbox was persisted while the message was pending, and cleaned up after.
    expect(storage.writes).toContain('set switchboard:outbox');
    expect(storage.has('switchboard:outbox')).toBe(false);
  });

  it('startConversation() returns the open conversation without sending anything', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor();
    const conversation = await visitor.startConversation();
    expect(conversation).toEqual(await stored(app, conversation.id));
    expect(conversation.lastSeq).toBe(0);
    expect(visitor.getSnapshot().conversation).toEqual(conversation);
    expect(await visitor.startConversation()).toEqual(conversation);
    expect(await storedMessages(app, conversation.id)).toEqual([]);
    const mine = await app.store.conversations.list({ contactId: conversation.contactId, limit: 10 });
    expect(mine.items.map((c) => c.id)).toEqual([conversation.id]);
  });

  it('keeps messages written in a row in order', async () => {
    const visitor = t.visitor();
    const sent = await Promise.all(['one', 'two', 'three'].map((text) => visitor.sendMessage(text)));
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(texts(visitor.getSnapshot().messages)).toEqual(['one', 'two', 'three']);
    expect(texts(await storedMessages(t.server.switchboard, sent[0]!.conversationId))).toEqual([
      'one',
      'two',
      'three',
    ]);
  });
});

describe('after a reload', () => {
  it('resumes the same visitor and conversation, with its history', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const first = t.visitor(storage);
    const mine = await first.sendMessage('Question');
    await post(app, await demoAgent(app), mine.conversationId, 'Answer');
    await waitFor(() => first.getSnapshot().messages.length === 2, 'the answer');
    first.disconnect();

    const second = t.visitor(storage);
    await second.connect();
    const state = second.getSnapshot();
    expect(state.connection).toBe('connected');
    expect(state.contact?.id).toBe(first.getSnapshot().contact?.id);
    expect(state.conversation).toEqual(await stored(app, mine.conversationId));
    expect(state.messages).toEqual(await storedMessages(app, mine.conversationId));
    expect(texts(state.messages)).toEqual(['Question', 'Answer']);
    expect(state.hasOlder).toBe(false);
    // The stored credential was used: one session per page load, one contact in all.
    expect(posts()).toEqual(['POST /v1/visitor/sessions', 'POST /v1/visitor/sessions']);
  });

  it('falls back to idle when the stored credential is refused, and starts over on the next send', async () => {
    const storage = memoryStorage();
    const first = t.visitor(storage);
    const old = await first.sendMessage('Hi');
    first.disconnect();
    const session = storedSession(storage);
    storage.setItem(
      'switchboard:session',
      JSON.stringify({ ...session, resume: { ...session.resume, secret: 'x'.repeat(43) } }),
    );

    const second = t.visitor(storage);
    await second.connect();
    expect(second.getSnapshot()).toMatchObject({
      connection: 'idle',
      error: null,
      conversation: null,
      contact: null,
    });
    expect(storage.has('switchboard:session')).toBe(false);
    expect(visitorSockets(t.server)).toEqual([]);

    const fresh = await second.sendMessage('Hi again');
    expect(fresh.conversationId).not.toBe(old.conversationId);
    expect(fresh.authorId).not.toBe(session.resume.contactId);
    expect(second.getSnapshot().contact?.id).toBe(fresh.authorId);
    expect(storedSession(storage).conversationId).toBe(fresh.conversationId);
  });

  it('delivers messages that were still in the persisted outbox', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    // The first page could not reach the server at all.
    const offline = t.visitor(storage, { serverUrl: 'http://127.0.0.1:9', requestTimeoutMs: 200 });
    const lost = offline.sendMessage('Sent while offline');
    lost.catch(() => undefined);
    await waitFor(() => storage.has('switchboard:outbox'), 'the outbox to be persisted');
    const clientMessageId = offline.getSnapshot().pending[0]!.clientMessageId;
    offline.disconnect();

    const online = t.visitor(storage);
    expect(online.getSnapshot().pending.map((p) => p.clientMessageId)).toEqual([clientMessageId]);
    await online.connect();
    await waitFor(() => online.getSnapshot().messages.length === 1, 'the delivery');
    const [delivered] = online.getSnapshot().messages;
    expect(delivered).toMatchObject({ clientMessageId, text: 'Sent while offline' });
    expect(await storedMessages(app, delivered!.conversationId)).toEqual([delivered]);
    expect(online.getSnapshot().pending).toEqual([]);
    expect(storage.has('switchboard:outbox')).toBe(false);
  });
});

describe('reset', () => {
  it('forgets the visitor: storage, state and pending messages', async () => {
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    const first = await visitor.sendMessage('Hi');
    const contactId = visitor.getSnapshot().contact?.id;

    visitor.reset();
    expect(visitor.getSnapshot()).toMatchObject({
      connection: 'idle',
      conversation: null,
      contact: null,
      messages: [],
      pending: [],
    });
    expect(storage.size()).toBe(0);

    const next = await visitor.sendMessage('I am someone else');
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(next.authorId).not.toBe(contactId);
    expect(texts(visitor.getSnapshot().messages)).toEqual(['I am someone else']);
    // The old conversation is untouched on the server; it is just no longer this browser's.
    expect(texts(await storedMessages(t.server.switchboard, first.conversationId))).toEqual(['Hi']);
  });
});
