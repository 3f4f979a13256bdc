// The SQLite schema. Timestamps are integer milliseconds; JSON columns are text.
// Rows never leave db/: mappers.ts turns them into protocol types.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  AgentRole,
  AgentStatus,
  AuthorKind,
  Channel,
  ConversationStatus,
  IdentityVerification,
  MessageKind,
  Priority,
} from '@switchboard/protocol';

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  siteKey: text('site_key').notNull().unique(),
  /** HMAC key for visitor identity verification; never sent to clients. */
  identitySecret: text('identity_secret').notNull(),
  identityVerification: text('identity_verification').$type<IdentityVerification>().notNull(),
  /** JSON array of exact origins; empty means any origin (development only). */
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: integer('created_at').notNull(),
});

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    externalId: text('external_id'),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    avatarUrl: text('avatar_url'),
    attributes: text('attributes', { mode: 'json' })
      .$type<Record<string, string | number | boolean | null>>()
      .notNull(),
    /** SHA-256 of the visitor's resume secret; the secret itself lives only in their browser. */
    resumeSecretHash: text('resume_secret_hash'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('contacts_site_idx').on(t.siteId)],
);

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<AgentRole>().notNull(),
  status: text('status').$type<AgentStatus>().notNull(),
  capacity: integer('capacity').notNull(),
  avatarUrl: text('avatar_url'),
  passwordHash: text('password_hash').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: text('channel').$type<Channel>().notNull(),
    status: text('status').$type<ConversationStatus>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    queueId: text('queue_id'),
    assigneeId: text('assignee_id').references(() => agents.id),
    /** Highest seq handed out; bumped in the same transaction as each message insert. */
    lastSeq: integer('last_seq').notNull().default(0),
    lastMessageAt: integer('last_message_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('conversations_contact_idx').on(t.contactId, t.status),
    index('conversations_updated_idx').on(t.updatedAt, t.id),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    clientMessageId: text('client_message_id').notNull(),
    seq: integer('seq').notNull(),
    authorKind: text('author_kind').$type<AuthorKind>().notNull(),
    authorId: text('author_id'),
    kind: text('kind').$type<MessageKind>().notNull(),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // The idempotency key of DESIGN.md's delivery guarantee 2.
    uniqueIndex('messages_client_id_uq').on(t.conversationId, t.clientMessageId),
    uniqueIndex('messages_seq_uq').on(t.conversationId, t.seq),
  ],
);

export type SiteRow = typeof sites.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type AgentRow = typeof agents.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
