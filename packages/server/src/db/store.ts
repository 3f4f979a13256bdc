// The storage contract services program against. SQLite implements it today; Postgres will
// implement the same interface (and run the same contract tests) for multi-instance setups.
import type { ChannelStore } from './channel-store.js';
import type {
  Agent,
  AttachmentKind,
  Attributes,
  BotConfig,
  Card,
  ContactPreChat,
  Handoff,
  MessageForm,
  NoAgentSettings,
  PreChatSettings,
  QuickReply,
  AgentRole,
  AuthorKind,
  BusinessHours,
  CannedResponse,
  Channel,
  Contact,
  Conversation,
  ConversationFilterFields,
  ConversationStatus,
  IdentityVerification,
  Label,
  Mention,
  Message,
  MessageKind,
  Priority,
  Queue,
  QueueStrategy,
  ResolveReason,
  Site,
  TimelineEvent,
  TimelineEventType,
  AgentPresence,
  AgentStatus,
} from '@switchboard/protocol';

export type {
  ChannelAccountRecord,
  ChannelStore,
  InboxItem,
  OutboxItem,
  OutboxOutcome,
} from './channel-store.js';

export interface SiteRecord extends Site {
  identitySecret: string;
  allowedOrigins: string[];
  businessHours: BusinessHours | null;
  bot: BotConfig | null;
  botTokenHash: string | null;
  signingSecret: string;
  noAgent: NoAgentSettings | null;
  preChat: PreChatSettings | null;
}

export interface ContactRecord extends Contact {
  resumeSecretHash: string | null;
}

/** Contact fields a visitor's identity, a bot or a form may fill in; `attributes` are merged. */
export interface ContactProfile {
  name?: string;
  email?: string;
  phone?: string;
  avatarUrl?: string;
  attributes?: Attributes;
}

/** A verified identity signing a visitor in; see `Store['contacts']['identify']`. */
export interface IdentifyContact {
  siteId: string;
  externalId: string;
  profile: ContactProfile;
  /** The credential to set, unless the contact ends up being `current`. */
  resumeSecretHash: string;
  /** The contact whose resume credential the visitor proved they hold, if any. */
  current: string | null;
}

/**
 * A pre-chat form submission, written in one transaction (see `Store['preChat']`): the contact
 * takes `profile` and `record`; with `start`, the contact's open web conversation (created with
 * `status` and `queueId` when there is none) takes the first message and a timeline event.
 */
export interface PreChatWrite {
  contactId: string;
  siteId: string;
  profile: ContactProfile;
  record: ContactPreChat;
  start: {
    status: ConversationStatus;
    queueId: string | null;
    clientMessageId: string;
    text: string;
    /** The timeline event's data: what the visitor answered. */
    event: Record<string, string | number | boolean | null>;
  } | null;
}

export interface PreChatWritten {
  contact: ContactRecord;
  conversation: Conversation | null;
  message: Message | null;
  /** The conversation was created by this submission. */
  created: boolean;
  /** The first message was already stored (a retry): nothing was written. */
  duplicate: boolean;
}

export interface AgentRecord extends Agent {
  passwordHash: string;
  lastAssignedAt: number | null;
}

export interface QueueRecord extends Queue {
  isDefault: boolean;
  /** Round robin's cursor. */
  lastAgentId: string | null;
}

/** A queued conversation as routing needs it. */
export interface WaitingConversation {
  conversationId: string;
  priority: Priority;
  queuedAt: number;
  requiredSkills: string[];
}

/** What a lifecycle transition may change. */
export interface ConversationChanges {
  status?: ConversationStatus;
  assigneeId?: string | null;
  queueId?: string | null;
  priority?: Priority;
  queuedAt?: number | null;
  assignedAt?: number | null;
  resolvedAt?: number | null;
  resolveReason?: ResolveReason | null;
  requiredSkills?: string[];
  handoff?: Handoff | null;
  /** The visitor's rating; `ratedAt` in epoch milliseconds. */
  csat?: { score: number; comment: string | null; ratedAt: number } | null;
}

export interface TransitionRequest {
  conversationId: string;
  /** Preconditions checked under the write lock; a mismatch writes nothing. */
  expect: {
    statuses?: readonly ConversationStatus[];
    /** `null` means "nobody owns it". */
    assigneeId?: string | null;
    /** `false`: only if the conversation has no rating (CSAT) yet. */
    rated?: false;
  };
  set: ConversationChanges;
  /** When set, the change also requires this agent to be under capacity (and stamps their lastAssignedAt). */
  assignTo?: string;
  /** An assignment: a pending handoff on the row is marked accepted in the same transaction. */
  acceptHandoff?: boolean;
  event: {
    type: TimelineEventType;
    actorKind: AuthorKind;
    actorId: string | null;
    data?: Record<string, string | number | boolean | null>;
  };
}

export type TransitionResult =
  | { ok: true; conversation: Conversation; previous: Conversation }
  | { ok: false; reason: 'not_found' | 'precondition' | 'capacity'; current: Conversation | null };

export interface NewSite {
  name: string;
  siteKey: string;
  identitySecret: string;
  identityVerification: IdentityVerification;
  allowedOrigins: string[];
}

export interface NewAgent {
  email: string;
  name: string;
  role: AgentRole;
  capacity: number;
  skills?: string[];
  passwordHash: string;
  avatarUrl?: string | null;
}

/** An uploaded file as the server keeps it. */
export interface AttachmentRecord {
  id: string;
  uploaderKind: 'visitor' | 'agent';
  uploaderId: string;
  /** A visitor's site; null for an agent's upload. */
  siteId: string | null;
  /** The message that carries it; null while pending. */
  messageId: string | null;
  conversationId: string | null;
  name: string;
  contentType: string;
  kind: AttachmentKind;
  size: number;
  width: number | null;
  height: number | null;
  /** The capability in the download URL. */
  key: string;
  createdAt: number;
}

export type NewAttachment = Omit<AttachmentRecord, 'messageId' | 'conversationId' | 'createdAt'>;

export interface NewMessage {
  conversationId: string;
  clientMessageId: string;
  authorKind: AuthorKind;
  authorId: string | null;
  kind: MessageKind;
  text: string;
  quickReplies?: QuickReply[];
  form?: MessageForm | null;
  cards?: Card[];
  /**
   * Pending uploads to link to the message, in this order, in its transaction. Each must have been
   * uploaded by the message's author (`uploaderKind`/`uploaderId` equal to `authorKind`/`authorId`)
   * and, for visitors, on the conversation's site: anything else is `not_found`, one that another
   * message already carries is `conflict`, and then nothing is written.
   */
  attachmentIds?: readonly string[];
  /**
   * Checked under the write lock: a bot is muted the moment a human owns the conversation, so
   * its reply must not slip in between the check and the insert. Throws `bot_muted` for bots.
   */
  requireStatus?: readonly ConversationStatus[];
  /** Agents a note mentions (ids), other than its author: stored in the note's transaction. */
  mentions?: readonly string[];
  /** An inbound channel message's provider id (see `messages.external_id`). */
  externalId?: string;
  /** What the channel adapter needs to send it beyond the message (a WhatsApp template). */
  channelExtra?: Record<string, unknown>;
}

/** Tags and labels an agent adds to or removes from a conversation, in one transaction. */
export interface AnnotateRequest {
  conversationId: string;
  /** Normalised tags. */
  tags?: { add?: readonly string[]; remove?: readonly string[] };
  /** Label ids; one to add must be a label of the conversation's site (else `not_found`). */
  labels?: { add?: readonly string[]; remove?: readonly string[] };
  actor: { kind: AuthorKind; id: string | null };
}

export interface AnnotateResult {
  conversation: Conversation;
  /** False when there was nothing to do (nothing written, no timeline event). */
  changed: boolean;
}

/** An agent's edit of a contact: `null` clears a field; an attribute set to `null` is removed. */
export interface ContactEdit {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  attributes?: Record<string, string | number | boolean | null>;
}

export interface ContactEditResult {
  contact: ContactRecord;
  /** What changed, e.g. `['email', 'attributes.plan']`; empty when the edit changed nothing. */
  changed: string[];
  /** The conversations whose timeline recorded the edit. */
  conversationIds: string[];
}

export interface MentionFilter {
  unread: boolean;
  limit: number;
  cursor?: string;
}

export interface AppendResult {
  message: Message;
  conversation: Conversation;
  /** The mentions the insert wrote (empty for a duplicate, and for most messages). */
  mentions: Mention[];
  /** The clientMessageId was already stored: `message` is the original, nothing was written. */
  duplicate: boolean;
}

export interface ConversationFilter extends ConversationFilterFields {
  contactId?: string;
  /** Whose `mine` view it is. */
  agentId?: string;
  /** Text search over the contact, the messages and the id (see `ConversationListQuery.q`). */
  q?: string;
  /** Whether `q` searches internal notes too: for agents, never for visitors. */
  searchNotes?: boolean;
  limit: number;
  cursor?: string;
}

export interface HistoryFilter {
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
  /** Agents see internal notes; visitors never do. */
  includeNotes: boolean;
}

/** A canned response as the service hands it to the store: validated and trimmed. */
export interface NewCannedResponse {
  siteId: string;
  shortcut: string;
  title: string;
  body: string;
  category: string | null;
}

export interface CannedResponseFilter {
  siteId?: string;
  /** Matched against `cannedSearchText` (case and accents ignored); blank or absent: no search. */
  q?: string;
  /** Exact. */
  category?: string;
}

export interface Store {
  sites: {
    create(site: NewSite): Promise<SiteRecord>;
    byId(id: string): Promise<SiteRecord | null>;
    byKey(siteKey: string): Promise<SiteRecord | null>;
    list(): Promise<SiteRecord[]>;
    setBusinessHours(id: string, hours: BusinessHours | null): Promise<SiteRecord | null>;
    update(
      id: string,
      changes: {
        bot?: BotConfig | null;
        botTokenHash?: string | null;
        noAgent?: NoAgentSettings | null;
        preChat?: PreChatSettings | null;
        identityVerification?: IdentityVerification;
      },
    ): Promise<SiteRecord | null>;
    count(): Promise<number>;
  };
  contacts: {
    create(contact: {
      siteId: string;
      resumeSecretHash: string;
      profile?: ContactProfile;
    }): Promise<ContactRecord>;
    byId(id: string): Promise<ContactRecord | null>;
    /** The site's contact with this (verified) external id; the oldest, should there be several. */
    byExternalId(siteId: string, externalId: string): Promise<ContactRecord | null>;
    /** Sets the fields given and merges `attributes` into the existing ones. */
    update(id: string, changes: ContactProfile): Promise<ContactRecord | null>;
    /**
     * Signs a verified identity in, in one transaction: the site's contact with `externalId` — or,
     * when there is none, the `current` contact if it is still anonymous (it takes the external id),
     * or else a new contact — takes the profile, and `resumeSecretHash` unless it is `current`
     * (whose credential the visitor already holds). `secretReplaced` says which happened.
     */
    identify(input: IdentifyContact): Promise<{ contact: ContactRecord; secretReplaced: boolean }>;
    /**
     * An agent's edit, in one transaction: the fields change, and a `contact_updated` event goes
     * into the timeline of each of the contact's open conversations (or, with none open, of its
     * latest). Throws `invalid_payload` (writing nothing) when more than `maxAttributes` would
     * remain. Null for a missing contact.
     */
    edit(
      contactId: string,
      changes: ContactEdit,
      options: { actorId: string; maxAttributes: number },
    ): Promise<ContactEditResult | null>;
  };
  labels: {
    /** A site's labels (every site's without `siteId`): the defaults in order, then custom ones by age. */
    list(siteId?: string): Promise<Label[]>;
    byId(id: string): Promise<Label | null>;
    /** Throws `conflict` when the site has a label of that name (ignoring case); `not_found` for no site. */
    create(label: { siteId: string; name: string; color: string; createdBy: string }): Promise<Label>;
    /** Null for a missing label; `conflict` for a name taken by another of the site's labels. */
    update(id: string, changes: { name?: string; color?: string }): Promise<Label | null>;
  };
  mentions: {
    /** The agent's mentions, newest first, with the note's text. */
    list(agentId: string, filter: MentionFilter): Promise<{ items: Mention[]; nextCursor: string | null }>;
    /** Marks the agent's unread mentions (these ids, or all in a conversation) read; the ids it marked. */
    markRead(
      agentId: string,
      target: { mentionIds: readonly string[] } | { conversationId: string },
      at: number,
    ): Promise<string[]>;
  };
  preChat: {
    /**
     * Stores a pre-chat submission all at once or not at all (DESIGN.md: never a half-written
     * row). A retry (the first message's clientMessageId is already in the open conversation)
     * writes nothing and returns what was stored; the id used by another author is `conflict`.
     */
    submit(write: PreChatWrite): Promise<PreChatWritten>;
  };
  agents: {
    create(agent: NewAgent): Promise<AgentRecord>;
    byId(id: string): Promise<AgentRecord | null>;
    byEmail(email: string): Promise<AgentRecord | null>;
    update(
      id: string,
      changes: {
        status?: AgentStatus;
        capacity?: number;
        skills?: string[];
        name?: string;
        avatarUrl?: string | null;
      },
    ): Promise<AgentRecord | null>;
    /** Agents with their current load (conversations they own that are active or pending). */
    presence(ids?: readonly string[]): Promise<(AgentPresence & { lastAssignedAt: number | null })[]>;
  };
  queues: {
    create(queue: {
      siteId: string;
      name: string;
      strategy: QueueStrategy;
      isDefault: boolean;
    }): Promise<QueueRecord>;
    byId(id: string): Promise<QueueRecord | null>;
    defaultForSite(siteId: string): Promise<QueueRecord | null>;
    list(): Promise<QueueRecord[]>;
    addMember(queueId: string, agentId: string): Promise<void>;
    update(id: string, changes: { name?: string; strategy?: QueueStrategy }): Promise<QueueRecord | null>;
    /** Replaces the member list in one transaction. */
    setMembers(queueId: string, agentIds: readonly string[]): Promise<void>;
    /** The queues an agent takes conversations from. */
    ofAgent(agentId: string): Promise<string[]>;
    setCursor(queueId: string, lastAgentId: string): Promise<void>;
    /** Queued, unowned conversations in the queue. */
    waiting(queueId: string): Promise<WaitingConversation[]>;
    /** Seconds between queuedAt and assignedAt of the queue's most recent assignments. */
    recentWaits(queueId: string, limit: number): Promise<number[]>;
  };
  timeline: {
    list(conversationId: string): Promise<TimelineEvent[]>;
    /** An event that is not a status change (those are written by `transition`). */
    record(conversationId: string, event: TransitionRequest['event']): Promise<void>;
  };
  timers: {
    /** Sets (or moves) the one timer of this kind for the subject. */
    arm(kind: string, subjectId: string, dueAt: number): Promise<void>;
    cancel(kind: string, subjectId: string): Promise<void>;
    /** Claims up to `limit` due timers: each is returned to exactly one caller, ever. */
    claimDue(now: number, limit: number): Promise<{ kind: string; subjectId: string; dueAt: number }[]>;
  };
  conversations: {
    byId(id: string): Promise<Conversation | null>;
    /** The contact's open conversation on the channel, created (with `status`) if there is none. */
    openOrCreate(input: {
      siteId: string;
      contactId: string;
      channel: Channel;
      status: ConversationStatus;
      queueId: string | null;
      /** A bridged channel's provider account, which replies leave through. */
      channelAccountId?: string | null;
      /** Email: the thread's subject. */
      subject?: string | null;
      /** `false` always creates one (a new email thread). @default true */
      reuseOpen?: boolean;
    }): Promise<{ conversation: Conversation; created: boolean }>;
    /**
     * Applies a lifecycle change atomically: checks `expect` (and capacity) under the write lock,
     * updates the row and appends the timeline event in one transaction. A rating belongs to one
     * resolution: any change that leaves `resolved` clears `csat` (the timeline keeps it).
     */
    transition(request: TransitionRequest): Promise<TransitionResult>;
    /** The bot adapter's memory for the conversation (null when none). */
    botState(id: string): Promise<unknown>;
    setBotState(id: string, state: unknown): Promise<void>;
    /**
     * Raises the reader's read mark to `seq`, clamped to `lastSeq`; a mark never goes down. The
     * same side's delivery mark rises with it (reading implies receiving). `advanced` is false
     * when the read mark was already there; null for a missing conversation.
     */
    markRead(
      id: string,
      reader: 'visitor' | 'agent',
      seq: number,
    ): Promise<{ conversation: Conversation; advanced: boolean } | null>;
    /**
     * Raises the recipient side's delivery mark to `seq`, clamped to `lastSeq`; a mark never goes
     * down. `advanced` is false when it was already there; null for a missing conversation.
     */
    markDelivered(
      id: string,
      recipient: 'visitor' | 'agent',
      seq: number,
    ): Promise<{ conversation: Conversation; advanced: boolean } | null>;
    /**
     * Adds and removes tags and labels at once: checks the labels and the limits
     * (`MAX_TAGS`, `MAX_LABELS`: `conflict`) under the write lock, then updates the row and
     * records one timeline event per change, or writes nothing. Null for a missing conversation.
     */
    annotate(request: AnnotateRequest): Promise<AnnotateResult | null>;
    /** Most recently updated first. */
    list(filter: ConversationFilter): Promise<{ items: Conversation[]; nextCursor: string | null }>;
  };
  attachments: {
    create(attachment: NewAttachment): Promise<AttachmentRecord>;
    byId(id: string): Promise<AttachmentRecord | null>;
    /** Deletes the row unless a message carries it; resolves whether it did. */
    deletePending(id: string): Promise<boolean>;
  };
  canned: {
    /** The matching responses, best match first (see `searchCannedResponses`), then by shortcut. */
    list(filter: CannedResponseFilter): Promise<CannedResponse[]>;
    byId(id: string): Promise<CannedResponse | null>;
    /**
     * Inserts the response. A shortcut the site already has, in any case, throws AppError
     * `conflict` and writes nothing.
     */
    create(response: NewCannedResponse): Promise<CannedResponse>;
    /** Changes the fields given (and `updatedAt`); null when there is no such response. `conflict` as for create. */
    update(id: string, changes: Partial<Omit<NewCannedResponse, 'siteId'>>): Promise<CannedResponse | null>;
    /** Deletes the response and returns it as it was; null when there was none. */
    delete(id: string): Promise<CannedResponse | null>;
  };
  channels: ChannelStore;
  messages: {
    /**
     * Inserts idempotently and assigns the next `seq`, in one transaction (DESIGN.md delivery
     * guarantee 2). Throws AppError `conflict` if the clientMessageId belongs to another author.
     */
    append(message: NewMessage): Promise<AppendResult>;
    /** Ascending by seq. With neither bound, the latest page. */
    history(conversationId: string, filter: HistoryFilter): Promise<{ items: Message[]; hasMore: boolean }>;
  };
  close(): Promise<void>;
}
