// The agent client's public shapes: its options, state, events and methods (`createAgentClient`).
import type {
  Agent,
  AgentPresence,
  AgentServerToClientEvents,
  AgentSession,
  AgentStatus,
  AgentTypingEvent,
  CannedChangedEvent,
  CannedResponse,
  CannedResponseListQuery,
  CannedSearchFilter,
  Card,
  Contact,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  CreateCannedResponseRequest,
  DeliveryReceipt,
  Label,
  Mention,
  MentionsRead,
  Message,
  Priority,
  Queue,
  ReadReceipt,
  ResolveReason,
  TimelineEvent,
  TransferPayload,
  UpdateCannedResponseRequest,
  UpdateProfileRequest,
  UploadLimits,
} from '@switchboard/protocol';
import type { ChannelControls } from './agent-channels.js';
import type { CollaborationControls } from './collaboration-types.js';
import type { ContactContextControls } from './context-types.js';
import type { SwitchboardError } from '../errors.js';
import type {
  ConnectionState,
  PendingMessage,
  AttachmentControls,
  BaseClientOptions,
  ReadableStore,
  Emitter,
  PendingMessageControls,
} from '../types.js';

export type AgentAuth = { token: string } | { email: string; password: string };

export interface AgentClientOptions extends BaseClientOptions {
  /**
   * Credentials to log in with (`POST /v1/agent/sessions`; used again whenever the token
   * expires), or a token obtained elsewhere, e.g. kept from `onSession` (it cannot be renewed;
   * `state.agent` is filled from `GET /v1/agent/me`). Required.
   */
  auth: AgentAuth;
  /**
   * Called with the session of every successful login from credentials: the first one and each
   * automatic one after the token expired. Keep `session.token` to connect again later with
   * `auth: { token }` without asking for the password. Not called for a token given in `auth`.
   * @default undefined
   */
  onSession?: (session: AgentSession) => void;
}

export interface AgentState {
  connection: ConnectionState;
  /** Who is signed in, from the login or (for a token given in `auth`) `GET /v1/agent/me`; `null` until known. */
  agent: Agent | null;
  /** Known conversations by id. */
  conversations: Readonly<Record<string, Conversation>>;
  /** Conversation ids, most recent activity first. */
  conversationOrder: readonly string[];
  /** Loaded messages per conversation, ascending by `seq`, each exactly once. */
  messages: Readonly<Record<string, readonly Message[]>>;
  pending: readonly PendingMessage[];
  error: SwitchboardError | null;
  /** Every queue by id, loaded on connect and re-sync; `waiting` follows `queue:updated` live. */
  queues: Readonly<Record<string, Queue>>;
  /**
   * Every agent with their status and load, by id, loaded on connect and re-sync and kept live
   * from `agent:status_changed`. Loads are re-read shortly after assignments change them.
   */
  agents: Readonly<Record<string, AgentPresence>>;
  /**
   * Conversations whose visitor is typing right now (present only while `true`). Cleared when they
   * stop, when their message arrives, or after `TYPING_TIMEOUT_MS` without a refresh.
   */
  visitorTyping: Readonly<Record<string, true>>;
  /** The highest `seq` the visitor has read, per conversation (from snapshots and live receipts). */
  visitorReadSeq: Readonly<Record<string, number>>;
  /**
   * The highest `seq` that reached the visitor's widget, per conversation (from snapshots and live
   * receipts); never below `visitorReadSeq`. With it, "Sent" → "Delivered" → "Read".
   */
  visitorDeliveredSeq: Readonly<Record<string, number>>;
  /**
   * Canned responses by id, of every site: filled by `canned.list()` and kept live from
   * `canned:changed` (and read again after a reconnect once `cannedLoaded`). Empty until listed.
   */
  canned: Readonly<Record<string, CannedResponse>>;
  /** Whether `canned` holds every response: a `canned.list()` without a filter has answered. */
  cannedLoaded: boolean;
  /**
   * Every site's labels by id (the defaults and custom ones; see `listLabels`), loaded on connect
   * and re-sync and kept live from `label:created` and `label:updated`.
   */
  labels: Readonly<Record<string, Label>>;
  /**
   * Your own `@mentions` in colleagues' notes, newest first: the latest 50 loaded on connect and
   * re-sync, more with `listMentions`, live from `mention`.
   */
  mentions: readonly Mention[];
  /** How many of `mentions` are unread. */
  unreadMentions: number;
  /**
   * Contacts this client has read or edited (`contact()`, `getContact()`, `updateContact()`), by
   * id, kept live from `contact:updated`.
   */
  contacts: Readonly<Record<string, Contact>>;
}

/** The server's payload of one agent-namespace event, e.g. `ServerEventOf<'queue:updated'>`. */
type ServerEventOf<Name extends keyof AgentServerToClientEvents> = Parameters<
  AgentServerToClientEvents[Name]
>[0];

/** An agent took, or was given, a conversation (by accept, assign or routing). */
export type ConversationAssignedEvent = ServerEventOf<'conversation:assigned'>;
/** A conversation moved to another agent (`toAgentId`) or back to a queue (`toQueueId`). */
export type ConversationTransferredEvent = ServerEventOf<'conversation:transferred'>;
export type ConversationResolvedEvent = ServerEventOf<'conversation:resolved'>;
/** The visitor rated a resolved conversation (CSAT): `score` 1–5 and `comment` (null when none). */
export type ConversationRatedEvent = ServerEventOf<'conversation:rated'>;
/** How many conversations wait in a queue now. */
export type QueueUpdatedEvent = ServerEventOf<'queue:updated'>;
/** The bot, the visitor or an agent asked for a human: reason, summary and target are on `handoff`. */
export type HandoffRequestedEvent = ServerEventOf<'handoff:requested'>;
/** An agent took a handed-off conversation; the bot is muted. */
export type HandoffAcceptedEvent = ServerEventOf<'handoff:accepted'>;
/** An agent gave a conversation back to the bot. */
export type HandoffReturnedEvent = ServerEventOf<'handoff:returned'>;
/** The bot failed or stayed silent; the conversation went to the queue. `error` says why. */
export type HandoffTimedOutEvent = ServerEventOf<'handoff:timed_out'>;

/** Where `transfer` sends a conversation: an agent, or a queue to be routed again. */
export type TransferTarget = TransferPayload['to'];

export interface AgentClientEvents {
  'message:created': Message;
  /**
   * A channel message's `delivery` moved on (sent, delivered, read, or failed with the reason in
   * `delivery.error`); the store already holds the new version.
   */
  'message:updated': Message;
  'conversation:created': Conversation;
  'conversation:updated': Conversation;
  'conversation:assigned': ConversationAssignedEvent;
  'conversation:transferred': ConversationTransferredEvent;
  'conversation:resolved': ConversationResolvedEvent;
  'conversation:rated': ConversationRatedEvent;
  'queue:updated': QueueUpdatedEvent;
  'handoff:requested': HandoffRequestedEvent;
  'handoff:accepted': HandoffAcceptedEvent;
  'handoff:returned': HandoffReturnedEvent;
  'handoff:timed_out': HandoffTimedOutEvent;
  /** A bot, the offline form or an agent changed a contact's fields (`state.contacts` follows). */
  'contact:updated': Contact;
  /** A colleague mentioned you in an internal note (also in `state.mentions`). */
  mention: Mention;
  /** Mentions of yours were marked read, here or on another of your consoles. */
  'mentions:read': MentionsRead;
  /** An agent created a label, or renamed or recoloured one (`state.labels` follows). */
  'label:created': Label;
  'label:updated': Label;
  /** An agent's status, capacity or load changed (yours too: `state.agent` follows). */
  'agent:status_changed': AgentPresence;
  /** The visitor, or another agent, started or stopped typing (your own typing is not echoed). */
  typing: AgentTypingEvent;
  /**
   * The visitor's widget (`recipient: 'visitor'`, also in `state.visitorDeliveredSeq`) or the
   * agents' side (a console that has the conversation, or the bot) received a conversation up to `seq`.
   */
  'conversation:delivered': DeliveryReceipt;
  /** The visitor or an agent read a conversation up to `seq`. */
  'conversation:read': ReadReceipt;
  /**
   * Someone (you too) created, edited or deleted a canned response; `state.canned` already
   * follows when this is heard.
   */
  'canned:changed': CannedChangedEvent;
  'connection:changed': ConnectionState;
  error: SwitchboardError;
}

/**
 * Canned responses: replies agents reuse, per site. Bodies are templates; fill them in for a
 * conversation with `renderCanned`. Writes are REST requests: each resolves with the server's
 * answer (also applied to `state.canned`) or rejects with a `SwitchboardError`: `invalid_payload`
 * with `issues` (a shortcut that is not a slug, an unknown `{{variable}}`…), `conflict` for a
 * shortcut the site already has (in any case), `not_found` for an unknown site or response.
 * Like the store's, the methods need no `this`.
 */
export interface AgentCannedResponses {
  /**
   * Fetches responses (`GET /v1/canned-responses`) into `state.canned` and returns them, best
   * match first. Without `q` and `category` the answer is the whole list (of `siteId`, or of every
   * site, which sets `state.cannedLoaded`): responses it lacks are dropped from the state.
   */
  list(this: void, query?: CannedResponseListQuery): Promise<CannedResponse[]>;
  /**
   * Searches `state.canned` at once, without a request: shortcut, title and body, ignoring case
   * and accents, best match first (the server's `?q=` ranks the same). Call `list()` first.
   */
  search(this: void, query: string, filter?: CannedSearchFilter): CannedResponse[];
  create(this: void, response: CreateCannedResponseRequest): Promise<CannedResponse>;
  /** Changes any of shortcut, title, body and category (`null` removes it). */
  update(this: void, id: string, changes: UpdateCannedResponseRequest): Promise<CannedResponse>;
  /** Deletes a response; resolves too when it was already gone. */
  remove(this: void, id: string): Promise<void>;
}

export interface SendOptions {
  /** `note` is visible to agents only. @default 'text' */
  kind?: 'text' | 'note';
  /** Files uploaded with this client's `upload()`, sent in this order; the text may then be blank. @default [] */
  attachmentIds?: readonly string[];
  /**
   * Cards shown under the message (at most `MAX_CARDS`), as the widget shows a bot's: a product, an
   * article. The text may then be blank. Not in a note: that rejects with `invalid_payload`.
   * @default []
   */
  cards?: readonly Card[];
  /** Reuse an id to retry a send made elsewhere (a ULID). @default a freshly minted ULID */
  clientMessageId?: string;
}

export interface HistoryOptions {
  /** Read forwards: messages with a greater seq, oldest first. @default undefined */
  afterSeq?: number;
  /** Read backwards: the messages just before this seq. @default undefined (the latest page) */
  beforeSeq?: number;
  /** @default 50 */
  limit?: number;
}

/** What a live conversation list shows (`AgentClient.view`). */
export interface ConversationViewState {
  /** The conversations in the list, newest activity first. */
  items: readonly Conversation[];
  /** The server has older matches: `loadMore()` reads the next page. */
  hasMore: boolean;
  /** A page is being read. */
  loading: boolean;
  /** Why the last read failed; cleared by the next one. */
  error: SwitchboardError | null;
}

/**
 * A live list: a console tab, a filter or a search. The first page is read from the server, then
 * the list follows the client's state, so conversations enter, leave and move as events arrive.
 * A text search (`q`) keeps to the server's answers, re-read on reconnect or by `refresh()`.
 */
export interface ConversationListView extends ReadableStore<ConversationViewState> {
  readonly query: Partial<ConversationListQuery>;
  /** Settles when the first page has been read (rejects with its `SwitchboardError`). */
  ready(): Promise<void>;
  /** Reads the next page; does nothing when there is none or a read is under way. */
  loadMore(): Promise<void>;
  /** Reads the first page again, dropping what was loaded. */
  refresh(): Promise<void>;
  /** Stops following the state; the view's snapshot stays as it was. */
  close(): void;
}

/**
 * The agent side (`createAgentClient`): every conversation the agent may see, live, in a store;
 * typed events; and the actions of a console or a bot, each resolving with the server's answer
 * (already in the state) or rejecting with a `SwitchboardError`.
 */
export interface AgentClient
  extends
    ReadableStore<AgentState>,
    Emitter<AgentClientEvents>,
    PendingMessageControls,
    AttachmentControls,
    CollaborationControls,
    ChannelControls,
    ContactContextControls {
  /**
   * Logs in (when given credentials) or checks the token and learns whose it is, then opens the
   * socket and loads the conversation list. A refused token or login rejects with `unauthorized`.
   */
  connect(): Promise<void>;
  disconnect(): void;
  listConversations(query?: Partial<ConversationListQuery>): Promise<ConversationPage>;
  /**
   * A live list for a query: `{ view: 'mine' }`, `{ view: 'queued', priority: 'urgent' }`,
   * `{ q: 'ada@example.com' }`. Close it when the list is gone from the screen.
   */
  view(query?: Partial<ConversationListQuery>): ConversationListView;
  /** Fetches history into the store and returns the page's messages. */
  loadMessages(conversationId: string, options?: HistoryOptions): Promise<readonly Message[]>;
  sendMessage(conversationId: string, text: string, options?: SendOptions): Promise<Message>;

  // Lifecycle actions. Each is one socket request: it resolves with the server's answer (also
  // applied to the state) or rejects with a `SwitchboardError` carrying the protocol code, and
  // with `network` at once while not connected.

  /**
   * Takes a queued conversation for yourself — or one still with the bot, which is an intervention:
   * the bot is muted at once. Rejects with `already_assigned` when another agent was faster, and
   * `conflict` when you are at capacity or the conversation is no longer queued or with the bot.
   */
  accept(conversationId: string): Promise<Conversation>;
  /** Gives a queued conversation to `agentId`; `already_assigned` or `conflict` like `accept`. */
  assign(conversationId: string, agentId: string): Promise<Conversation>;
  /**
   * Hands a conversation to another agent, or back to a queue to be routed again. The `note` is
   * shown to the receiver (see `conversation:transferred`) and kept in the timeline.
   */
  transfer(conversationId: string, to: TransferTarget, note?: string): Promise<Conversation>;
  /** Ends a conversation with a reason and an optional note for the timeline. */
  resolve(conversationId: string, reason: ResolveReason, note?: string): Promise<Conversation>;
  /** Puts a resolved or abandoned conversation back into its queue. */
  reopen(conversationId: string): Promise<Conversation>;
  /** Changes an open conversation's priority; routing takes it into account at once. */
  setPriority(conversationId: string, priority: Priority): Promise<Conversation>;
  /**
   * Gives a conversation you (or anyone) own back to the site's bot, which answers the visitor's
   * next message. `conflict` when the site has no bot or nobody owns the conversation.
   */
  handBack(conversationId: string, note?: string): Promise<Conversation>;
  /** Sets your own status; `available` lets routing hand you conversations (`state.agent` follows). */
  setStatus(status: AgentStatus): Promise<AgentPresence>;
  /** Sets how many conversations you own at once (0–100); raising it may bring queued ones in. */
  setCapacity(capacity: number): Promise<AgentPresence>;
  /**
   * Changes the name and picture visitors see in the chat's header and over your messages
   * (`avatarUrl`: https or a path on the server; `null` removes it). `state.agent` follows.
   */
  updateProfile(profile: UpdateProfileRequest): Promise<AgentPresence>;

  /**
   * Tells the visitor you are typing in a conversation: `true` on every keystroke (throttled
   * here; it stops by itself after 3 s without one), `false` on send or blur.
   */
  setTyping(conversationId: string, typing: boolean): void;
  /**
   * Marks the conversation read up to its last message (a read receipt the visitor sees). Call it
   * while the conversation is on screen. Best effort and deduplicated.
   */
  markRead(conversationId: string): void;

  /** Fetches every queue (`GET /v1/queues`) into `state.queues` and returns them. */
  listQueues(): Promise<Queue[]>;
  /** Fetches every agent's status and load (`GET /v1/agents`) into `state.agents` and returns them. */
  listAgents(): Promise<AgentPresence[]>;
  /** Fetches a conversation's timeline, oldest first: who did what, when and why. Not kept in the state. */
  timeline(conversationId: string): Promise<TimelineEvent[]>;
  /**
   * The conversation's contact: name, email and the fields a bot, a form or an agent filled in
   * (also kept in `state.contacts`).
   */
  contact(conversationId: string): Promise<Contact>;
  /** What the server accepts as uploads (`GET /v1/uploads/limits`), fetched once and kept. */
  uploadLimits(): Promise<UploadLimits>;
  /** Canned responses: list, search, create, update and remove, live in `state.canned`. */
  readonly canned: AgentCannedResponses;
}
