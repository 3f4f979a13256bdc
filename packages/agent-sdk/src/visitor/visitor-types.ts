// The visitor client's public shapes: its options, state, events and methods (`createVisitorClient`).
import type {
  ActivityLine,
  Contact,
  Conversation,
  DeliveryReceipt,
  Message,
  PreChatResult,
  PublicAgentProfile,
  PublicSite,
  QueuePosition,
  ReadReceipt,
  VisitorIdentity,
  VisitorTypingEvent,
} from '@switchboard/protocol';
import type { SwitchboardError } from '../errors.js';
import type {
  ConnectionState,
  PendingMessage,
  AttachmentControls,
  KeyValueStorage,
  BaseClientOptions,
  ReadableStore,
  Emitter,
} from '../types.js';

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
