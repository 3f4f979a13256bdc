import { z } from 'zod';
import { CONVERSATION_STATUSES, HANDOFF_REASONS, RESOLVE_REASONS } from '../constants.js';
import { Channel, Id, Priority, Seq, Timestamp } from './common.js';
import { CsatRating } from './csat.js';

/**
 * The lifecycle states (DESIGN.md). "Reopened" is a transition back into `bot` or `queued`,
 * not a state of its own.
 */
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** Why and how a conversation went from the bot to a human; kept on the conversation for agents. */
export const Handoff = z.object({
  reason: z.enum(HANDOFF_REASONS),
  /** What the visitor wants, in a sentence or two, so nobody has to ask again. */
  summary: z.string().max(2000),
  requestedAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  targetQueueId: Id.nullable(),
  skills: z.array(z.string()),
});
export type Handoff = z.infer<typeof Handoff>;

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
  /** The latest handoff from the bot; null while the bot has it or when there never was a bot. */
  handoff: Handoff.nullable(),
  /**
   * The visitor's rating of this resolution; null until they rate it. Reopening clears it (the
   * timeline keeps the `rated` event), so each resolution can be rated once.
   */
  csat: CsatRating.nullable(),
  /**
   * Agents' own tags (normalised, see `normalizeTag`), in the order added. Internal: always empty
   * in what visitors receive.
   */
  tags: z.array(z.string()).default([]),
  /** The site's labels applied to it (`Label` ids), in the order applied. Internal, like `tags`. */
  labelIds: z.array(Id).default([]),
  /** The highest `seq` stored so far; 0 when there are no messages. */
  lastSeq: Seq,
  /** Read receipts: the highest `seq` the visitor has seen (0 when none); never above `lastSeq`. */
  visitorReadSeq: Seq,
  /** The highest `seq` any agent has seen. */
  agentReadSeq: Seq,
  /**
   * Delivery receipts: the highest `seq` the visitor's widget has received (0 when none). Never
   * below `visitorReadSeq` (reading implies receiving) nor above `lastSeq`.
   */
  visitorDeliveredSeq: Seq,
  /** The highest `seq` the agents' side (an agent's console or the bot) has received; never below `agentReadSeq`. */
  agentDeliveredSeq: Seq,
  /** The provider account (`ChannelAccount`) a channel conversation runs through; absent for the widget. */
  channelAccountId: Id.optional(),
  /** Email: the thread's subject. Absent for channels without one. */
  subject: z.string().optional(),
  lastMessageAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export interface Conversation extends z.infer<typeof Conversation> {}
