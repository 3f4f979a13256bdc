// The visitor client's identity handling (the `identity` option, identify(), reset()) against a
// bare socket.io server and a scripted REST API, so the server's answers (a refused hash, a stale
// credential, another contact) are ours to choose. The real server's side is in
// tests/sdk/visitor-identity-verification.test.ts.
import type {
  Contact,
  Conversation,
  Message,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  VisitorSession,
  VisitorSessionRequest,
} from '@switchboard/protocol';
import type { Namespace } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorClient, VisitorClientOptions } from '../types.js';
import { conversation, message, UPLOADS } from '../testing/factories.js';
import { MemoryStorage } from '../testing/memory-storage.js';
import { startSocketServer } from '../testing/socket-server.js';
import { waitFor } from '../testing/wait.js';
import { createVisitorClient } from './create-visitor-client.js';

const SITE_KEY = 'pk_test_switchboard';
const ADA = { userId: 'user-42', name: 'Ada', identifierHash: 'a'.repeat(64) };

let server: Awaited<ReturnType<typeof startSocketServer>>;
let visitors: Namespace<VisitorClientToServerEvents, VisitorServerToClientEvents>;
let client: VisitorClient | undefined;

beforeEach(async () => {
  server = await startSocketServer();
  visitors = server.io.of('/visitor');
});
afterEach(async () => {
  client?.disconnect();
  client = undefined;
  await server.close();
});

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const contact = (id: string, overrides: Partial<Contact> = {}): Contact => ({
  id,
  siteId: 'site_1',
  externalId: null,
  name: null,
  email: null,
  phone: null,
  avatarUrl: null,
  attributes: {},
  preChat: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

const sessionFor = (contactId: string, secret: string, overrides: Partial<Contact> = {}): VisitorSession => ({
  token: `token-${contactId}`,
  expiresAt: '2099-01-01T00:00:00.000Z',
  site: {
    id: 'site_1',
    name: 'Test site',
    availability: { open: true, afterHoursMode: null, nextOpenAt: null },
    preChat: null,
    uploads: UPLOADS,
  },
  contact: contact(contactId, overrides),
  resume: { contactId, secret },
});

type SessionAnswer =
  VisitorSession | { status: number; error: { code: string; message: string; issues?: unknown } };

/**
 * A scripted REST API: `answer` decides each session request; conversations and messages are
 * looked up by the token's contact. Records the session requests it got.
 */
function api(answer: (body: VisitorSessionRequest) => SessionAnswer) {
  const sessions: VisitorSessionRequest[] = [];
  const conversations = new Map<string, Conversation[]>();
  const history = new Map<string, Message[]>();
  const respond = (url: URL, init: RequestInit | undefined): Response => {
    if (url.pathname === '/v1/visitor/sessions') {
      const body = JSON.parse(init?.body as string) as VisitorSessionRequest;
      sessions.push(body);
      const result = answer(body);
      return 'status' in result ? json(result.status, { error: result.error }) : json(201, result);
    }
    const token = new Headers(init?.headers).get('authorization')?.replace('Bearer token-', '') ?? '';
    if (url.pathname === '/v1/conversations')
      return json(200, { items: conversations.get(token) ?? [], nextCursor: null });
    const id = /^\/v1\/conversations\/([^/]+)\/messages$/.exec(url.pathname)?.[1];
    if (id) return json(200, { items: history.get(id) ?? [], hasMore: false });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };
  const fetch: typeof globalThis.fetch = (input, init) =>
    Promise.resolve(respond(new URL(input instanceof Request ? input.url : input), init));
  return { fetch, sessions, conversations, history };
}

function visitor(
  fetch: typeof globalThis.fetch,
  storage: MemoryStorage,
  options: Partial<VisitorClientOptions> = {},
) {
  client = createVisitorClient({
    serverUrl: server.url,
    siteKey: SITE_KEY,
    storage,
    fetch,
    reconnection: { minDelayMs: 30, maxDelayMs: 150 },
    ...options,
  });
  return client;
}

/** Each connection: `conversation:start`/`join` answer the contact's conversation; sends are stored. */
function serveConversations(byContact: Record<string, Conversation>) {
  const tokens: string[] = [];
  visitors.on('connection', (socket) => {
    const token = (socket.handshake.auth as { token: string }).token;
    tokens.push(token);
    const own = byContact[token.replace('token-', '')];
    socket.on('conversation:start', (_payload, ack) => {
      if (own) ack({ ok: true, data: own });
    });
    socket.on('conversation:join', ({ conversationId }, ack) => {
      if (own?.id === conversationId) ack({ ok: true, data: own });
      else ack({ ok: false, error: { code: 'not_found', message: 'Conversation not found' } });
    });
    socket.on('message:send', (payload, ack) =>
      ack({
        ok: true,
        data: message((own?.lastSeq ?? 0) + 1, { ...payload, authorId: own?.contactId ?? null }),
      }),
    );
  });
  return tokens;
}

const stored = (storage: MemoryStorage) =>
  JSON.parse(storage.getItem('switchboard:session') ?? 'null') as {
    resume: { contactId: string; secret: string };
    conversationId: string | null;
  } | null;

describe('the identity option', () => {
  it('sends nothing before the visitor writes, then sends the identity with the session request', async () => {
    const server = api(() => sessionFor('contact_ada', 'secret-ada-0123456789', { externalId: ADA.userId }));
    serveConversations({
      contact_ada: conversation('conv_ada', { contactId: 'contact_ada', status: 'queued' }),
    });
    const storage = new MemoryStorage();
    const client = visitor(server.fetch, storage, { identity: ADA });
    await client.connect();
    expect(client.getSnapshot().connection).toBe('idle');
    expect(server.sessions).toEqual([]);
    expect(storage.writes).toEqual([]);

    await client.sendMessage('Hello');
    expect(server.sessions).toEqual([{ siteKey: SITE_KEY, identity: ADA }]);
    expect(client.getSnapshot().contact?.externalId).toBe(ADA.userId);
    expect(stored(storage)?.resume.contactId).toBe('contact_ada');
  });

  it('keeps the stored credential when the site refuses the identity', async () => {
    const storage = new MemoryStorage();
    const resume = { contactId: 'contact_anon', secret: 'secret-anon-0123456789' };
    storage.setItem(
      'switchboard:session',
      JSON.stringify({ siteKey: SITE_KEY, resume, conversationId: null }),
    );
    const server = api(() => ({
      status: 401,
      error: {
        code: 'unauthorized',
        message: 'Identity verification failed: identifierHash does not match userId',
        issues: [{ path: 'identity.identifierHash', message: 'identifierHash does not match userId' }],
      },
    }));
    const client = visitor(server.fetch, storage, { identity: ADA });
    await expect(client.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(client.getSnapshot().error?.code).toBe('unauthorized');
    // One attempt: a refused identity is no reason to forget the credential and start over.
    expect(server.sessions).toEqual([{ siteKey: SITE_KEY, resume, identity: ADA }]);
    expect(stored(storage)?.resume).toEqual(resume);
  });
});

describe('identify()', () => {
  it('before any interaction: asks the server, but stores nothing until the visitor writes', async () => {
    const server = api(() => sessionFor('contact_ada', 'secret-ada-0123456789', { externalId: ADA.userId }));
    const ada = conversation('conv_ada', { contactId: 'contact_ada', status: 'active', lastSeq: 1 });
    server.conversations.set('contact_ada', [ada]);
    server.history.set('conv_ada', [
      message(1, { conversationId: 'conv_ada', text: 'Earlier, on the phone' }),
    ]);
    serveConversations({ contact_ada: ada });
    const storage = new MemoryStorage();
    const client = visitor(server.fetch, storage);

    await client.identify(ADA);
    expect(server.sessions).toEqual([{ siteKey: SITE_KEY, identity: ADA }]);
    expect(client.getSnapshot()).toMatchObject({ connection: 'idle', contact: { externalId: ADA.userId } });
    expect(storage.writes).toEqual([]);

    // connect() now joins the contact's conversation and shows its history.
    await client.connect();
    await waitFor(() => client.getSnapshot().messages.length === 1);
    expect(client.getSnapshot().conversation?.id).toBe('conv_ada');
    expect(storage.writes).toEqual([]);

    await client.sendMessage('Hello from the laptop');
    expect(stored(storage)).toMatchObject({
      resume: { contactId: 'contact_ada' },
      conversationId: 'conv_ada',
    });
  });

  it('switches a connected anonymous visitor to the known contact, its conversation and a new socket', async () => {
    const server = api((body) =>
      body.identity
        ? sessionFor('contact_ada', 'secret-ada-0123456789', { externalId: ADA.userId, name: 'Ada' })
        : sessionFor('contact_anon', 'secret-anon-0123456789'),
    );
    const anon = conversation('conv_anon', { contactId: 'contact_anon', status: 'queued' });
    const ada = conversation('conv_ada', { contactId: 'contact_ada', status: 'active', lastSeq: 2 });
    server.conversations.set('contact_ada', [ada]);
    server.history.set('conv_ada', [
      message(1, { conversationId: 'conv_ada', text: 'Hi' }),
      message(2, { conversationId: 'conv_ada', text: 'How can I help?', authorKind: 'agent' }),
    ]);
    const tokens = serveConversations({ contact_anon: anon, contact_ada: ada });
    const storage = new MemoryStorage();
    const client = visitor(server.fetch, storage);

    const first = await client.sendMessage('Anyone there?');
    expect(first.conversationId).toBe('conv_anon');

    await client.identify(ADA);
    expect(server.sessions[1]).toEqual({
      siteKey: SITE_KEY,
      resume: { contactId: 'contact_anon', secret: 'secret-anon-0123456789' },
      identity: ADA,
    });
    await waitFor(() => client.getSnapshot().messages.length === 2);
    expect(client.getSnapshot()).toMatchObject({
      connection: 'connected',
      contact: { id: 'contact_ada', name: 'Ada' },
      conversation: { id: 'conv_ada' },
    });
    expect(client.getSnapshot().messages.map((m) => m.text)).toEqual(['Hi', 'How can I help?']);
    expect(tokens).toEqual(['token-contact_anon', 'token-contact_ada']);
    expect(stored(storage)).toEqual({
      siteKey: SITE_KEY,
      resume: { contactId: 'contact_ada', secret: 'secret-ada-0123456789' },
      conversationId: 'conv_ada',
    });

    // The identity goes with every later session request, e.g. after a reload.
    client.disconnect();
    const reloaded = visitor(server.fetch, storage, { identity: ADA });
    await reloaded.connect();
    expect(server.sessions[2]).toEqual({
      siteKey: SITE_KEY,
      resume: { contactId: 'contact_ada', secret: 'secret-ada-0123456789' },
      identity: ADA,
    });
  });

  it('keeps the conversation when the anonymous contact itself became the user', async () => {
    const server = api((body) =>
      sessionFor('contact_anon', 'secret-anon-0123456789', body.identity ? { externalId: ADA.userId } : {}),
    );
    const anon = conversation('conv_anon', { contactId: 'contact_anon', status: 'queued' });
    const tokens = serveConversations({ contact_anon: anon });
    const client = visitor(server.fetch, new MemoryStorage());
    await client.sendMessage('Hi');

    await client.identify(ADA);
    expect(client.getSnapshot()).toMatchObject({
      contact: { id: 'contact_anon', externalId: ADA.userId },
      conversation: { id: 'conv_anon' },
    });
    expect(client.getSnapshot().messages).toHaveLength(1);
    expect(tokens).toHaveLength(1);
  });

  it('rejects a refused identity and leaves the visitor as they were', async () => {
    const server = api((body) =>
      body.identity
        ? {
            status: 401,
            error: {
              code: 'unauthorized',
              message: 'Identity verification failed: identifierHash does not match userId',
              issues: [{ path: 'identity.identifierHash', message: 'identifierHash does not match userId' }],
            },
          }
        : sessionFor('contact_anon', 'secret-anon-0123456789'),
    );
    serveConversations({
      contact_anon: conversation('conv_anon', { contactId: 'contact_anon', status: 'queued' }),
    });
    const storage = new MemoryStorage();
    const client = visitor(server.fetch, storage);
    await client.sendMessage('Hi');
    const before = client.getSnapshot();

    await expect(client.identify(ADA)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(server.sessions).toHaveLength(2);
    expect(client.getSnapshot()).toMatchObject({
      connection: 'connected',
      contact: before.contact,
      conversation: { id: 'conv_anon' },
    });
    expect(stored(storage)?.resume.contactId).toBe('contact_anon');
  });

  it('drops a stale credential and signs in with the identity alone', async () => {
    const storage = new MemoryStorage();
    const resume = { contactId: 'contact_gone', secret: 'secret-gone-0123456789' };
    storage.setItem(
      'switchboard:session',
      JSON.stringify({ siteKey: SITE_KEY, resume, conversationId: 'conv_gone' }),
    );
    const server = api((body) =>
      body.resume
        ? {
            status: 401,
            error: { code: 'unauthorized', message: 'The stored visitor session is no longer valid' },
          }
        : sessionFor('contact_ada', 'secret-ada-0123456789', { externalId: ADA.userId }),
    );
    const client = visitor(server.fetch, storage);
    await client.identify(ADA);
    expect(server.sessions).toEqual([
      { siteKey: SITE_KEY, resume, identity: ADA },
      { siteKey: SITE_KEY, identity: ADA },
    ]);
    expect(stored(storage)).toMatchObject({ resume: { contactId: 'contact_ada' }, conversationId: null });
  });
});

describe('reset()', () => {
  it('forgets the stored visitor and the identity: the next session is anonymous', async () => {
    const server = api((body) =>
      body.identity
        ? sessionFor('contact_ada', 'secret-ada-0123456789', { externalId: ADA.userId })
        : sessionFor('contact_new', 'secret-new-0123456789'),
    );
    serveConversations({
      contact_ada: conversation('conv_ada', { contactId: 'contact_ada', status: 'queued' }),
      contact_new: conversation('conv_new', { contactId: 'contact_new', status: 'queued' }),
    });
    const storage = new MemoryStorage();
    const client = visitor(server.fetch, storage, { identity: ADA });
    await client.sendMessage('Hi, it is Ada');
    expect(storage.map.has('switchboard:session')).toBe(true);

    client.reset();
    expect(storage.map.has('switchboard:session')).toBe(false);
    expect(client.getSnapshot()).toMatchObject({ connection: 'idle', contact: null, conversation: null });

    const next = await client.sendMessage('Someone else now');
    expect(server.sessions.at(-1)).toEqual({ siteKey: SITE_KEY });
    expect(next.conversationId).toBe('conv_new');
  });
});
