import { z } from 'zod';
import { AUTHOR_KINDS, MAX_MESSAGE_TEXT, MESSAGE_KINDS } from '../constants.js';
import { ClientMessageId, Id, Seq, Timestamp } from './common.js';

export const AuthorKind = z.enum(AUTHOR_KINDS);
export type AuthorKind = z.infer<typeof AuthorKind>;

/** `note` is internal to agents and is never sent to the visitor. */
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

/** Text as typed by a person: non-blank, bounded. Formatting is parsed on render, never stored as HTML. */
export const MessageText = z
  .string()
  .max(MAX_MESSAGE_TEXT)
  .refine((text) => text.trim().length > 0, 'must not be blank');

export const Message = z.object({
  id: Id,
  conversationId: Id,
  clientMessageId: ClientMessageId,
  /** Position in the conversation, assigned by the server in the insert's transaction. */
  seq: Seq,
  authorKind: AuthorKind,
  authorId: Id.nullable(),
  kind: MessageKind,
  text: z.string(),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;
