// The visitor client end to end against a real HTTP + socket.io server (src/testing/fake-server).
import type { Message } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorClient, VisitorClientOptions } from '../types.js';
import { SITE_KEY } from '../testing/fake-data.js';
import { startFakeServer, type FakeServer } from '../testing/fake-server.js';
import { MemoryStorage } from '../testing/memory-storage.js';
import { waitFor } from '../testing/wait.js';
import { createVisitorClient } from './visitor-client.js';

let server: FakeServer;
let clients: VisitorClient[];

function visitor(overrides: Partial<VisitorClientOptions> = {}): VisitorClient {
  const client = createVisitorClient({
    serverUrl: server.url,
    siteKey: SITE_KEY,
    reconnection: { minDelayMs: 30, maxDelayMs: 150 },
    ackTimeoutMs: 300,
    ...overrides,
  });
  clients.push(client);
  return client;
}

const storedSession = (
  storage: MemoryStorage,
): { resume: { contactId: string; secret: string }; conversationId: string | null } =>
  JSON.parse(storage.getItem('switchboard:session') ?? 'null') as never;
const posts = (): string[] => server.requests.filter((r) => r.startsWith('POST'));
const texts = (messages: readonly Message[]): string[] => messages.map((m) => m.text);

beforeEach(async () => {
  server = await startFakeServer();
  clients = [];
});
afterEach(async () => {
  for (const client of clients) client.disconnect();
  await server.close();
});

describe('before the visitor writes', () => {
  it('stays idle on connect(): no server calls, no storage writes', async () => {
    const storage = new MemoryStorage();
    const client = visitor({ storage });
    await client.connect();
    expect(client.getSnapshot().connection).toBe('idle');
    expect(server.requests).toEqual([]);
    expect(storage.writes).toEqual([]);
  });

  it('rejects blank text without queueing it', async () => {
    const client = visitor();
    await expect(client.sendMessage('   ')).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(client.getSnapshot().pending).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('the first message', () => {
  it('creates the session and conversation, persists them and delivers exactly once', async () => {
    const storage = new MemoryStorage();
    const client = visitor({ storage });
    const created: Message[] = [];
    client.on('message:created', (m) => created.push(m));

    const sending = client.sendMessage('Hello there');
    expect(client.getSnapshot().pending.map((p) => p.text)).toEqual(['Hello there']);
    const message = await sending;

    const state = client.getSnapshot();
    expect(state.connection).toBe('connected');
    expect(state.contact?.id).toBe(message.authorId);
    expect(state.site?.name).toBe('Test site');
    expect(state.conversation?.id).toBe(message.conversationId);
    expect(state.pending).toEqual([]);
    // The ack and the room broadcast both carried this message; it is held once.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.getSnapshot().messages).toEqual([message]);
    expect(created).toEqual([message]);

    expect(posts()).toEqual(['POST /v1/visitor/sessions']);
    const stored = storedSession(storage);
    expect(stored.conversationId).toBe(message.conversationId);
    expect(stored.resume.contactId).toBe(state.contact?.id);
    // The outbox was persisted while the message was pending, and cleaned up after.
    expect(storage.writes).toContain('set switchboard:outbox');
    expect(storage.map.has('switchboard:outbox')).toBe(false);
  });

  it('startConversation() returns the open conversation without sending anything', async () => {
    const client = visitor();
    const conversation = await client.startConversation();
    expect(conversation.status).toBe('bot');
    expect(client.getSnapshot().conversation).toEqual(conversation);
    expect(await client.startConversation()).toEqual(conversation);
    expect(server.sends).toEqual([]);
  });

  it('keeps messages written in a row in order', async () => {
    const client = visitor();
    const sent = await Promise.all(['one', 'two', 'three'].map((text) => client.sendMessage(text)));
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(texts(client.getSnapshot().messages)).toEqual(['one', 'two', 'three']);
  });
});

describe('after a reload', () => {
  it('resumes the same visitor and conversation, with its history', async () => {
    const storage = new MemoryStorage();
    const first = visitor({ storage });
    const mine = await first.sendMessage('Question');
    server.post(mine.conversationId, 'Answer');
    await waitFor(() => first.getSnapshot().messages.length === 2);
    first.disconnect();

    const second = visitor({ storage });
    await second.connect();
    const state = second.getSnapshot();
    expect(state.connection).toBe('connected');
    expect(state.contact?.id).toBe(first.getSnapshot().contact?.id);
    expect(state.conversation?.id).toBe(mine.conversationId);
    expect(texts(state.messages)).toEqual(['Question', 'Answer']);
    expect(state.hasOlder).toBe(false);
  });

  it('falls back to idle when the stored credential is refused, and starts over on the next send', async () => {
    const storage = new MemoryStorage();
    const first = visitor({ storage });
    const old = await first.sendMessage('Hi');
    first.disconnect();
    const stored = storedSession(storage);
    storage.setItem(
      'switchboard:session',
      JSON.stringify({
        ...stored,
        siteKey: SITE_KEY,
        resume: { ...stored.resume, secret: 'secret_wrong_wrong' },
      }),
    );

    const second = visitor({ storage });
    await second.connect();
    expect(second.getSnapshot()).toMatchObject({
      connection: 'idle',
      error: null,
      conversation: null,
      contact: null,
    });
    expect(storage.map.has('switchboard:session')).toBe(false);

    const fresh = await second.sendMessage('Hi again');
    expect(fresh.conversationId).not.toBe(old.conversationId);
    expect(second.getSnapshot().contact?.id).not.toBe(stored.resume.contactId);
    expect(storedSession(storage).conversationId).toBe(fresh.conversationId);
  });

  it('starts a new conversation when the stored one was resolved meanwhile', async () => {
    const storage = new MemoryStorage();
    const first = visitor({ storage });
    const old = await first.sendMessage('Hi');
    first.disconnect();
    server.change(old.conversationId, { status: 'resolved' });

    const second = visitor({ storage });
    await second.connect();
    expect(second.getSnapshot().connection).toBe('connected');
    expect(second.getSnapshot().conversation).toBeNull();
    expect(storedSession(storage).conversationId).toBeNull();

    const next = await second.sendMessage('New problem');
    expect(next.conversationId).not.toBe(old.conversationId);
    expect(second.getSnapshot().contact?.id).toBe(first.getSnapshot().contact?.id);
  });

  it('delivers messages that were still in the persisted outbox', async () => {
    const storage = new MemoryStorage();
    // The first page could not reach the server at all.
    const offline = visitor({ storage, serverUrl: 'http://127.0.0.1:9', requestTimeoutMs: 200 });
    const lost = offline.sendMessage('Sent while offline');
    lost.catch(() => undefined);
    await waitFor(() => storage.map.has('switchboard:outbox'));
    const clientMessageId = offline.getSnapshot().pending[0]!.clientMessageId;
    offline.disconnect();

    const online = visitor({ storage });
    expect(online.getSnapshot().pending.map((p) => p.clientMessageId)).toEqual([clientMessageId]);
    await online.connect();
    await waitFor(() => online.getSnapshot().messages.length === 1, { message: 'delivery' });
    expect(online.getSnapshot().messages[0]).toMatchObject({ clientMessageId, text: 'Sent while offline' });
    expect(online.getSnapshot().pending).toEqual([]);
    expect(storage.map.has('switchboard:outbox')).toBe(false);
  });
});

describe('live', () => {
  it('receives replies and conversation changes as they happen', async () => {
    const client = visitor();
    const mine = await client.sendMessage('Hi');
    const updates: string[] = [];
    client.on('conversation:updated', (c) => updates.push(c.status));

    server.post(mine.conversationId, 'Agent here', { authorKind: 'agent' });
    server.change(mine.conversationId, { status: 'active' });
    await waitFor(
      () =>
        client.getSnapshot().messages.length === 2 && client.getSnapshot().conversation?.status === 'active',
    );
    expect(texts(client.getSnapshot().messages)).toEqual(['Hi', 'Agent here']);
    expect(updates).toContain('active');
    expect(client.getSnapshot().conversation?.lastSeq).toBe(2);
  });

  it('fetches what a seq gap shows it missed', async () => {
    const client = visitor();
    const mine = await client.sendMessage('Hi');
    server.shouldBroadcast = (m) => m.text !== 'lost in transit';
    server.post(mine.conversationId, 'lost in transit');
    server.post(mine.conversationId, 'arrives');
    await waitFor(() => client.getSnapshot().messages.length === 3, { message: 'gap fill' });
    expect(texts(client.getSnapshot().messages)).toEqual(['Hi', 'lost in transit', 'arrives']);
    expect(server.requests.some((r) => r.includes('/messages?afterSeq=1'))).toBe(true);
  });

  it('re-syncs after a reconnect that socket.io could not recover', async () => {
    const client = visitor();
    const mine = await client.sendMessage('Hi');
    const states: string[] = [];
    client.on('connection:changed', (s) => states.push(s));
    server.post(mine.conversationId, 'while you were away', { broadcast: false });
    server.change(mine.conversationId, { status: 'queued' });
    server.dropConnections();

    await waitFor(() => client.getSnapshot().messages.length === 2, { message: 'resync' });
    expect(texts(client.getSnapshot().messages)).toEqual(['Hi', 'while you were away']);
    expect(client.getSnapshot().conversation?.status).toBe('queued');
    expect(states).toEqual(['reconnecting', 'connected']);

    // The room was re-joined: live messages flow again.
    server.post(mine.conversationId, 'live again');
    await waitFor(() => client.getSnapshot().messages.length === 3, { message: 'live after resync' });
  });

  it('renews an expired token from the resume credential and carries on', async () => {
    const client = visitor();
    const mine = await client.sendMessage('Hi');
    const contactId = client.getSnapshot().contact?.id;
    server.data.expireTokens();
    server.dropConnections();

    await waitFor(() => posts().length === 2, { message: 'session renewal' });
    await waitFor(() => client.getSnapshot().connection === 'connected');
    expect(client.getSnapshot().contact?.id).toBe(contactId);
    const next = await client.sendMessage('Still me');
    expect(next.conversationId).toBe(mine.conversationId);
    expect(client.getSnapshot().error).toBeNull();
  });

  it('retries a send whose ack was lost with the same id, and holds one copy', async () => {
    const client = visitor();
    await client.startConversation();
    let dropped = false;
    server.dropAck = () => (dropped ? false : (dropped = true));
    // Without the broadcast, only the retry can settle the send.
    server.shouldBroadcast = () => false;

    const message = await client.sendMessage('Are you there?');
    expect(server.sends.map((s) => s.clientMessageId)).toEqual([
      message.clientMessageId,
      message.clientMessageId,
    ]);
    expect(server.data.messages.get(message.conversationId)).toHaveLength(1);
    expect(client.getSnapshot().messages).toEqual([message]);
  });

  it('carries a message into a new conversation when the current one was closed', async () => {
    const client = visitor();
    const first = await client.sendMessage('Hi');
    server.change(first.conversationId, { status: 'resolved' });
    await waitFor(() => client.getSnapshot().conversation?.status === 'resolved');

    const second = await client.sendMessage('One more thing');
    expect(second.conversationId).not.toBe(first.conversationId);
    expect(client.getSnapshot().conversation?.id).toBe(second.conversationId);
    expect(texts(client.getSnapshot().messages)).toEqual(['One more thing']);
  });
});

describe('history and reset', () => {
  it('loads older messages page by page', async () => {
    const storage = new MemoryStorage();
    const first = visitor({ storage });
    const mine = await first.sendMessage('message 1');
    for (let i = 2; i <= 60; i++) server.post(mine.conversationId, `message ${i}`, { broadcast: false });
    first.disconnect();

    const client = visitor({ storage });
    await client.connect();
    expect(client.getSnapshot().messages).toHaveLength(50);
    expect(client.getSnapshot().messages[0]!.seq).toBe(11);
    expect(client.getSnapshot().hasOlder).toBe(true);

    await expect(client.loadOlder()).resolves.toBe(true);
    expect(client.getSnapshot().messages.map((m) => m.seq)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect(client.getSnapshot().hasOlder).toBe(false);
    await expect(client.loadOlder()).resolves.toBe(false);
  });

  it('reset() forgets the visitor: storage, state and pending messages', async () => {
    const storage = new MemoryStorage();
    const client = visitor({ storage });
    const first = await client.sendMessage('Hi');
    const contactId = client.getSnapshot().contact?.id;

    client.reset();
    expect(client.getSnapshot()).toMatchObject({
      connection: 'idle',
      conversation: null,
      contact: null,
      messages: [],
      pending: [],
    });
    expect(storage.map.size).toBe(0);

    const next = await client.sendMessage('I am someone else');
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(client.getSnapshot().contact?.id).not.toBe(contactId);
  });
});
