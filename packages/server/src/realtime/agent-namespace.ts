import {
  AgentSendMessagePayload,
  AssignPayload,
  ConversationRef,
  DeliveredPayload,
  HandBackPayload,
  LabelPayload,
  MentionsReadPayload,
  ReadPayload,
  ResolvePayload,
  SetCapacityPayload,
  SetPriorityPayload,
  SetStatusPayload,
  TagsPayload,
  TransferPayload,
  TypingPayload,
} from '@switchboard/protocol/schemas';
import type { Logger } from '../lib/logger.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { AgentService } from '../services/agents.js';
import type { AnnotationService } from '../services/annotations.js';
import type { MentionService } from '../services/mentions.js';
import type { ConversationService } from '../services/conversations.js';
import type { HandoffService } from '../services/handoff.js';
import type { LifecycleService } from '../services/lifecycle.js';
import type { SessionService } from '../services/sessions.js';
import type { SignalService } from '../services/signals.js';
import { handle } from './handle.js';
import { authenticateSocket } from './handshake.js';
import type { AgentNamespace } from './namespaces.js';
import { AGENTS_ROOM, agentRoom, conversationRoom } from './rooms.js';
import { signal } from './signal.js';

export interface AgentNamespaceDeps {
  sessions: SessionService;
  conversations: ConversationService;
  lifecycle: LifecycleService;
  handoff: HandoffService;
  agents: AgentService;
  signals: SignalService;
  annotations: AnnotationService;
  mentions: MentionService;
  logger: Logger;
  limiter: RateLimiter;
  /** Typing signals have their own budget (dropped when exceeded). */
  typingLimiter: RateLimiter;
  /** So do delivery receipts (refused with `rate_limited` when exceeded). */
  receiptLimiter: RateLimiter;
}

export function setUpAgentNamespace(
  namespace: AgentNamespace,
  {
    sessions,
    conversations,
    lifecycle,
    handoff,
    agents,
    signals,
    annotations,
    mentions,
    logger,
    limiter,
    typingLimiter,
    receiptLimiter,
  }: AgentNamespaceDeps,
) {
  namespace.use(authenticateSocket(sessions, 'agent'));
  namespace.on('connection', (socket) => {
    const { viewer } = socket.data;
    if (viewer.kind !== 'agent') return;
    const { agentId } = viewer;
    const options = { logger, limiter: { limiter, key: socket.id } };
    const report = (error: unknown) => logger.error('agent presence update failed', { error });
    void socket.join([AGENTS_ROOM, agentRoom(agentId)]);
    agents.connected(agentId).catch(report);
    socket.on('disconnect', () => void agents.disconnected(agentId).catch(report));

    socket.on(
      'conversation:join',
      handle(
        ConversationRef,
        async ({ conversationId }) => {
          const conversation = await conversations.get(viewer, conversationId);
          await socket.join(conversationRoom(conversation.id));
          return conversation;
        },
        options,
      ),
    );
    socket.on(
      'message:send',
      handle(AgentSendMessagePayload, (p) => conversations.send(viewer, p), options),
    );
    socket.on(
      'conversation:accept',
      handle(ConversationRef, (p) => lifecycle.accept(viewer, p.conversationId), options),
    );
    socket.on(
      'conversation:assign',
      handle(AssignPayload, (p) => lifecycle.assign(viewer, p), options),
    );
    socket.on(
      'conversation:transfer',
      handle(TransferPayload, (p) => lifecycle.transfer(viewer, p), options),
    );
    socket.on(
      'conversation:resolve',
      handle(ResolvePayload, (p) => lifecycle.resolve(viewer, p), options),
    );
    socket.on(
      'conversation:reopen',
      handle(ConversationRef, (p) => lifecycle.reopen(viewer, p.conversationId), options),
    );
    socket.on(
      'conversation:set_priority',
      handle(SetPriorityPayload, (p) => lifecycle.setPriority(viewer, p), options),
    );
    socket.on(
      'conversation:hand_back',
      handle(HandBackPayload, (p) => handoff.handBack(viewer, p.conversationId, p.note ?? null), options),
    );
    socket.on(
      'conversation:add_tags',
      handle(TagsPayload, (p) => annotations.addTags(viewer, p), options),
    );
    socket.on(
      'conversation:remove_tags',
      handle(TagsPayload, (p) => annotations.removeTags(viewer, p), options),
    );
    socket.on(
      'conversation:add_label',
      handle(LabelPayload, (p) => annotations.addLabel(viewer, p), options),
    );
    socket.on(
      'conversation:remove_label',
      handle(LabelPayload, (p) => annotations.removeLabel(viewer, p), options),
    );
    socket.on(
      'mentions:read',
      handle(MentionsReadPayload, (p) => mentions.markRead(viewer, p), options),
    );
    socket.on(
      'agent:set_status',
      handle(SetStatusPayload, (p) => agents.setStatus(agentId, p.status), options),
    );
    socket.on(
      'agent:set_capacity',
      handle(SetCapacityPayload, (p) => agents.setCapacity(agentId, p.capacity), options),
    );
    socket.on(
      'typing',
      signal(TypingPayload, (p) => signals.typing(viewer, p), {
        logger,
        limiter: { limiter: typingLimiter, key: socket.id },
      }),
    );
    socket.on(
      'conversation:read',
      handle(ReadPayload, (p) => signals.read(viewer, p), options),
    );
    socket.on(
      'conversation:delivered',
      handle(DeliveredPayload, (p) => signals.delivered(viewer, p), {
        logger,
        limiter: { limiter: receiptLimiter, key: socket.id },
      }),
    );
  });
}
