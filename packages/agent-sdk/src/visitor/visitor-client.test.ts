// The visitor client against a bare socket.io server, for server answers the reference server
// does not give on demand: it reopens a resolved or abandoned conversation when the visitor writes
// into it, so it never refuses a visitor's send with `conversation_closed`; and it fails an offline
// form submission only by accident. Everything else the client does is tested against the real
// server in tests/sdk/. The server here answers only what the test needs, with fixed data.
import type {
  Ack,
  Conversation,
  Message,
  OfflineFormSubmission,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  VisitorSession,
} from '@switchboard/protocol';
import type { Namespace } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import type { VisitorClient } from '../types.js';
import { conversation, message, UPLOADS } from '../testing/factories.js';
import { MemoryStorage } from '../testing/memory-storage.js';
import { CONNECTORS } from '../testing/connectors.js';
import type { SocketConnector } from '../core/socket.js';
import { startSocketServer } from '../testing/socket-server.js';
import { waitFor } from '../testing/wait.js';
import { createVisitorClient } from './create-visitor-client.js';

const SITE_KEY = 'pk_test_switchboard';
const CONTACT_ID = 'contact_1';
const RESUME = { contactId: CONTACT_ID, secret: 'resume-secret-0123456789' };

let server: Awaited<ReturnType<typeof startSocketServer>>;
let visitors: Namespace<VisitorClientToServerEvents, VisitorServerToClientEvents>;
let client: VisitorClient | undefined;
let connector: SocketConnector;

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

/** The two REST calls a visitor makes here: a session for the one contact, and (empty) history. */
const fetch: typeof globalThis.fetch = (input) => {
  const url = new URL(input instanceof Request ? input.url : input);
  if (url.pathname === '/v1/visitor/sessions') {
    const session: VisitorSession = {
      token: 'token',
      expiresAt: '2099-01-01T00:00:00.000Z',
      site: {
        id: 'site_1',
        name: 'Test site',
        availability: { open: true, afterHoursMode: null, nextOpenAt: null },
        preChat: null,
        uploads: UPLOADS,
      },
      contact: {
        id: CONTACT_ID,
        siteId: 'site_1',
        externalId: null,
        name: null,
        email: null,
        phone: null,
        avatarUrl: null,
        attributes: {},
        preChat: null,
        createdAt: '2025-01-01T00:00:00.000Z',
      },
      resume: RESUME,
    };
    return Promise.resolve(json(201, session));
  }
  if (url.pathname.endsWith('/messages')) return Promise.resolve(json(200, { items: [], hasMore: false }));
  return Promise.resolve(json(404, { error: { code: 'not_found', message: 'Not found' } }));
};

function visitor(): VisitorClient {
  client = createVisitorClient({
    serverUrl: server.url,
    siteKey: SITE_KEY,
    storage: new MemoryStorage(),
    fetch,
    reconnection: { minDelayMs: 30, maxDelayMs: 150 },
    connector,
  });
  return client;
}

/** Acks every send with a stored copy, except into the conversations in `closed`. */
function acceptSends(closed: Set<string>, log: { conversationId: string; clientMessageId: string }[]) {
  let seq = 0;
  return (
    payload: { conversationId: string; clientMessageId: string; text?: string },
    ack: (ack: Ack<Message>) => void,
  ): void => {
    log.push({ conversationId: payload.conversationId, clientMessageId: payload.clientMessageId });
    if (closed.has(payload.conversationId)) {
      ack({ ok: false, error: { code: 'conversation_closed', message: 'The conversation is resolved' } });
      return;
    }
    seq += 1;
    ack({
      ok: true,
      data: message(seq, {
        conversationId: payload.conversationId,
        clientMessageId: payload.clientMessageId,
        text: payload.text,
        authorId: CONTACT_ID,
      }),
    });
  };
}

describe.each(CONNECTORS)('over %s', (_name, connect) => {
  beforeEach(() => {
    connector = connect;
  });

  it('carries a message refused with conversation_closed into a new conversation, under the same id', async () => {
    const first: Conversation = conversation('conv_1', { contactId: CONTACT_ID, status: 'queued' });
    const second: Conversation = conversation('conv_2', { contactId: CONTACT_ID, status: 'queued' });
    const starts = [first, second];
    const closed = new Set<string>();
    const sends: { conversationId: string; clientMessageId: string }[] = [];
    visitors.on('connection', (socket) => {
      socket.on('conversation:start', (_payload, ack) => ack({ ok: true, data: starts[0]! }));
      socket.on('message:send', acceptSends(closed, sends));
    });

    const client = visitor();
    const updates: string[] = [];
    client.on('conversation:updated', (c) => updates.push(`${c.id} ${c.status}`));
    const hi = await client.sendMessage('Hi');
    expect(hi.conversationId).toBe(first.id);

    // An agent resolves it; the server says so to the room.
    closed.add(first.id);
    starts.shift();
    visitors.emit('conversation:updated', {
      ...first,
      status: 'resolved',
      lastSeq: 1,
      visitorReadSeq: 0,
      agentReadSeq: 0,
      visitorDeliveredSeq: 0,
      agentDeliveredSeq: 0,
      tags: [],
      labelIds: [],
      updatedAt: '2025-01-01T00:01:00.000Z',
    });
    await waitFor(() => client.getSnapshot().conversation?.status === 'resolved');
    // The closed conversation stays on screen until the visitor writes again.
    expect(client.getSnapshot().messages).toEqual([hi]);

    const more = await client.sendMessage('One more thing');
    expect(more.conversationId).toBe(second.id);
    // Refused by the closed one, then sent to the new one under the same clientMessageId.
    expect(sends).toEqual([
      { conversationId: first.id, clientMessageId: hi.clientMessageId },
      { conversationId: first.id, clientMessageId: more.clientMessageId },
      { conversationId: second.id, clientMessageId: more.clientMessageId },
    ]);
    expect(client.getSnapshot().conversation?.id).toBe(second.id);
    expect(client.getSnapshot().messages).toEqual([more]);
    expect(updates).toEqual([`${first.id} queued`, `${first.id} resolved`, `${second.id} queued`]);
  });

  it('submits the offline form over the socket: ack errors reject as SwitchboardError, a retry reuses the id', async () => {
    const queued: Conversation = conversation('conv_1', { contactId: CONTACT_ID, status: 'queued' });
    const submissions: OfflineFormSubmission[] = [];
    visitors.on('connection', (socket) => {
      socket.on('conversation:start', (_payload, ack) => ack({ ok: true, data: queued }));
      socket.on('offline_form:submit', (payload, ack) => {
        submissions.push(payload);
        if (submissions.length === 1) {
          ack({ ok: false, error: { code: 'internal', message: 'The database is busy' } });
          return;
        }
        ack({
          ok: true,
          data: message(1, {
            conversationId: payload.conversationId,
            clientMessageId: payload.clientMessageId,
            text: payload.message,
            authorId: CONTACT_ID,
          }),
        });
      });
    });

    const client = visitor();
    const answers = { name: 'Ada', email: 'ada@example.com', message: 'Please email me the invoice' };
    const failed = await client.submitOfflineForm(answers).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(SwitchboardError);
    expect(failed).toMatchObject({ code: 'internal', message: 'The database is busy', retryable: true });
    expect(client.getSnapshot().messages).toEqual([]);

    const stored = await client.submitOfflineForm(answers);
    expect(submissions.map((s) => s.clientMessageId)).toEqual([
      stored.clientMessageId,
      stored.clientMessageId,
    ]);
    expect(submissions[1]).toEqual({
      conversationId: queued.id,
      clientMessageId: stored.clientMessageId,
      ...answers,
    });
    expect(client.getSnapshot().messages).toEqual([stored]);
    expect(client.getSnapshot().contact).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
  });
});
