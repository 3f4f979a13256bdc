import { z } from 'zod';
import {
  AUTHOR_KINDS,
  FORM_FIELD_TYPES,
  MAX_ATTACHMENTS,
  MAX_CARDS,
  MAX_MESSAGE_TEXT,
  MESSAGE_KINDS,
} from '../constants.js';
import { Attachment } from './attachment.js';
import { MessageDelivery } from './channel.js';
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

/** A button under a bot message; choosing it sends `value` as the visitor's message. */
export const QuickReply = z.strictObject({
  label: z.string().trim().min(1).max(80),
  value: z.string().trim().min(1).max(500),
});
export type QuickReply = z.infer<typeof QuickReply>;

/**
 * A contact field a bot, the offline form or the pre-chat form asks for. `name`, `email` (and,
 * in the pre-chat form, `phone`) fill the contact; others become attributes.
 */
export const FieldName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'must be a letter then letters, digits or _ (max 40)');

export const FormField = z.strictObject({
  name: FieldName,
  label: z.string().trim().min(1).max(80),
  type: z.enum(FORM_FIELD_TYPES).default('text'),
  required: z.boolean().default(false),
});
export type FormField = z.infer<typeof FormField>;

/** A form shown under a message (today: the offline form, when no agent can answer). */
export const MessageForm = z.object({
  kind: z.literal('offline'),
  fields: z.array(FormField).min(1).max(10),
});
export type MessageForm = z.infer<typeof MessageForm>;

/**
 * A card URL: absolute with one of `protocols`, or a path on the Switchboard server (`/images/x.svg`),
 * which clients resolve against the server URL. Protocol-relative (`//host`) and backslash paths
 * are refused, as are whitespace and control characters, so no client can read one differently.
 */
function cardUrl(protocols: readonly string[]) {
  return z
    .string()
    .min(1)
    .max(2048)
    .refine((value) => isCardUrl(value, protocols), {
      message: `must be a ${protocols.join(' or ')} URL or a path starting with /`,
    });
}

/** Whitespace, control characters or a backslash, which browsers strip or read as `/`. */
function hasUnsafeChar(value: string): boolean {
  return /[\s\\]/.test(value) || [...value].some((char) => char < ' ' || char === '\x7f');
}

function isCardUrl(value: string, protocols: readonly string[]): boolean {
  if (hasUnsafeChar(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A picture clients load as-is: https only, or a path on the Switchboard server. */
export const ImageUrl = cardUrl(['https:']);

/** A product or article a bot shows under its message; several make a horizontal carousel. */
export const Card = z.strictObject({
  title: z.string().trim().min(1).max(80),
  subtitle: z.string().trim().max(200).optional(),
  /** Decorative: the title carries the meaning. https only (or a path on the server). */
  imageUrl: ImageUrl.optional(),
  /** A display string such as "$249" or "from 12 €"; never parsed. */
  price: z.string().trim().min(1).max(40).optional(),
  /** Opened in a new tab. http or https (or a path on the server). */
  url: cardUrl(['http:', 'https:']).optional(),
});
export interface Card extends z.infer<typeof Card> {}

export { MAX_CARDS };

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
  /** Buttons a bot offers under the message; empty for most messages. */
  quickReplies: z.array(QuickReply),
  form: MessageForm.nullable(),
  /** Cards a bot shows under the message; empty for most messages (and for messages stored before cards). */
  cards: z.array(Card).max(MAX_CARDS).default([]),
  /**
   * Files sent with the message, in the order they were attached; empty for most messages (and
   * for messages stored before attachments). A message with attachments may have empty `text`.
   */
  attachments: z.array(Attachment).max(MAX_ATTACHMENTS).default([]),
  /**
   * Channel conversations only (WhatsApp, email…): how sending this agent's or bot's message
   * through the provider went. Absent for the widget, whose receipts are the conversation's marks.
   */
  delivery: MessageDelivery.optional(),
  createdAt: Timestamp,
});
export interface Message extends z.infer<typeof Message> {}
