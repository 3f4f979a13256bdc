import { z } from 'zod';
import { CONVERSATION_VIEWS } from '../constants.js';
import { Attributes, Channel, Id, Priority, Seq, Timestamp } from './common.js';
import { Contact } from './contact.js';
import { Agent } from './agent.js';
import { Conversation, ConversationStatus } from './conversation.js';
import { Message } from './message.js';
import { PublicSite } from './site.js';

/** A long-lived credential the widget keeps after the visitor's first interaction. */
export const VisitorResume = z.object({
  contactId: Id,
  secret: z.string().min(16).max(128),
});
export type VisitorResume = z.infer<typeof VisitorResume>;

/**
 * Who the visitor is on the embedding site, as that site's backend knows them (Intercom's and
 * Crisp's "identity verification"). The profile fields fill in the visitor's contact.
 *
 * `identifierHash` is the lowercase hex HMAC-SHA256 of `userId` keyed with the site's identity
 * secret, computed by the site's backend (never in the browser, which must not see the secret):
 * `createHmac('sha256', identitySecret).update(userId).digest('hex')`. What the server does with
 * it depends on the site's `identityVerification`:
 *
 * - `off`: the hash is ignored. The profile fields are stored on the visitor's own contact as
 *   unverified data; `userId` is not stored and never signs the visitor in to another contact.
 * - `optional`: a correct hash signs the visitor in to the site's contact with that `userId` as
 *   `externalId` (created if new, shared by every device). Without a hash it behaves like `off`;
 *   a wrong one is refused with `401 unauthorized`.
 * - `enforce`: an identity without a correct hash is refused with `401 unauthorized`. Anonymous
 *   sessions (no `identity`) are still allowed, so a site can chat with visitors before they log
 *   in (or show them a login prompt); resuming a stored credential needs no hash either.
 *
 * Unverified profile data only ever changes an anonymous contact: a contact signed in by a
 * verified identity changes only through another verified identity.
 */
export const VisitorIdentity = z.strictObject({
  /** The visitor's id in the site's own user database. */
  userId: z.string().min(1).max(255),
  name: z.string().max(255).optional(),
  email: z.email().max(320).optional(),
  phone: z.string().max(32).optional(),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  /** Merged into the contact's attributes: a key given here replaces the stored value. */
  attributes: Attributes.optional(),
  identifierHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters (HMAC-SHA256 of userId)')
    .optional(),
});
export type VisitorIdentity = z.infer<typeof VisitorIdentity>;

/** `POST /v1/visitor/sessions` */
export const VisitorSessionRequest = z.strictObject({
  siteKey: z.string().min(8).max(64),
  /**
   * Present to continue as a known visitor (after a reload); absent for a new one. Refused with
   * `401` when it no longer works, except next to a verified `identity`, which decides the
   * contact by itself: a stale credential is then ignored and a new one issued.
   */
  resume: VisitorResume.optional(),
  /**
   * The logged-in user of the embedding site (see `VisitorIdentity`). With a verified identity the
   * session belongs to the contact with that `externalId`, whichever device asks: an anonymous
   * visitor who logs in continues as that contact (their own, now identified, contact when the
   * user is new), and the returned `resume` credential may differ from the one sent, since
   * signing in on a new device replaces the contact's credential.
   */
  identity: VisitorIdentity.optional(),
});
export type VisitorSessionRequest = z.infer<typeof VisitorSessionRequest>;

export const VisitorSession = z.object({
  /** Short-lived bearer token scoped to one contact; send it in the socket `auth` payload. */
  token: z.string(),
  expiresAt: Timestamp,
  site: PublicSite,
  contact: Contact,
  resume: VisitorResume,
});
export interface VisitorSession extends z.infer<typeof VisitorSession> {}

/** `POST /v1/agent/sessions` */
export const AgentLoginRequest = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(256),
});
export type AgentLoginRequest = z.infer<typeof AgentLoginRequest>;

export const AgentSession = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  agent: Agent,
});
export interface AgentSession extends z.infer<typeof AgentSession> {}

/**
 * `GET /v1/conversations` query string. Every filter narrows the list; `view` is a console tab
 * (see `inView`). Newest activity first, cursor-paginated.
 */
export const ConversationListQuery = z
  .strictObject({
    view: z.enum(CONVERSATION_VIEWS).optional(),
    status: ConversationStatus.optional(),
    channel: Channel.optional(),
    priority: Priority.optional(),
    queueId: Id.optional(),
    /** The agent who has it. */
    assigneeId: Id.optional(),
    /** Created at or after this instant. */
    createdFrom: Timestamp.optional(),
    /** Created before this instant. */
    createdTo: Timestamp.optional(),
    /** Carries this tag (compared normalised, see `normalizeTag`). Agents only. */
    tag: z.string().trim().min(1).max(60).optional(),
    /** Has this label applied. Agents only. */
    labelId: Id.optional(),
    /**
     * Text search: the contact's name, email or phone, any message's text (notes included), or a
     * conversation id (exact). Case-insensitive.
     */
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => !q.createdFrom || !q.createdTo || q.createdFrom < q.createdTo, {
    message: 'createdFrom must be before createdTo',
    path: ['createdTo'],
  });
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const ConversationPage = z.object({
  items: z.array(Conversation),
  nextCursor: z.string().nullable(),
});
export interface ConversationPage extends z.infer<typeof ConversationPage> {}

/** `GET /v1/contacts/:id/conversations` query string: the contact's conversations, most recently updated first. */
export const ContactConversationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type ContactConversationsQuery = z.infer<typeof ContactConversationsQuery>;

/**
 * `GET /v1/conversations/:id/messages` query string. `afterSeq` reads forward (gap fill after a
 * reconnect); `beforeSeq` reads backward (scrolling up); neither gives the latest page.
 */
export const MessageHistoryQuery = z
  .strictObject({
    afterSeq: z.coerce.number().pipe(Seq).optional(),
    beforeSeq: z.coerce.number().pipe(Seq).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.afterSeq === undefined || q.beforeSeq === undefined, {
    message: 'afterSeq and beforeSeq cannot be combined',
  });
export type MessageHistoryQuery = z.infer<typeof MessageHistoryQuery>;

/** Messages in ascending `seq` order. */
export const MessagePage = z.object({
  items: z.array(Message),
  /** More messages exist in the direction that was read. */
  hasMore: z.boolean(),
});
export interface MessagePage extends z.infer<typeof MessagePage> {}
