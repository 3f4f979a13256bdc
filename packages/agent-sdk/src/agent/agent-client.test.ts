// The agent client end to end against a real HTTP + socket.io server (src/testing/fake-server).
import type { AgentSession, Conversation, Message } from '@switchboard/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentClient, AgentClientOptions } from '../types.js';
import { AGENT_EMAIL, AGENT_PASSWORD } from '../testing/fake-data.js';
import { startFakeServer, type FakeServer, type FakeServerOptions } from '../testing/fake-server.js';
import { waitFor } from '../testing/wait.js';
import { createAgentClient } from './agent-client.js';

let server: FakeServer;
let clients: AgentClient[] = [];

async function setup(options: FakeServerOptions = {}): Promise<void> {
  server = await startFakeServer(options);
}

function agent(overrides: Partial<AgentClientOptions> = {}): AgentClient {
  const client = createAgentClient({
    serverUrl: server.url,
    auth: { email: AGENT_EMAIL, password: AGENT_PASSWORD },
    reconnection: { minDelayMs: 30, maxDelayMs: 150 },
    ackTimeoutMs: 300,
    ...overrides,
  });
  clients.push(client);
  return client;
}

/** A visitor conversation with some messages, created directly in the server's data. */
function seedConversation(...texts: string[]): Conversation {
  const { contact } = server.data.createContact();
  const conversation = server.data.createConversation(contact.id);
  for (const text of texts)
    server.data.insertMessage({ conversationId: conversation.id, text, authorKind: 'visitor' });
  return server.data.conversations.get(conversation.id)!;
}

const texts = (messages: readonly Message[] | undefined): string[] => (messages ?? []).map((m) => m.text);

afterEach(async () => {
  for (const client of clients) client.disconnect();
  clients = [];
  await server.close();
});

describe('connect', () => {
  it('logs in, opens the socket and loads the inbox, most recent activity first', async () => {
    await setup();
    const quiet = seedConversation('old question');
    const busy = seedConversation('hello', 'anyone?');
    const empty = seedConversation();
    const client = agent();
    await client.connect();

    const state = client.getSnapshot();
    expect(state.connection).toBe('connected');
    expect(state.agent?.email).toBe(AGENT_EMAIL);
    expect(Object.keys(state.conversations).sort()).toEqual([quiet.id, busy.id, empty.id].sort());
    // `empty` has no messages, so its own (latest) updatedAt counts as its activity.
    expect(state.conversationOrder).toEqual([empty.id, busy.id, quiet.id]);
    expect(server.requests[0]).toBe('POST /v1/agent/sessions');
  });

  it('accepts a ready-made token instead of credentials and learns whose it is', async () => {
    await setup();
    seedConversation('hi');
    const token = server.data.issueToken({ kind: 'agent', agentId: server.data.agent.id });
    const onSession = vi.fn();
    const client = agent({ auth: { token }, onSession });
    await client.connect();
    expect(client.getSnapshot().connection).toBe('connected');
    expect(client.getSnapshot().agent).toEqual(server.data.agent);
    expect(Object.keys(client.getSnapshot().conversations)).toHaveLength(1);
    expect(server.requests[0]).toBe('GET /v1/agent/me');
    expect(server.requests.filter((r) => r === 'GET /v1/agent/me')).toHaveLength(1);
    expect(server.requests.some((r) => r.startsWith('POST'))).toBe(false);
    expect(onSession).not.toHaveBeenCalled();
  });

  it('hands the session of every login to onSession, so the app can keep the token', async () => {
    await setup();
    const sessions: AgentSession[] = [];
    const client = agent({ onSession: (session) => sessions.push(session) });
    await client.connect();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.agent).toEqual(server.data.agent);
    expect(server.data.tokens.get(sessions[0]!.token)).toEqual({
      kind: 'agent',
      agentId: server.data.agent.id,
    });

    // The kept token is enough to connect again, knowing who the agent is.
    const resumed = agent({ auth: { token: sessions[0]!.token } });
    await resumed.connect();
    expect(resumed.getSnapshot().agent).toEqual(server.data.agent);
    expect(sessions).toHaveLength(1);
  });

  it('still logs in when onSession throws', async () => {
    await setup();
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      thrown.push(error);
    };
    process.on('uncaughtException', onUncaught);
    try {
      const client = agent({
        onSession: () => {
          throw new Error('storage full');
        },
      });
      await client.connect();
      expect(client.getSnapshot()).toMatchObject({ connection: 'connected', error: null });
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(thrown).toMatchObject([{ message: 'storage full' }]);
  });

  it('rejects wrong credentials and says so in the state', async () => {
    await setup();
    const onSession = vi.fn();
    const client = agent({ auth: { email: AGENT_EMAIL, password: 'nope' }, onSession });
    await expect(client.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(client.getSnapshot()).toMatchObject({
      connection: 'disconnected',
      error: { code: 'unauthorized' },
    });
    expect(server.requests).toEqual(['POST /v1/agent/sessions']);
    expect(onSession).not.toHaveBeenCalled();
  });

  it('reports a refused token as a fatal error before opening the socket', async () => {
    await setup();
    const client = agent({ auth: { token: 'tok_bogus' } });
    await expect(client.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(client.getSnapshot()).toMatchObject({
      connection: 'disconnected',
      error: { code: 'unauthorized' },
      agent: null,
    });
    expect(server.requests).toEqual(['GET /v1/agent/me']);
  });

  it('refuses a visitor token', async () => {
    await setup();
    const { contact } = server.data.createContact();
    const client = agent({
      auth: { token: server.data.issueToken({ kind: 'visitor', contactId: contact.id }) },
    });
    await expect(client.connect()).rejects.toMatchObject({ code: 'forbidden' });
    expect(client.getSnapshot()).toMatchObject({
      connection: 'disconnected',
      error: { code: 'forbidden' },
      agent: null,
    });
  });

  it('asks whose token it is again once connected when the first check could not reach the server', async () => {
    await setup();
    const token = server.data.issueToken({ kind: 'agent', agentId: server.data.agent.id });
    let checks = 0;
    const client = agent({
      auth: { token },
      fetch: (input, init) => {
        const url = input instanceof Request ? input.url : input.toString();
        // The first check fails as if the server were unreachable.
        if (url.endsWith('/v1/agent/me') && ++checks === 1)
          return Promise.reject(new TypeError('fetch failed'));
        return globalThis.fetch(input, init);
      },
    });
    await client.connect();
    expect(checks).toBe(2);
    expect(client.getSnapshot()).toMatchObject({
      connection: 'connected',
      error: null,
      agent: server.data.agent,
    });
  });
});

describe('live inbox', () => {
  it('receives new conversations, messages and changes for every conversation', async () => {
    await setup();
    const first = seedConversation('first');
    const client = agent();
    await client.connect();
    const events: string[] = [];
    client.on('conversation:created', (c) => events.push(`created ${c.id}`));
    client.on('message:created', (m) => events.push(`message ${m.text}`));
    client.on('conversation:updated', (c) => events.push(`updated ${c.status}`));

    const second = seedConversation();
    server.announce(second);
    await waitFor(() => client.getSnapshot().conversations[second.id]);

    server.post(first.id, 'a reply on the old one', { authorKind: 'visitor' });
    await waitFor(() => client.getSnapshot().messages[first.id]?.length === 1);
    // The conversation with the newest message moves to the top.
    expect(client.getSnapshot().conversationOrder[0]).toBe(first.id);
    expect(client.getSnapshot().conversations[first.id]!.lastSeq).toBe(2);

    server.change(first.id, { status: 'active', assigneeId: 'agent_1' });
    await waitFor(() => client.getSnapshot().conversations[first.id]!.status === 'active');
    expect(events).toEqual([`created ${second.id}`, 'message a reply on the old one', 'updated active']);
  });

  it('fetches a conversation it has never heard of when a message for it arrives', async () => {
    await setup();
    const client = agent();
    await client.connect();
    const unknown = seedConversation();
    server.post(unknown.id, 'surprise', { authorKind: 'visitor' });
    await waitFor(() => client.getSnapshot().conversations[unknown.id], { message: 'conversation fetch' });
    expect(texts(client.getSnapshot().messages[unknown.id])).toEqual(['surprise']);
  });

  it('ignores an older snapshot arriving after a newer one', async () => {
    await setup();
    const conversation = seedConversation('hi');
    const client = agent();
    await client.connect();
    const newer = server.change(conversation.id, { status: 'active' });
    await waitFor(() => client.getSnapshot().conversations[conversation.id]!.status === 'active');
    await client.listConversations();
    expect(client.getSnapshot().conversations[conversation.id]).toEqual(newer);
  });
});

describe('messages', () => {
  it('loads history forwards and backwards into the store', async () => {
    await setup();
    const conversation = seedConversation(...Array.from({ length: 30 }, (_, i) => `m${i + 1}`));
    const client = agent();
    await client.connect();

    const latest = await client.loadMessages(conversation.id, { limit: 10 });
    expect(latest.map((m) => m.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    const older = await client.loadMessages(conversation.id, { beforeSeq: 21, limit: 5 });
    expect(older.map((m) => m.seq)).toEqual([16, 17, 18, 19, 20]);
    const after = await client.loadMessages(conversation.id, { afterSeq: 28 });
    expect(after.map((m) => m.seq)).toEqual([29, 30]);
    expect(client.getSnapshot().messages[conversation.id]!.map((m) => m.seq)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 16),
    );
  });

  it('sends replies and internal notes, resolving with the stored message', async () => {
    await setup();
    const conversation = seedConversation('help');
    const client = agent();
    await client.connect();
    await client.loadMessages(conversation.id);

    const reply = await client.sendMessage(conversation.id, 'On it');
    const note = await client.sendMessage(conversation.id, 'VIP customer', { kind: 'note' });
    expect(reply).toMatchObject({ kind: 'text', authorKind: 'agent', seq: 2 });
    expect(note).toMatchObject({ kind: 'note', seq: 3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(texts(client.getSnapshot().messages[conversation.id])).toEqual(['help', 'On it', 'VIP customer']);
    expect(client.getSnapshot().pending).toEqual([]);
  });

  it('reuses a given clientMessageId, so a retried send is the same message', async () => {
    await setup();
    const conversation = seedConversation();
    const client = agent();
    await client.connect();
    const clientMessageId = '01J0000000000000000000000A';
    const first = await client.sendMessage(conversation.id, 'once', { clientMessageId });
    const again = await client.sendMessage(conversation.id, 'once', { clientMessageId });
    expect(again).toEqual(first);
    expect(first.clientMessageId).toBe(clientMessageId);
    expect(server.data.messages.get(conversation.id)).toHaveLength(1);
  });

  it('reports a send the server refuses, keeping it pending with its error', async () => {
    await setup();
    const client = agent();
    await client.connect();
    await expect(client.sendMessage('conv_missing', 'hello?')).rejects.toMatchObject({ code: 'not_found' });
    expect(client.getSnapshot().pending).toMatchObject([{ text: 'hello?', error: { code: 'not_found' } }]);
    expect(client.discardMessage(client.getSnapshot().pending[0]!.clientMessageId)).toBe(true);
    expect(client.getSnapshot().pending).toEqual([]);
  });
});

describe('reconnects', () => {
  it('re-syncs conversations and open message lists after an unrecovered reconnect', async () => {
    await setup();
    const open = seedConversation('hi');
    const closed = seedConversation('bye');
    const client = agent();
    await client.connect();
    await client.loadMessages(open.id);
    const created: string[] = [];
    client.on('conversation:created', (c) => created.push(c.id));

    server.dropConnections();
    // All of this happens while the agent is away: no broadcast reaches it.
    server.post(open.id, 'missed 1', { authorKind: 'visitor', broadcast: false });
    server.post(open.id, 'missed 2', { authorKind: 'visitor', broadcast: false });
    server.data.update(closed.id, { status: 'resolved' });
    const brandNew = seedConversation();

    await waitFor(() => client.getSnapshot().messages[open.id]?.length === 3, { message: 'catch-up' });
    await waitFor(() => client.getSnapshot().conversations[brandNew.id]);
    expect(texts(client.getSnapshot().messages[open.id])).toEqual(['hi', 'missed 1', 'missed 2']);
    expect(client.getSnapshot().conversations[closed.id]!.status).toBe('resolved');
    expect(created).toEqual([brandNew.id]);
    expect(server.requests).toContain(`GET /v1/conversations/${open.id}/messages?afterSeq=1&limit=200`);
  });

  it('skips the re-sync when socket.io recovered the session', async () => {
    await setup({ recovery: true });
    const conversation = seedConversation('hi');
    const client = agent();
    await client.connect();
    await client.loadMessages(conversation.id);
    // Recovery needs a packet offset: let one event through first.
    server.post(conversation.id, 'before the drop', { authorKind: 'visitor' });
    await waitFor(() => client.getSnapshot().messages[conversation.id]?.length === 2);
    const requestsBefore = server.requests.length;

    server.dropConnections();
    server.post(conversation.id, 'buffered by the server', { authorKind: 'visitor' });
    await waitFor(() => client.getSnapshot().messages[conversation.id]?.length === 3, { message: 'replay' });
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('fills a seq gap from the server', async () => {
    await setup();
    const conversation = seedConversation('one');
    const client = agent();
    await client.connect();
    await client.loadMessages(conversation.id);
    server.shouldBroadcast = (m) => m.text !== 'two';
    server.post(conversation.id, 'two', { authorKind: 'visitor' });
    server.post(conversation.id, 'three', { authorKind: 'visitor' });
    await waitFor(() => client.getSnapshot().messages[conversation.id]?.length === 3, {
      message: 'gap fill',
    });
    expect(texts(client.getSnapshot().messages[conversation.id])).toEqual(['one', 'two', 'three']);
  });

  it('logs in again when its token expires, handing the new session to onSession', async () => {
    await setup();
    const conversation = seedConversation('hi');
    const tokens: string[] = [];
    const client = agent({ onSession: (session) => tokens.push(session.token) });
    await client.connect();
    server.data.expireTokens();
    server.dropConnections();
    await waitFor(() => server.requests.filter((r) => r === 'POST /v1/agent/sessions').length === 2, {
      message: 're-login',
    });
    await waitFor(() => client.getSnapshot().connection === 'connected');
    await expect(client.sendMessage(conversation.id, 'back')).resolves.toMatchObject({ text: 'back' });
    expect(client.getSnapshot().error).toBeNull();
    expect(tokens).toHaveLength(2);
    expect(server.data.tokens.has(tokens[1]!)).toBe(true);
  });

  it('queues sends while disconnected and flushes them in order on reconnect', async () => {
    await setup();
    const conversation = seedConversation();
    const client = agent();
    await client.connect();
    client.disconnect();
    const a = client.sendMessage(conversation.id, 'first');
    const b = client.sendMessage(conversation.id, 'second');
    expect(client.getSnapshot().pending.map((p) => p.text)).toEqual(['first', 'second']);
    await client.connect();
    const sent = await Promise.all([a, b]);
    expect(sent.map((m) => m.seq)).toEqual([1, 2]);
  });
});
