import {
  AgentProfilesRequest,
  ConversationRef,
  ConversationStartPayload,
  CsatSubmission,
  DeliveredPayload,
  OfflineFormSubmission,
  PreChatSubmission,
  ReadPayload,
  SendMessagePayload,
  TypingPayload,
} from '@switchboard/protocol/schemas';
import type { Logger } from '../lib/logger.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { Conversation } from '@switchboard/protocol';
import type { AgentService } from '../services/agents.js';
import type { ConversationService } from '../services/conversations.js';
import type { CsatService } from '../services/csat.js';
import type { OfflineForms } from '../services/offline-form.js';
import type { PreChatService } from '../services/pre-chat.js';
import type { RoutingService } from '../services/routing.js';
import type { SessionService } from '../services/sessions.js';
import type { SignalService } from '../services/signals.js';
import { forVisitor } from '../services/visitor-view.js';
import type { VisitorPresence } from '../services/visitors.js';
import { handle } from './handle.js';
import { authenticateSocket } from './handshake.js';
import type { VisitorNamespace } from './namespaces.js';
import { conversationRoom } from './rooms.js';
import { signal } from './signal.js';

export interface VisitorNamespaceDeps {
  sessions: SessionService;
  conversations: ConversationService;
  agents: AgentService;
  csat: CsatService;
  offlineForms: OfflineForms;
  preChat: PreChatService;
  routing: RoutingService;
  visitors: VisitorPresence;
  signals: SignalService;
  logger: Logger;
  limiter: RateLimiter;
  /** Typing signals have their own budget (dropped when exceeded). */
  typingLimiter: RateLimiter;
  /** So do delivery receipts (refused with `rate_limited` when exceeded). */
  receiptLimiter: RateLimiter;
}

export function setUpVisitorNamespace(
  namespace: VisitorNamespace,
  {
    sessions,
    conversations,
    agents,
    csat,
    offlineForms,
    preChat,
    routing,
    visitors,
    signals,
    logger,
    limiter,
    typingLimiter,
    receiptLimiter,
  }: VisitorNamespaceDeps,
) {
  namespace.use(authenticateSocket(sessions, 'visitor'));
  namespace.on('connection', (socket) => {
    const { viewer } = socket.data;
    if (viewer.kind !== 'visitor') return;
    const options = { logger, limiter: { limiter, key: socket.id } };
    const report = (error: unknown) => logger.error('visitor presence update failed', { error });
    visitors.connected(viewer.contactId).catch(report);
    socket.on('disconnect', () => void visitors.disconnected(viewer.contactId).catch(report));

    // Routing may already have announced this conversation's place before the socket joined
    // its room (and a reconnecting visitor missed what changed meanwhile), so this socket is told
    // now: after the ack (setImmediate runs once the ack is written), so that the client already
    // knows which conversation the position belongs to.
    const joined = async (conversation: Conversation) => {
      await socket.join(conversationRoom(conversation.id));
      if (conversation.status === 'queued' && conversation.queueId) {
        const position = (await routing.positions(conversation.queueId)).find(
          (p) => p.conversationId === conversation.id,
        );
        if (position) setImmediate(() => socket.emit('queue:position', position));
      }
      return forVisitor(conversation);
    };

    socket.on(
      'conversation:start',
      handle(ConversationStartPayload, async () => joined(await conversations.start(viewer)), options),
    );
    socket.on(
      'conversation:join',
      handle(
        ConversationRef,
        async ({ conversationId }) => joined(await conversations.get(viewer, conversationId)),
        options,
      ),
    );
    socket.on(
      'message:send',
      handle(SendMessagePayload, (payload) => conversations.send(viewer, payload), options),
    );
    socket.on(
      'pre_chat:submit',
      handle(
        PreChatSubmission,
        async (payload) => {
          const result = await preChat.submit(viewer, payload);
          // A conversation the form started is this socket's now, as after conversation:start.
          return result.conversation
            ? { ...result, conversation: await joined(result.conversation) }
            : result;
        },
        options,
      ),
    );
    socket.on(
      'offline_form:submit',
      handle(OfflineFormSubmission, (payload) => offlineForms.submit(viewer, payload), options),
    );
    socket.on(
      'conversation:rate',
      handle(CsatSubmission, async (payload) => forVisitor(await csat.rate(viewer, payload)), options),
    );
    socket.on(
      'typing',
      signal(TypingPayload, (payload) => signals.typing(viewer, payload), {
        logger,
        limiter: { limiter: typingLimiter, key: socket.id },
      }),
    );
    socket.on(
      'conversation:read',
      handle(ReadPayload, (payload) => signals.read(viewer, payload), options),
    );
    socket.on(
      'conversation:delivered',
      handle(DeliveredPayload, (payload) => signals.delivered(viewer, payload), {
        logger,
        limiter: { limiter: receiptLimiter, key: socket.id },
      }),
    );
    socket.on(
      'agents:profiles',
      handle(AgentProfilesRequest, ({ agentIds }) => agents.profiles(agentIds), options),
    );
  });
}
