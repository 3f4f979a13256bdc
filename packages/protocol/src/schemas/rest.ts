import { z } from 'zod';
import { Id, Seq, Timestamp } from './common.js';
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

/** `POST /v1/visitor/sessions` */
export const VisitorSessionRequest = z.strictObject({
  siteKey: z.string().min(8).max(64),
  /** Present to continue as a known visitor (after a reload); absent for a new one. */
  resume: VisitorResume.optional(),
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
export type VisitorSession = z.infer<typeof VisitorSession>;

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
export type AgentSession = z.infer<typeof AgentSession>;

/** `GET /v1/conversations` query string. */
export const ConversationListQuery = z.strictObject({
  status: ConversationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const ConversationPage = z.object({
  items: z.array(Conversation),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

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
export type MessagePage = z.infer<typeof MessagePage>;
