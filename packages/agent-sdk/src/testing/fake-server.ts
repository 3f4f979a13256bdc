// A real HTTP + socket.io server speaking the Switchboard wire contract, for the SDK's tests.
// It is a stand-in, not the server: only the rules the clients depend on are implemented.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  Ack,
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  Conversation,
  ErrorCode,
  Message,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '@switchboard/protocol';
import { HTTP_STATUS } from '@switchboard/protocol';
import { Server, type Namespace, type Socket } from 'socket.io';
import { AGENT_EMAIL, AGENT_PASSWORD, FakeData, SITE, SITE_KEY, type Principal } from './fake-data.js';

type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  Record<string, never>,
  { principal: Principal }
>;
type AgentNamespace = Namespace<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  Record<string, never>,
  { principal: Principal }
>;

export interface FakeServerOptions {
  /** Enable socket.io connection state recovery. @default false */
  recovery?: boolean;
}

export interface FakeServer {
  url: string;
  data: FakeData;
  /** Every HTTP request as `METHOD /path?query`. */
  requests: string[];
  /** Every `message:send` payload received, duplicates included. */
  sends: { conversationId: string; clientMessageId: string; text: string }[];
  /** Return true to swallow the ack of this `message:send` (the message is still stored). */
  dropAck: (payload: { clientMessageId: string }) => boolean;
  /** Return false to skip broadcasting a created message (simulating a lost broadcast). */
  shouldBroadcast: (message: Message) => boolean;
  /** Stores a message from someone else (agent, bot) and broadcasts it. */
  post(
    conversationId: string,
    text: string,
    options?: { kind?: Message['kind']; authorKind?: Message['authorKind']; broadcast?: boolean },
  ): Message;
  /** Broadcasts `conversation:created` for a conversation seeded directly in `data`. */
  announce(conversation: Conversation): void;
  /** Changes a conversation and broadcasts `conversation:updated`. */
  change(conversationId: string, patch: Partial<Conversation>): Conversation;
  /** Drops every client's transport without a goodbye, so they reconnect. */
  dropConnections(): void;
  close(): Promise<void>;
}

const refuse = (code: ErrorCode, message: string) =>
  Object.assign(new Error(message), { data: { code, message } });
const fail = <T>(code: ErrorCode, message: string): Ack<T> => ({ ok: false, error: { code, message } });

async function readBody(req: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return raw ? (JSON.parse(raw) as unknown) : undefined;
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const data = new FakeData();
  const http = createServer((req, res) => void handle(req, res));
  const io = new Server(http, options.recovery ? { connectionStateRecovery: {} } : {});
  const visitors = io.of('/visitor') as unknown as VisitorNamespace;
  const agents = io.of('/agent') as unknown as AgentNamespace;

  const server: FakeServer = {
    url: '',
    data,
    requests: [],
    sends: [],
    dropAck: () => false,
    shouldBroadcast: () => true,
    post(conversationId, text, opts = {}) {
      const { message } = data.insertMessage({
        conversationId,
        text,
        kind: opts.kind,
        authorKind: opts.authorKind ?? 'agent',
      });
      if (opts.broadcast !== false) broadcast(message);
      return message;
    },
    announce(conversation) {
      agents.emit('conversation:created', conversation);
    },
    change(conversationId, patch) {
      const conversation = data.update(conversationId, patch);
      visitors.to(`conv:${conversationId}`).emit('conversation:updated', conversation);
      agents.emit('conversation:updated', conversation);
      return conversation;
    },
    dropConnections() {
      for (const socket of [...visitors.sockets.values(), ...agents.sockets.values()]) socket.conn.close();
    },
    close: () =>
      new Promise((resolve) => {
        void io.close(() => resolve());
      }),
  };

  function broadcast(message: Message): void {
    if (!server.shouldBroadcast(message)) return;
    if (message.kind !== 'note')
      visitors.to(`conv:${message.conversationId}`).emit('message:created', message);
    agents.emit('message:created', message);
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
  const sendError = (res: ServerResponse, code: ErrorCode, message: string): void =>
    send(res, HTTP_STATUS[code], { error: { code, message } });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/socket.io')) return;
    server.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const body = req.method === 'POST' ? await readBody(req) : undefined;

    if (req.method === 'POST' && url.pathname === '/v1/visitor/sessions') {
      const { siteKey, resume } = body as { siteKey: string; resume?: { contactId: string; secret: string } };
      if (siteKey !== SITE_KEY) return sendError(res, 'not_found', 'Unknown site');
      let identity;
      if (resume) {
        const known = data.contacts.get(resume.contactId);
        if (!known || known.secret !== resume.secret)
          return sendError(res, 'unauthorized', 'Unknown visitor');
        identity = { contact: known.contact, resume };
      } else identity = data.createContact();
      const token = data.issueToken({ kind: 'visitor', contactId: identity.contact.id });
      return send(res, 201, { token, expiresAt: data.now(), site: SITE, ...identity });
    }
    if (req.method === 'POST' && url.pathname === '/v1/agent/sessions') {
      const { email, password } = body as { email: string; password: string };
      if (email !== AGENT_EMAIL || password !== AGENT_PASSWORD)
        return sendError(res, 'unauthorized', 'Wrong credentials');
      const token = data.issueToken({ kind: 'agent', agentId: data.agent.id });
      return send(res, 201, { token, expiresAt: data.now(), agent: data.agent });
    }

    const principal = data.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!principal) return sendError(res, 'unauthorized', 'Missing or expired token');

    if (req.method === 'GET' && url.pathname === '/v1/agent/me') {
      if (principal.kind !== 'agent') return sendError(res, 'forbidden', 'Only agents have an agent profile');
      return send(res, 200, data.agent);
    }

    if (req.method === 'GET' && url.pathname === '/v1/conversations') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const status = url.searchParams.get('status');
      const visible = [...data.conversations.values()]
        .filter((c) => data.canSee(principal, c) && (!status || c.status === status))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const items = visible.slice(offset, offset + limit);
      return send(res, 200, {
        items,
        nextCursor: offset + limit < visible.length ? String(offset + limit) : null,
      });
    }
    const match = /^\/v1\/conversations\/([^/]+)(\/messages)?$/.exec(url.pathname);
    const conversation = match ? data.conversations.get(decodeURIComponent(match[1]!)) : undefined;
    if (req.method === 'GET' && match && data.canSee(principal, conversation)) {
      if (!match[2]) return send(res, 200, conversation);
      const number = (name: string): number | undefined =>
        url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined;
      return send(
        res,
        200,
        data.page(principal, conversation.id, {
          afterSeq: number('afterSeq'),
          beforeSeq: number('beforeSeq'),
          limit: number('limit') ?? 50,
        }),
      );
    }
    return sendError(res, 'not_found', 'Not found');
  }

  const authenticate = (socket: Socket, next: (error?: Error) => void): void => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const principal = typeof token === 'string' ? data.tokens.get(token) : undefined;
    if (!principal) return next(refuse('unauthorized', 'Missing or expired token'));
    (socket.data as { principal: Principal }).principal = principal;
    next();
  };
  visitors.use((socket, next) => authenticate(socket, next));
  agents.use((socket, next) => authenticate(socket, next));

  const sendMessage = (
    principal: Principal,
    payload: { conversationId: string; clientMessageId: string; text: string; kind?: 'text' | 'note' },
    ack: (ack: Ack<Message>) => void,
  ): void => {
    server.sends.push({
      conversationId: payload.conversationId,
      clientMessageId: payload.clientMessageId,
      text: payload.text,
    });
    const conversation = data.conversations.get(payload.conversationId);
    if (!data.canSee(principal, conversation)) return ack(fail('not_found', 'No such conversation'));
    if (
      principal.kind === 'visitor' &&
      (conversation.status === 'resolved' || conversation.status === 'abandoned')
    ) {
      return ack(fail('conversation_closed', 'Conversation is closed'));
    }
    const { message, created } = data.insertMessage({
      conversationId: conversation.id,
      clientMessageId: payload.clientMessageId,
      text: payload.text,
      kind: payload.kind,
      authorKind: principal.kind,
      authorId: principal.kind === 'agent' ? principal.agentId : principal.contactId,
    });
    if (created) broadcast(message);
    if (!server.dropAck(payload)) ack({ ok: true, data: message });
  };

  visitors.on('connection', (socket) => {
    const principal = socket.data.principal;
    if (principal.kind !== 'visitor') return;
    socket.on('conversation:start', (_payload, ack) => {
      const open = [...data.conversations.values()].find(
        (c) => c.contactId === principal.contactId && c.status !== 'resolved' && c.status !== 'abandoned',
      );
      const conversation = open ?? data.createConversation(principal.contactId);
      if (!open) agents.emit('conversation:created', conversation);
      void socket.join(`conv:${conversation.id}`);
      ack({ ok: true, data: conversation });
    });
    socket.on('conversation:join', ({ conversationId }, ack) => {
      const conversation = data.conversations.get(conversationId);
      if (!data.canSee(principal, conversation)) return ack(fail('not_found', 'No such conversation'));
      void socket.join(`conv:${conversation.id}`);
      ack({ ok: true, data: conversation });
    });
    socket.on('message:send', (payload, ack) => sendMessage(principal, payload, ack));
  });

  agents.on('connection', (socket) => {
    const principal = socket.data.principal;
    socket.on('conversation:join', ({ conversationId }, ack) => {
      const conversation = data.conversations.get(conversationId);
      if (!conversation) return ack(fail('not_found', 'No such conversation'));
      ack({ ok: true, data: conversation });
    });
    socket.on('message:send', (payload, ack) => sendMessage(principal, payload, ack));
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return server;
}
