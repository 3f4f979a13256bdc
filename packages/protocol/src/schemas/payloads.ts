import { z } from 'zod';
import { ClientMessageId, Id } from './common.js';
import { MessageText } from './message.js';

/** Socket payloads are strict: an unknown field is a client bug worth reporting, not ignoring. */
export const ConversationRef = z.strictObject({ conversationId: Id });
export type ConversationRef = z.infer<typeof ConversationRef>;

/** `conversation:start` opens the visitor's current conversation, or a new one if none is open. */
export const ConversationStartPayload = z.strictObject({});
export type ConversationStartPayload = z.infer<typeof ConversationStartPayload>;

export const SendMessagePayload = z.strictObject({
  conversationId: Id,
  clientMessageId: ClientMessageId,
  text: MessageText,
});
export type SendMessagePayload = z.infer<typeof SendMessagePayload>;

export const AgentSendMessagePayload = z.strictObject({
  conversationId: Id,
  clientMessageId: ClientMessageId,
  text: MessageText,
  /** `note` stays among agents; the visitor never receives it. */
  kind: z.enum(['text', 'note']).default('text'),
});
export type AgentSendMessagePayload = z.input<typeof AgentSendMessagePayload>;
