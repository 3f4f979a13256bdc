import { z } from 'zod';
import { AUTHOR_KINDS, RESOLVE_REASONS, TIMELINE_EVENT_TYPES } from '../constants.js';
import { Id, Timestamp } from './common.js';
import { ConversationStatus } from './conversation.js';

export const ResolveReason = z.enum(RESOLVE_REASONS);
export type ResolveReason = z.infer<typeof ResolveReason>;

export const TimelineEventType = z.enum(TIMELINE_EVENT_TYPES);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

/** One entry of a conversation's timeline: who did what, when, and why. */
export const TimelineEvent = z.object({
  id: Id,
  conversationId: Id,
  type: TimelineEventType,
  /** `system` for timers and routing. */
  actorKind: z.enum(AUTHOR_KINDS),
  actorId: Id.nullable(),
  fromStatus: ConversationStatus.nullable(),
  toStatus: ConversationStatus.nullable(),
  /** Type-specific details: the assignee, the transfer note, the resolve reason… */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: Timestamp,
});
export interface TimelineEvent extends z.infer<typeof TimelineEvent> {}

/** What a visitor sees of a conversation's history besides messages: the lines between them. */
export const ACTIVITY_TYPES = ['agent_joined', 'transferred', 'ended', 'reopened'] as const;

/**
 * One system line ("Ada joined the conversation", "The conversation ended"), from the timeline,
 * with nothing agents keep to themselves (notes, reasons, queues). Clients word it in their language.
 */
export const ActivityLine = z.object({
  id: Id,
  type: z.enum(ACTIVITY_TYPES),
  /** The agent who joined (or was transferred the conversation); null when it went to a queue. */
  agentName: z.string().nullable(),
  createdAt: Timestamp,
});
export type ActivityLine = z.infer<typeof ActivityLine>;
