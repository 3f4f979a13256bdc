// The SDK's public shapes. The agent and visitor clients share the connection, outbox and store
// machinery; these types are what an app (or the widget) programs against.
import type {
  ActivityLine,
  Agent,
  AgentPresence,
  AgentServerToClientEvents,
  AgentSession,
  AgentStatus,
  CannedChangedEvent,
  CannedResponse,
  CannedResponseListQuery,
  CannedSearchFilter,
  Contact,
  CreateCannedResponseRequest,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  DeliveryReceipt,
  Label,
  Mention,
  MentionsRead,
  Message,
  PreChatResult,
  Priority,
  PublicAgentProfile,
  PublicSite,
  Queue,
  QueuePosition,
  ReadReceipt,
  ResolveReason,
  TimelineEvent,
  TransferPayload,
  UpdateCannedResponseRequest,
  UpdateProfileRequest,
  AgentTypingEvent,
  Attachment,
  UploadLimits,
  VisitorIdentity,
  VisitorTypingEvent,
} from '@switchboard/protocol';
import type { CollaborationControls } from './agent/collaboration-types.js';
import type { SwitchboardError } from './errors.js';
import type { SocketConnector } from './core/socket.js';

/** `idle` before connect(); `reconnecting` after a drop while retries are scheduled. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** A message written locally and not yet acknowledged by the server. */
export interface PendingMessage {
  clientMessageId: string;
  conversationId: string | null;
  text: string;
  kind: 'text' | 'note';
  /** Uploads sent with the message (from `upload()`), in order; empty for most. */
  attachments: readonly Attachment[];
  createdAt: string;
  attempts: number;
  /** Set when the last attempt failed for a reason retrying will not fix. */
  error: SwitchboardError | null;
}

/** How `upload()` sends a file. */
export interface UploadOptions {
  /** The file's name. @default the `File`'s name (required for a `Blob` or bytes) */
  name?: string;
  /**
   * What the file is, e.g. `image/png`; the server checks it against the bytes.
   * @default the `Blob`'s type, else `application/octet-stream` (the server decides from the bytes)
   */
  contentType?: string;
  /**
   * Called as the bytes go out. In browsers (XMLHttpRequest) it reports real progress; elsewhere it
   * is called once, when the upload is done. @default undefined
   */
  onProgress?: (progress: { loaded: number; total: number }) => void;
  /** Cancels the upload; it then rejects with `network`. @default undefined */
  signal?: AbortSignal;
}

/** Uploading and downloading files, on both clients; like the store's, the methods need no `this`. */
export interface AttachmentControls {
  /**
   * Uploads a file (a `File` from an input, a drop or a paste, any `Blob`, or bytes) and resolves
   * with its `Attachment`, to send with `sendMessage`'s `attachmentIds`. A file the server's
   * announced limits refuse (`file_too_large`, `unsupported_file_type`) is rejected before a byte
   * is sent; the server checks the bytes again and may still refuse it with those codes.
   */
  upload(this: void, file: Blob | Uint8Array, options?: UploadOptions): Promise<Attachment>;
  /** Downloads an attachment's bytes (its URL is its own credential). */
  download(this: void, attachment: Attachment): Promise<Blob>;
  /** An attachment's absolute URL, e.g. for an `<img>` or a link. */
  attachmentUrl(this: void, attachment: Attachment): string;
}

/** Minimal synchronous key-value storage; `window.localStorage` fits. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Jittered exponential backoff for reconnects and retries (socket.io's `randomizationFactor: 0.5`). */
export interface ReconnectionOptions {
  /** The first retry's delay; each further one doubles it. @default 500 */
  minDelayMs?: number;
  /** The longest delay between two attempts. @default 10000 */
  maxDelayMs?: number;
}

export interface BaseClientOptions {
  /** Where the Switchboard server listens, e.g. `https://chat.example.com`. Required. */
  serverUrl: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default { minDelayMs: 500, maxDelayMs: 10000 } */
  reconnection?: ReconnectionOptions;
  /** How long to wait for a socket acknowledgement before retrying. @default 8000 */
  ackTimeoutMs?: number;
  /** How long to wait for an HTTP response before failing with `timeout`. @default 15000 */
  requestTimeoutMs?: number;
  /**
   * Makes the client's socket: `socketIoConnector()` (socket.io-client: WebSocket, falling back to
   * HTTP long-polling) or `liteConnector()` (WebSocket only, much smaller; needs a WebSocket
   * constructor, which Node 20 lacks).
   * @default socketIoConnector(); liteConnector() for `createVisitorClient` from
   * `@switchboard/agent-sdk/visitor-lite`
   */
  connector?: SocketConnector;
}

/**
 * Framework-agnostic store: immutable snapshots and change notification. The methods need no
 * `this`, so they can be passed on as they are (e.g. to React's `useSyncExternalStore`).
 */
export interface ReadableStore<State> {
  getSnapshot(this: void): State;
  /** Called after every change with the new snapshot; returns an unsubscribe function. */
  subscribe(this: void, listener: (state: State) => void): () => void;
  /** Called only when the selected slice changes (compared with `Object.is`). */
  select<Slice>(this: void, selector: (state: State) => Slice, listener: (slice: Slice) => void): () => void;
}

/** Typed event emitter surface shared by both clients; like the store's, its methods need no `this`. */
// `object`, not `Record<string, unknown>`: an index signature would let any event name through.
export interface Emitter<Events extends object> {
  on<Name extends keyof Events>(
    this: void,
    name: Name,
    listener: (payload: Events[Name]) => void,
  ): () => void;
  off<Name extends keyof Events>(this: void, name: Name, listener: (payload: Events[Name]) => void): void;
}

// ---------------------------------------------------------------------------------------------
// Visitor client

export interface VisitorClientOptions extends BaseClientOptions {
  /** The site's public key (`pk_…`), safe to ship in page HTML. Required. */
  siteKey: string;
  /**
   * Where the resume credential, the conversation id and the outbox are kept so they survive a
   * reload. Nothing is written until the visitor first sends a message.
   * @default null (memory only)
   */
  storage?: KeyValueStorage | null;
  /** Prefix for storage keys. @default 'switchboard:' */
  storageKey?: string;
  /**
   * Your site's logged-in user, sent with every session request so the visitor is that user's
   * contact on every device, with their conversation and history. Compute `identifierHash` (hex
   * HMAC-SHA256 of `userId` with the site's identity secret) on your server, never in the page.
   * Without a correct hash, a site whose `identityVerification` is `off` (or `optional` and no
   * hash is given) stores the profile fields as unverified data on the visitor's own contact, and
   * one in `enforce` mode refuses the session with `unauthorized`. Like everything else, nothing is
   * sent (or stored) before the visitor interacts. For a login while the page is open, use
   * `identify()`.
   * @default undefined (an anonymous visitor)
   */
  identity?: VisitorIdentity;
}

export interface VisitorState {
  connection: ConnectionState;
  site: PublicSite | null;
  contact: Contact | null;
  conversation: Conversation | null;
  /** Stored messages of the current conversation, ascending by `seq`, each exactly once. */
  messages: readonly Message[];
  /** Written but not yet acknowledged, oldest first. */
  pending: readonly PendingMessage[];
  /** The last error that stopped the client from working (not one a retry will fix). */
  error: SwitchboardError | null;
  /** Whether the server holds messages older than the oldest in `messages` (see `loadOlder`). */
  hasOlder: boolean;
  /**
   * Where the current conversation stands in its queue, live from `queue:position`; `null` when
   * the conversation is not `queued` or no position has arrived yet.
   */
  queuePosition: QueuePosition | null;
  /**
   * Someone on the other side is typing: an agent (with their `name`) or the bot. Cleared when
   * they stop, when their message arrives, or after `TYPING_TIMEOUT_MS` without a refresh.
   */
  agentTyping: { who: 'agent' | 'bot'; name?: string } | null;
  /** The highest `seq` of the current conversation an agent has read (0: none); only grows. */
  readByAgentSeq: number;
  /**
   * The highest `seq` of the current conversation that reached the agents' side (0: none): an
   * agent's console that has the conversation, or the bot. Only grows; never below
   * `readByAgentSeq`. With it, "Sent" → "Delivered" → "Read".
   */
  deliveredToAgentSeq: number;
  /**
   * Public profiles (name, picture) of the agents the visitor sees: the assignee and the authors
   * of agents' messages, by agent id. Filled in shortly after each first appears.
   */
  agents: Readonly<Record<string, PublicAgentProfile>>;
  /**
   * The current conversation's system lines (an agent joined, a transfer, it ended or reopened),
   * oldest first; refreshed whenever its status or assignee changes.
   */
  activity: readonly ActivityLine[];
}

/** Acting on a pending message that failed for good (`PendingMessage.error` is set). */
export interface PendingMessageControls {
  /** Sends a pending message again under the same `clientMessageId`; resolves with the stored message. */
  retryMessage(clientMessageId: string): Promise<Message>;
  /** Drops a pending message; its send promise rejects. Returns whether it was pending. */
  discardMessage(clientMessageId: string): boolean;
}

export interface VisitorClientEvents {
  'message:created': Message;
  'conversation:updated': Conversation;
  /** The current conversation's place in its queue changed (also in `state.queuePosition`). */
  'queue:position': QueuePosition;
  /** An agent or the bot started or stopped typing (also in `state.agentTyping`). */
  typing: VisitorTypingEvent;
  /** An agent read the conversation up to `seq` (also in `state.readByAgentSeq`). */
  'conversation:read': ReadReceipt;
  /** An agent's console or the bot received the conversation up to `seq` (also in `state.deliveredToAgentSeq`). */
  'conversation:delivered': DeliveryReceipt;
  'connection:changed': ConnectionState;
  error: SwitchboardError;
}

/**
 * The visitor side (`createVisitorClient`): one visitor's conversation in a store, an outbox that
 * survives reloads, typed events, and the forms and rating a chat widget needs.
 */
export interface VisitorClient
  extends
    ReadableStore<VisitorState>,
    Emitter<VisitorClientEvents>,
    PendingMessageControls,
    AttachmentControls {
  /**
   * Resumes a stored session (if any), opens the socket and re-syncs. Without a stored session
   * it does nothing until the first `sendMessage`, so page views cost the server nothing.
   */
  connect(): Promise<void>;
  disconnect(): void;
  /** Returns the open conversation, creating the session and conversation when needed. */
  startConversation(): Promise<Conversation>;
  /**
   * Leaves a `resolved` or `abandoned` current conversation and starts a new one, for "start a new
   * conversation" (the visitor, their contact and identity stay; unlike `reset()`). With an open
   * conversation, or none, it does what `startConversation` does.
   */
  startNewConversation(): Promise<Conversation>;
  /**
   * Queues the message in the outbox and resolves with the stored message once acknowledged. With
   * `attachmentIds` (of files this client uploaded) the text may be blank. The site's upload limits
   * are in `state.site.uploads` once a session exists. While the site's pre-chat form is due
   * (`preChatPending(state.site?.preChat, state.contact)`), a message that would start a
   * conversation fails with `pre_chat_required`: send the form first.
   */
  sendMessage(text: string, options?: { attachmentIds?: readonly string[] }): Promise<Message>;
  /**
   * Reads the site as its visitors see it (name, availability, pre-chat form) into `state.site`,
   * without a session: nothing is created on the server and nothing is stored in the browser, so
   * an app may call it as soon as the visitor opens the chat. Resolves with the site; once
   * `state.site` is set (by this or by a session), with that.
   */
  loadSite(): Promise<PublicSite>;
  /**
   * Sends the site's pre-chat form (`state.site.preChat`), connecting and creating the session
   * first (it counts as the visitor's first interaction). In one server transaction the contact
   * takes the answers (`name`, `email`, `phone` its fields, the rest its attributes) and the
   * consent, and with a `message` the conversation starts with it as the visitor's first message.
   * Resolves with the filled-in contact and the conversation and message (null without a
   * message), which are also applied to the state.
   *
   * Like `submitOfflineForm` it is one request, not queued: it rejects with `invalid_payload` at
   * once, with `issues` naming `fields.<name>`, `consent` or `message`, for answers the server
   * would refuse (`checkPreChat`), `conflict` when the site has no form, and `network` or
   * `timeout` when the server cannot be reached. The same answers again (a retry) reuse the first
   * attempt's `clientMessageId`, so nothing is stored twice.
   */
  submitPreChat(form: {
    /** Answers by field name; blank ones are left out. */
    fields: Readonly<Record<string, string>>;
    /** Whether the visitor ticked the consent box. @default false */
    consent?: boolean;
    /** The first message, when the form asks for it (`askForMessage`). */
    message?: string;
  }): Promise<PreChatResult>;
  /**
   * Sends the offline form (a message's `form` of kind `offline`, shown when nobody can answer)
   * for the current conversation, connecting and starting one when needed. The server stores
   * `message` as the visitor's message, fills in the contact's name and email, queues the
   * conversation for an agent and notifies the team. Resolves with the stored message, which is
   * also applied to the state (and `state.contact` takes the name and email).
   *
   * Unlike `sendMessage` it is not queued: it fails with a `SwitchboardError` when the server
   * refuses it or no acknowledgement arrives, and `invalid_payload` at once, with `issues` naming
   * `email` or `message`, for a blank email or a blank or overlong message. Submitting the same
   * answers again (a retry) reuses the first attempt's `clientMessageId`, so the server stores
   * them once however often they are sent.
   */
  submitOfflineForm(form: {
    /** The visitor's name; blank leaves the contact's name as it is. */
    name?: string;
    /** Where the team answers; required. */
    email: string;
    /** What the visitor wants, stored as their message; required. */
    message: string;
  }): Promise<Message>;
  /**
   * Rates the current conversation once it is `resolved` (CSAT): `score` from 1 to 5 and an
   * optional comment of up to 1000 characters (trimmed; blank counts as none). Resolves with the
   * rated conversation, which is also applied to the state (`state.conversation.csat`).
   *
   * Like `submitOfflineForm` it is one request, not queued: it rejects with `invalid_payload` at
   * once for a score or comment the server would refuse, `not_found` without a conversation,
   * `conflict` when the conversation is not resolved or was already rated differently, and
   * `network` or `timeout` when the server cannot be reached. Rating again with the same answers
   * (a retry) resolves with the same conversation.
   */
  rate(score: number, comment?: string): Promise<Conversation>;
  /**
   * Signs the visitor in as your site's logged-in user (see the `identity` option), e.g. right
   * after they log in: the session is re-created at once with the identity and the visitor's
   * credential. An anonymous visitor becomes that user's contact (keeping their conversation when
   * the user is new to the site); when the user is already known, the state switches to that
   * contact's latest open conversation and its history (the socket reconnects if it was open), and
   * pending messages follow the visitor there. The identity is then sent with every later session
   * request. Nothing is stored before the visitor interacts.
   *
   * Rejects with a `SwitchboardError` and leaves the visitor as they were: `unauthorized` when
   * the site refuses the identity (a wrong `identifierHash`, or none in `enforce` mode),
   * `invalid_payload` for a malformed identity, `conflict` when `reset()` or another `identify()`
   * came first.
   */
  identify(identity: VisitorIdentity): Promise<void>;
  /** Loads messages older than the oldest one held. Resolves false when there are none. */
  loadOlder(): Promise<boolean>;
  /**
   * Tells the agent the visitor is typing: call it with `true` on every keystroke (throttled
   * here; it stops by itself after 3 s without one) and `false` on send or blur. Does nothing
   * without a connected conversation: typing alone never starts a session.
   */
  setTyping(typing: boolean): void;
  /**
   * Tells the agents the visitor has seen every message held (a read receipt). Call it while the
   * chat is visible, e.g. whenever a message arrives with the chat open and the page visible.
   * Best effort and deduplicated; does nothing without a connected conversation.
   */
  markRead(): void;
  /**
   * Forgets the visitor: the stored session and conversation, pending messages, and the identity
   * (from the option or `identify()`). Call it on logout, or for "start a new conversation"; the
   * next interaction starts a new anonymous visitor.
   */
  reset(): void;
}

// ---------------------------------------------------------------------------------------------
// Agent client

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
    CollaborationControls {
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
