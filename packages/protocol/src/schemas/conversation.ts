import { z } from 'zod';
import { CONVERSATION_STATUSES, RESOLVE_REASONS } from '../constants.js';
import { Channel, Id, Priority, Seq, Timestamp } from './common.js';

/**
 * The lifecycle states (DESIGN.md). "Reopened" is a transition back into `bot` or `queued`,
 * not a state of its own.
 */
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Conversation = z.object({
  id: Id,
  siteId: Id,
  contactId: Id,
  channel: Channel,
  status: ConversationStatus,
  priority: Priority,
  queueId: Id.nullable(),
  assigneeId: Id.nullable(),
  /** Only agents with every one of these skills are routed this conversation. */
  requiredSkills: z.array(z.string()),
  /** When it last entered a queue; with `assignedAt`, how long the visitor waited. */
  queuedAt: Timestamp.nullable(),
  assignedAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  resolveReason: z.enum(RESOLVE_REASONS).nullable(),
  /** The highest `seq` stored so far; 0 when there are no messages. */
  lastSeq: Seq,
  lastMessageAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Conversation = z.infer<typeof Conversation>;
