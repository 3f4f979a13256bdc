// The SQLite schema. Timestamps are integer milliseconds; JSON columns are text.
// Rows never leave db/: mappers.ts turns them into protocol types.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  AgentRole,
  AttachmentKind,
  BotConfig,
  Card,
  ContactPreChat,
  Handoff,
  MessageForm,
  NoAgentSettings,
  PreChatSettings,
  QuickReply,
  AgentStatus,
  AuthorKind,
  BusinessHours,
  Channel,
  BridgedChannel,
  ConversationStatus,
  DefaultLabelKey,
  MessageDelivery,
  IdentityVerification,
  MessageKind,
  Priority,
  QueueStrategy,
  ResolveReason,
  TimelineEventType,
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
  /** Null: always open. */
  businessHours: text('business_hours', { mode: 'json' }).$type<BusinessHours>(),
  /** Null: no bot, conversations go straight to the queue. */
  bot: text('bot', { mode: 'json' }).$type<BotConfig>(),
  /** SHA-256 of the site's bot token (REST and SDK bots); the token is shown once. */
  botTokenHash: text('bot_token_hash'),
  /** HMAC key for signed webhooks (webhook bots, notifications). */
  signingSecret: text('signing_secret').notNull().default(''),
  /** Null: the defaults of NoAgentSettings. */
  noAgent: text('no_agent', { mode: 'json' }).$type<NoAgentSettings>(),
  /** Null: no pre-chat form. */
  preChat: text('pre_chat', { mode: 'json' }).$type<PreChatSettings>(),
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
    /** The visitor's latest pre-chat form: answers and consent as given (null: never sent). */
    preChat: text('pre_chat', { mode: 'json' }).$type<ContactPreChat>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('contacts_site_idx').on(t.siteId),
    // Verified visitors are found by the site's own user id.
    index('contacts_external_idx').on(t.siteId, t.externalId),
  ],
);

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<AgentRole>().notNull(),
  status: text('status').$type<AgentStatus>().notNull(),
  capacity: integer('capacity').notNull(),
  skills: text('skills', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** For least-busy tie-breaks: who has waited longest for work. */
  lastAssignedAt: integer('last_assigned_at'),
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
    requiredSkills: text('required_skills', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    queuedAt: integer('queued_at'),
    assignedAt: integer('assigned_at'),
    resolvedAt: integer('resolved_at'),
    resolveReason: text('resolve_reason').$type<ResolveReason>(),
    handoff: text('handoff', { mode: 'json' }).$type<Handoff>(),
    /** CSAT: the visitor's rating of the current resolution (all null until rated; cleared on reopen). */
    csatScore: integer('csat_score'),
    csatComment: text('csat_comment'),
    ratedAt: integer('rated_at'),
    /** The bot adapter's memory for this conversation (fallback count, fields being collected…). */
    botState: text('bot_state', { mode: 'json' }).$type<unknown>(),
    /** Highest seq handed out; bumped in the same transaction as each message insert. */
    lastSeq: integer('last_seq').notNull().default(0),
    /** Read receipts: the highest seq the visitor, and any agent, has seen (clamped to lastSeq). */
    visitorReadSeq: integer('visitor_read_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    /**
     * Delivery receipts: the highest seq the visitor's widget, and the agents' side (a console or
     * the bot), has received. Clamped to lastSeq, and never below the same side's read mark.
     */
    visitorDeliveredSeq: integer('visitor_delivered_seq').notNull().default(0),
    agentDeliveredSeq: integer('agent_delivered_seq').notNull().default(0),
    /** Agents' tags (normalised) and applied label ids, in the order added; never shown to visitors. */
    tags: text('tags', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    labelIds: text('label_ids', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    lastMessageAt: integer('last_message_at'),
    /** The provider account a channel conversation came in through (and replies leave by); null for the widget. */
    channelAccountId: text('channel_account_id'),
    /** Email: the thread's subject. */
    subject: text('subject'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('conversations_contact_idx').on(t.contactId, t.status),
    index('conversations_queue_idx').on(t.queueId, t.status),
    index('conversations_assignee_idx').on(t.assigneeId, t.status),
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
    quickReplies: text('quick_replies', { mode: 'json' })
      .$type<QuickReply[]>()
      .notNull()
      .default(sql`'[]'`),
    form: text('form', { mode: 'json' }).$type<MessageForm>(),
    cards: text('cards', { mode: 'json' })
      .$type<Card[]>()
      .notNull()
      .default(sql`'[]'`),
    /**
     * The attachments linked in the insert's transaction, copied from their rows (which never
     * change once linked), so that reading messages needs no join.
     */
    attachments: text('attachments', { mode: 'json' })
      .$type<StoredAttachment[]>()
      .notNull()
      .default(sql`'[]'`),
    /**
     * The provider's id for a channel message: a `wamid`, a Telegram message id, an email's
     * Message-Id. Status callbacks and email threading find messages by it.
     */
    externalId: text('external_id'),
    /** Channel messages we send: how the provider's delivery went. */
    delivery: text('delivery', { mode: 'json' }).$type<StoredDelivery>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // The idempotency key of DESIGN.md's delivery guarantee 2.
    uniqueIndex('messages_client_id_uq').on(t.conversationId, t.clientMessageId),
    uniqueIndex('messages_seq_uq').on(t.conversationId, t.seq),
    index('messages_external_idx').on(t.externalId),
  ],
);

/** `MessageDelivery` with epoch milliseconds. */
export type StoredDelivery = Omit<MessageDelivery, 'updatedAt'> & { updatedAt: number };

/** An attachment as a message row keeps it; `key` makes its download URL a capability. */
export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  kind: AttachmentKind;
  size: number;
  width: number | null;
  height: number | null;
  key: string;
}

/**
 * Uploaded files (the bytes live in the upload directory under the id). Pending until a message
 * of the uploader's links it (`message_id`); a pending one is deleted after a while.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    /** Who uploaded it: only they can send it, and only with a message of their own. */
    uploaderKind: text('uploader_kind').$type<'visitor' | 'agent'>().notNull(),
    uploaderId: text('uploader_id').notNull(),
    /** A visitor's site; null for agents, who may send to any site's conversations. */
    siteId: text('site_id').references(() => sites.id),
    messageId: text('message_id').references(() => messages.id),
    conversationId: text('conversation_id').references(() => conversations.id),
    name: text('name').notNull(),
    /** Decided from the bytes, never taken from the uploader. */
    contentType: text('content_type').notNull(),
    kind: text('kind').$type<AttachmentKind>().notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** Random, unguessable: the download URL's capability. */
    key: text('key').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);

/** A site's labels: the defaults (`key` set, inserted with the site) and the ones agents add. */
export const labels = sqliteTable(
  'labels',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    key: text('key').$type<DefaultLabelKey>(),
    name: text('name').notNull(),
    /** The name compared case-insensitively (NFKC, lowercase): unique per site. */
    nameKey: text('name_key').notNull(),
    color: text('color').notNull(),
    /** The agent who created it; null for the defaults. */
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('labels_site_name_uq').on(t.siteId, t.nameKey)],
);

/** Agents named in internal notes; written in the note's transaction. */
export const mentions = sqliteTable(
  'mentions',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id),
    authorId: text('author_id').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    uniqueIndex('mentions_message_agent_uq').on(t.messageId, t.agentId),
    index('mentions_agent_idx').on(t.agentId, t.createdAt),
  ],
);

export const queues = sqliteTable('queues', {
  id: text('id').primaryKey(),
  siteId: text('site_id')
    .notNull()
    .references(() => sites.id),
  name: text('name').notNull(),
  strategy: text('strategy').$type<QueueStrategy>().notNull(),
  /** New web conversations of the site wait here. */
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  /** Round robin's position: who got the last conversation. */
  lastAgentId: text('last_agent_id'),
  createdAt: integer('created_at').notNull(),
});

export const queueMembers = sqliteTable(
  'queue_members',
  {
    queueId: text('queue_id')
      .notNull()
      .references(() => queues.id),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId] }), index('queue_members_agent_idx').on(t.agentId)],
);

/** The customer journey: one row per lifecycle transition, written in the transition's transaction. */
export const conversationEvents = sqliteTable(
  'conversation_events',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    type: text('type').$type<TimelineEventType>().notNull(),
    actorKind: text('actor_kind').$type<AuthorKind>().notNull(),
    actorId: text('actor_id'),
    fromStatus: text('from_status').$type<ConversationStatus>(),
    toStatus: text('to_status').$type<ConversationStatus>(),
    data: text('data', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('conversation_events_conversation_idx').on(t.conversationId, t.createdAt)],
);

/**
 * Persisted timers (auto-resolve, abandonment, agent offline grace). One per (kind, subject):
 * re-arming moves the due time. A timer fires once: the firing instance claims it by setting
 * `fired_at` with a conditional update, so several instances never fire it twice.
 */
export const timers = sqliteTable(
  'timers',
  {
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    dueAt: integer('due_at').notNull(),
    firedAt: integer('fired_at'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId] }), index('timers_due_idx').on(t.firedAt, t.dueAt)],
);

/**
 * Canned responses, per site. `shortcut_key` (the shortcut in lower case) makes shortcuts unique
 * per site regardless of case with a plain unique index; `search_text` is `cannedSearchText` of the
 * row (accent- and case-folded in JS), so `?q=` is a LIKE that works the same on every database.
 */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    shortcut: text('shortcut').notNull(),
    shortcutKey: text('shortcut_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category'),
    searchText: text('search_text').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('canned_responses_shortcut_uq').on(t.siteId, t.shortcutKey),
    index('canned_responses_category_idx').on(t.siteId, t.category),
  ],
);

/**
 * Connected provider accounts: a WhatsApp number, a Telegram bot, a mailbox… `config` holds the
 * credentials and base URLs the channel's adapter validates; it never leaves the server.
 */
export const channelAccounts = sqliteTable('channel_accounts', {
  id: text('id').primaryKey(),
  siteId: text('site_id')
    .notNull()
    .references(() => sites.id),
  channel: text('channel').$type<BridgedChannel>().notNull(),
  name: text('name').notNull(),
  config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Who a provider address is: one contact per (account, address). `lastInboundAt` is when they
 * last wrote, which opens WhatsApp's 24-hour customer-service window.
 */
export const channelContacts = sqliteTable(
  'channel_contacts',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => channelAccounts.id),
    address: text('address').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    lastInboundAt: integer('last_inbound_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.address] }),
    index('channel_contacts_contact_idx').on(t.contactId),
  ],
);

/**
 * Inbound webhook events, stored before the provider is answered (DESIGN.md guarantee 5). The
 * unique (account, external id) drops the provider's redeliveries; `id` orders processing.
 */
export const channelInbox = sqliteTable(
  'channel_inbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id')
      .notNull()
      .references(() => channelAccounts.id),
    externalId: text('external_id').notNull(),
    /** The parsed `InboundEvent`. */
    event: text('event', { mode: 'json' }).$type<unknown>().notNull(),
    state: text('state').$type<'pending' | 'done' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('channel_inbox_external_uq').on(t.accountId, t.externalId),
    index('channel_inbox_pending_idx').on(t.state, t.nextAttemptAt),
  ],
);

/**
 * Messages to send through a provider, written in the message's own transaction so none is
 * lost (DESIGN.md guarantee 6). One per message; sent in order per conversation.
 */
export const channelOutbox = sqliteTable(
  'channel_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: text('message_id')
      .notNull()
      .unique()
      .references(() => messages.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    accountId: text('account_id')
      .notNull()
      .references(() => channelAccounts.id),
    /** What the message needs beyond its row, e.g. a WhatsApp template. */
    extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>(),
    state: text('state').$type<'pending' | 'sent' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('channel_outbox_pending_idx').on(t.state, t.nextAttemptAt),
    index('channel_outbox_conversation_idx').on(t.conversationId, t.state),
  ],
);

export type SiteRow = typeof sites.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type AgentRow = typeof agents.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type QueueRow = typeof queues.$inferSelect;
export type ConversationEventRow = typeof conversationEvents.$inferSelect;
export type CannedResponseRow = typeof cannedResponses.$inferSelect;
export type LabelRow = typeof labels.$inferSelect;
export type MentionRow = typeof mentions.$inferSelect;
