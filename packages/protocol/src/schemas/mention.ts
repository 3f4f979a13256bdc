import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/** An agent named in a colleague's internal note (`@handle`, see `mentionedAgentIds`). */
export const Mention = z.object({
  id: Id,
  conversationId: Id,
  /** The note. */
  messageId: Id,
  /** Who was mentioned. */
  agentId: Id,
  /** Who wrote the note. */
  authorId: Id,
  /** The note's text. */
  text: z.string(),
  createdAt: Timestamp,
  /** When the mentioned agent marked it read; null while unread. */
  readAt: Timestamp.nullable(),
});
export type Mention = z.infer<typeof Mention>;

/** `GET /v1/mentions`: the signed-in agent's mentions, newest first. */
export const MentionListQuery = z.strictObject({
  /** `true`: only unread ones. */
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type MentionListQuery = z.infer<typeof MentionListQuery>;

export const MentionPage = z.object({ items: z.array(Mention), nextCursor: z.string().nullable() });
export type MentionPage = z.infer<typeof MentionPage>;

/** `mentions:read`: marks your own mentions read, by id or every one in a conversation. */
export const MentionsReadPayload = z.union([
  z.strictObject({ mentionIds: z.array(Id).min(1).max(100) }),
  z.strictObject({ conversationId: Id }),
]);
export type MentionsReadPayload = z.infer<typeof MentionsReadPayload>;

/** What `mentions:read` acks, and tells your other consoles: the mentions it marked, and when. */
export const MentionsRead = z.object({ mentionIds: z.array(Id), readAt: Timestamp });
export type MentionsRead = z.infer<typeof MentionsRead>;
