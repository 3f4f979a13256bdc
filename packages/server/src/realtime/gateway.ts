import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@switchboard/protocol';
import {
  AgentSendMessagePayload,
  ConversationRef,
  ConversationStartPayload,
  SendMessagePayload,
} from '@switchboard/protocol/schemas';
import type { EventBus } from '../domain/events.js';
import type { Logger } from '../lib/logger.js';
import { createRateLimiter, type RateLimit } from '../lib/rate-limit.js';
import type { ConversationService } from '../services/conversations.js';
import type { SessionService } from '../services/sessions.js';
import type { Viewer } from '../services/viewer.js';
import { handle } from './handle.js';
import { authenticateSocket, type SocketData } from './handshake.js';
import { AGENTS_ROOM, conversationRoom } from './rooms.js';

type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  object,
  SocketData
>;
type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, object, SocketData>;

export interface GatewayDeps {
  httpServer: HttpServer;
  sessions: SessionService;
  conversations: ConversationService;
  bus: EventBus;
  logger: Logger;
  messageRate: RateLimit;
}

/** socket.io on the HTTP server: authenticates, validates, and fans domain events out to rooms. */
export function createGateway({
  httpServer,
  sessions,
  conversations,
  bus,
  logger,
  messageRate,
}: GatewayDeps): Server {
  const io = new Server(httpServer, {
    // The origin check is per site, in the handshake middleware; CORS only has to let it through.
    cors: { origin: true },
    maxHttpBufferSize: 64 * 1024,
    // An optimisation only: clients still resync by seq whenever `recovered` is false.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  const limiter = createRateLimiter(messageRate);

  /** `conversation:join`, the same in both namespaces: check ownership, then join the room. */
  const joinConversation =
    (socket: { join(room: string): void | Promise<void> }, viewer: Viewer) =>
    async ({ conversationId }: { conversationId: string }) => {
      const conversation = await conversations.get(viewer, conversationId);
      await socket.join(conversationRoom(conversation.id));
      return conversation;
    };

  // socket.io types every namespace with the server's event maps; ours differ per namespace.
  const visitors = io.of(VISITOR_NAMESPACE) as unknown as VisitorNamespace;
  const agents = io.of(AGENT_NAMESPACE) as unknown as AgentNamespace;

  visitors.use(authenticateSocket(sessions, 'visitor'));
  visitors.on('connection', (socket) => {
    const { viewer } = socket.data;
    const options = { logger, limiter: { limiter, key: socket.id } };
    socket.on(
      'conversation:start',
      handle(
        ConversationStartPayload,
        async () => {
          const conversation = await conversations.start(viewer);
          await socket.join(conversationRoom(conversation.id));
          return conversation;
        },
        options,
      ),
    );
    socket.on('conversation:join', handle(ConversationRef, joinConversation(socket, viewer), options));
    socket.on(
      'message:send',
      handle(SendMessagePayload, (payload) => conversations.send(viewer, payload), options),
    );
  });

  agents.use(authenticateSocket(sessions, 'agent'));
  agents.on('connection', (socket) => {
    const { viewer } = socket.data;
    const options = { logger, limiter: { limiter, key: socket.id } };
    void socket.join(AGENTS_ROOM);
    socket.on('conversation:join', handle(ConversationRef, joinConversation(socket, viewer), options));
    socket.on(
      'message:send',
      handle(AgentSendMessagePayload, (payload) => conversations.send(viewer, payload), options),
    );
  });

  bus.subscribe('message.created', ({ message }) => {
    agents.to(AGENTS_ROOM).emit('message:created', message);
    if (message.kind !== 'note')
      visitors.to(conversationRoom(message.conversationId)).emit('message:created', message);
  });
  bus.subscribe('conversation.created', ({ conversation }) => {
    agents.to(AGENTS_ROOM).emit('conversation:created', conversation);
  });
  bus.subscribe('conversation.updated', ({ conversation }) => {
    agents.to(AGENTS_ROOM).emit('conversation:updated', conversation);
    visitors.to(conversationRoom(conversation.id)).emit('conversation:updated', conversation);
  });

  return io;
}
