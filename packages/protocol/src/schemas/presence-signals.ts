import { z } from 'zod';
import { Id, Seq, Timestamp } from './common.js';

// Typing, delivery and read receipts. Typing is a transient signal (never stored, fire-and-forget,
// expires on the receiver); delivery and read receipts are stored as each side's high-water mark.

/**
 * `typing` from a visitor or an agent. Senders repeat `typing: true` every few seconds while
 * typing; receivers forget a typing state that has not been refreshed for
 * `TYPING_TIMEOUT_MS`.
 */
export const TypingPayload = z.strictObject({ conversationId: Id, typing: z.boolean() });
export type TypingPayload = z.infer<typeof TypingPayload>;

/** `conversation:read`: the highest `seq` the reader has seen. Marks never move backwards. */
export const ReadPayload = z.strictObject({ conversationId: Id, seq: Seq });
export type ReadPayload = z.infer<typeof ReadPayload>;

/**
 * `conversation:delivered`: the highest `seq` this client has received (live, through a catch-up or
 * in history). Clients send it on their own, once per burst of messages; marks never move backwards.
 */
export const DeliveredPayload = z.strictObject({ conversationId: Id, seq: Seq });
export type DeliveredPayload = z.infer<typeof DeliveredPayload>;

/** Who is typing, as the visitor is told: an agent (with the name to show) or the bot. */
export const VisitorTypingEvent = z.object({
  conversationId: Id,
  who: z.enum(['agent', 'bot']),
  name: z.string().optional(),
  typing: z.boolean(),
});
export type VisitorTypingEvent = z.infer<typeof VisitorTypingEvent>;

/** Who is typing, as agents are told: the visitor, or another agent (`agentId`). */
export const AgentTypingEvent = z.object({
  conversationId: Id,
  who: z.enum(['visitor', 'agent']),
  agentId: Id.optional(),
  typing: z.boolean(),
});
export type AgentTypingEvent = z.infer<typeof AgentTypingEvent>;

/** A read receipt as broadcast: the reader's new mark (`agentId` when an agent read). */
export const ReadReceipt = z.object({
  conversationId: Id,
  reader: z.enum(['visitor', 'agent']),
  agentId: Id.optional(),
  seq: Seq,
  at: Timestamp,
});
export type ReadReceipt = z.infer<typeof ReadReceipt>;

/**
 * A delivery receipt as broadcast to the other side: the recipient side's new mark. `agent` means
 * the agents' side (an agent's console or the bot) received everything up to `seq`; `visitor`,
 * that the visitor's widget did.
 */
export const DeliveryReceipt = z.object({
  conversationId: Id,
  recipient: z.enum(['visitor', 'agent']),
  seq: Seq,
  at: Timestamp,
});
export type DeliveryReceipt = z.infer<typeof DeliveryReceipt>;
