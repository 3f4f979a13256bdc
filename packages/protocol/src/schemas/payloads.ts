import { z } from 'zod';
import { AGENT_STATUSES, MAX_MESSAGE_TEXT, RESOLVE_REASONS } from '../constants.js';
import { AttachmentIds } from './attachment.js';
import { ClientMessageId, Id, Priority } from './common.js';
import { Card, MAX_CARDS } from './message.js';

/** Socket payloads are strict: an unknown field is a client bug worth reporting, not ignoring. */
export const ConversationRef = z.strictObject({ conversationId: Id });
export type ConversationRef = z.infer<typeof ConversationRef>;

/** `conversation:start` opens the visitor's current conversation, or a new one if none is open. */
export const ConversationStartPayload = z.strictObject({});
export type ConversationStartPayload = z.infer<typeof ConversationStartPayload>;

/**
 * A message's content as a sender writes it: text, attachments (ids from `POST /v1/uploads`), or
 * both. Text may be blank (or left out) only when there are attachments.
 */
const messageContent = {
  text: z.string().max(MAX_MESSAGE_TEXT).default(''),
  /** Uploads of the sender's own that no message carries yet; linked in the message's transaction. */
  attachmentIds: AttachmentIds.optional(),
};

function requireContent(
  payload: { text: string; attachmentIds?: string[] | undefined },
  context: z.RefinementCtx,
): void {
  if (payload.text.trim().length > 0 || (payload.attachmentIds?.length ?? 0) > 0) return;
  context.addIssue({ code: 'custom', path: ['text'], message: 'must not be blank' });
}

export const SendMessagePayload = z
  .strictObject({ conversationId: Id, clientMessageId: ClientMessageId, ...messageContent })
  .superRefine(requireContent);
export type SendMessagePayload = z.input<typeof SendMessagePayload>;

/**
 * An agent's message: a visitor's content plus `cards` (a product shared from the contact's
 * context, say). Text may be blank when there are cards. A note stays among agents, so it carries
 * no cards.
 */
export const AgentSendMessagePayload = z
  .strictObject({
    conversationId: Id,
    clientMessageId: ClientMessageId,
    ...messageContent,
    /** `note` stays among agents; the visitor never receives it. */
    kind: z.enum(['text', 'note']).default('text'),
    cards: z.array(Card).max(MAX_CARDS).optional(),
  })
  .superRefine((payload, context) => {
    const cards = payload.cards?.length ?? 0;
    if (cards > 0 && payload.kind === 'note') {
      context.addIssue({ code: 'custom', path: ['cards'], message: 'a note cannot carry cards' });
    }
    if (cards === 0) requireContent(payload, context);
  });
export type AgentSendMessagePayload = z.input<typeof AgentSendMessagePayload>;

export const AssignPayload = z.strictObject({ conversationId: Id, agentId: Id });
export type AssignPayload = z.infer<typeof AssignPayload>;

/** Hand a conversation to another agent, or back to a queue to be routed again. */
export const TransferPayload = z.strictObject({
  conversationId: Id,
  to: z.union([z.strictObject({ agentId: Id }), z.strictObject({ queueId: Id })]),
  /** Shown to the receiver and kept in the timeline. */
  note: z.string().trim().max(1000).optional(),
});
export type TransferPayload = z.infer<typeof TransferPayload>;

export const ResolvePayload = z.strictObject({
  conversationId: Id,
  reason: z.enum(RESOLVE_REASONS),
  note: z.string().trim().max(1000).optional(),
});
export type ResolvePayload = z.infer<typeof ResolvePayload>;

export const SetPriorityPayload = z.strictObject({ conversationId: Id, priority: Priority });
export type SetPriorityPayload = z.infer<typeof SetPriorityPayload>;

export const SetStatusPayload = z.strictObject({ status: z.enum(AGENT_STATUSES) });
export type SetStatusPayload = z.infer<typeof SetStatusPayload>;

export const SetCapacityPayload = z.strictObject({ capacity: z.number().int().min(0).max(100) });
export type SetCapacityPayload = z.infer<typeof SetCapacityPayload>;
