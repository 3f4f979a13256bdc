import type { Ack, AckCallback } from './ack.js';
import type { AgentPresence, AgentProfilesRequest, PublicAgentProfile } from './schemas/agent.js';
import type {
  BotCollectPayload,
  BotHandoffPayload,
  BotMessagePayload,
  HandBackPayload,
  OfflineFormSubmission,
} from './schemas/bot.js';
import type { CannedChangedEvent } from './schemas/canned.js';
import type { Contact } from './schemas/contact.js';
import type { Conversation, Handoff } from './schemas/conversation.js';
import type { Label, LabelPayload } from './schemas/label.js';
import type { Mention, MentionsRead, MentionsReadPayload } from './schemas/mention.js';
import type { TagsPayload } from './schemas/tag.js';
import type { CsatSubmission } from './schemas/csat.js';
import type { PreChatResult, PreChatSubmission } from './schemas/pre-chat.js';
import type { Message } from './schemas/message.js';
import type {
  AgentSendMessagePayload,
  AssignPayload,
  ConversationRef,
  ConversationStartPayload,
  ResolvePayload,
  SendMessagePayload,
  SetCapacityPayload,
  SetPriorityPayload,
  SetStatusPayload,
  TransferPayload,
} from './schemas/payloads.js';
import type {
  AgentTypingEvent,
  DeliveredPayload,
  DeliveryReceipt,
  ReadPayload,
  ReadReceipt,
  TypingPayload,
  VisitorTypingEvent,
} from './schemas/presence-signals.js';
import type { QueuePosition } from './schemas/queue.js';
import type { ResolveReason } from './schemas/timeline.js';

/** Socket.io namespaces. Each authenticates from the handshake `auth` payload only. */
export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';
/** Bots written on the SDK connect here with the site's bot token. */
export const BOT_NAMESPACE = '/bot';

/** The handshake `auth` payload for both namespaces. */
export interface SocketAuth {
  token: string;
}

// Client → server events are imperative (`resource:verb`); server → client are past tense.

export interface VisitorClientToServerEvents {
  /**
   * `pre_chat_required` instead of a new conversation while the site's pre-chat form is due for
   * this visitor (see `preChatPending`); an open conversation is always returned.
   */
  'conversation:start': (payload: ConversationStartPayload, ack: AckCallback<Conversation>) => void;
  'conversation:join': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'message:send': (payload: SendMessagePayload, ack: AckCallback<Message>) => void;
  /**
   * The site's pre-chat form, in one transaction: the contact takes the answers (and the consent),
   * and with a first message the conversation starts with it. A retry with the same
   * `clientMessageId` acks the same result and stores nothing twice.
   */
  'pre_chat:submit': (payload: PreChatSubmission, ack: AckCallback<PreChatResult>) => void;
  /** The offline form: stored as the visitor's message; the conversation waits for an agent. */
  'offline_form:submit': (payload: OfflineFormSubmission, ack: AckCallback<Message>) => void;
  /**
   * Rates the visitor's resolved conversation, once per resolution: `conflict` if it is not
   * resolved or already rated otherwise; the same rating again acks the same conversation.
   */
  'conversation:rate': (payload: CsatSubmission, ack: AckCallback<Conversation>) => void;
  /** Fire-and-forget (no ack): invalid, foreign or too frequent signals are dropped silently. */
  typing: (payload: TypingPayload) => void;
  /** Acks the stored receipt (the mark, clamped to `lastSeq`, never lowered). */
  'conversation:read': (payload: ReadPayload, ack: AckCallback<ReadReceipt>) => void;
  /**
   * The widget received the conversation up to `seq` (sent by the SDK on its own). Acks the
   * visitor's stored delivery mark, clamped to `lastSeq`, never lowered.
   */
  'conversation:delivered': (payload: DeliveredPayload, ack: AckCallback<DeliveryReceipt>) => void;
  /** Names and pictures of agents (the assignee, authors of messages), for the header and message list. */
  'agents:profiles': (payload: AgentProfilesRequest, ack: AckCallback<PublicAgentProfile[]>) => void;
}

export interface VisitorServerToClientEvents {
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: Conversation) => void;
  /** Pushed whenever the visitor's place in the queue or the estimate changes. */
  'queue:position': (position: QueuePosition) => void;
  /** An agent or the bot started or stopped typing; forget it after `TYPING_TIMEOUT_MS` unrefreshed. */
  typing: (event: VisitorTypingEvent) => void;
  /** An agent read the conversation up to `seq`. */
  'conversation:read': (receipt: ReadReceipt) => void;
  /** An agent's console or the bot received the conversation up to `seq` (`recipient: 'agent'`). */
  'conversation:delivered': (receipt: DeliveryReceipt) => void;
}

export interface AgentClientToServerEvents {
  'conversation:join': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'message:send': (payload: AgentSendMessagePayload, ack: AckCallback<Message>) => void;
  /** Take a queued conversation; `already_assigned` if someone was faster. */
  'conversation:accept': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  /** Give a queued conversation to a named agent. */
  'conversation:assign': (payload: AssignPayload, ack: AckCallback<Conversation>) => void;
  'conversation:transfer': (payload: TransferPayload, ack: AckCallback<Conversation>) => void;
  'conversation:resolve': (payload: ResolvePayload, ack: AckCallback<Conversation>) => void;
  'conversation:reopen': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'conversation:set_priority': (payload: SetPriorityPayload, ack: AckCallback<Conversation>) => void;
  /** Give the conversation back to the site's bot; the bot speaks again. */
  'conversation:hand_back': (payload: HandBackPayload, ack: AckCallback<Conversation>) => void;
  'agent:set_status': (payload: SetStatusPayload, ack: AckCallback<AgentPresence>) => void;
  'agent:set_capacity': (payload: SetCapacityPayload, ack: AckCallback<AgentPresence>) => void;
  /** Fire-and-forget (no ack), as for visitors. */
  typing: (payload: TypingPayload) => void;
  'conversation:read': (payload: ReadPayload, ack: AckCallback<ReadReceipt>) => void;
  /** This console received the conversation up to `seq` (sent by the SDK on its own). */
  'conversation:delivered': (payload: DeliveredPayload, ack: AckCallback<DeliveryReceipt>) => void;
  /**
   * Tags the conversation (each normalised; ones it has are left alone). Every agent hears
   * `conversation:updated`; the timeline records each tag added. `conflict` past `MAX_TAGS`.
   */
  'conversation:add_tags': (payload: TagsPayload, ack: AckCallback<Conversation>) => void;
  /** Removes tags (ones it does not have are ignored). */
  'conversation:remove_tags': (payload: TagsPayload, ack: AckCallback<Conversation>) => void;
  /** Applies one of the conversation's site's labels; `not_found` for another site's or a missing one. */
  'conversation:add_label': (payload: LabelPayload, ack: AckCallback<Conversation>) => void;
  'conversation:remove_label': (payload: LabelPayload, ack: AckCallback<Conversation>) => void;
  /** Marks your own mentions read (by id, or all in a conversation); acks those it marked. */
  'mentions:read': (payload: MentionsReadPayload, ack: AckCallback<MentionsRead>) => void;
}

export interface AgentServerToClientEvents {
  'message:created': (message: Message) => void;
  /** A channel message's `delivery` moved on (sent, delivered, read, or failed with a reason). */
  'message:updated': (message: Message) => void;
  'conversation:created': (conversation: Conversation) => void;
  'conversation:updated': (conversation: Conversation) => void;
  'conversation:assigned': (event: { conversation: Conversation; agentId: string }) => void;
  'conversation:transferred': (event: {
    conversation: Conversation;
    fromAgentId: string | null;
    toAgentId: string | null;
    toQueueId: string | null;
    note: string | null;
  }) => void;
  'conversation:resolved': (event: {
    conversation: Conversation;
    reason: ResolveReason;
    note: string | null;
  }) => void;
  /** The visitor rated a resolved conversation (also on `conversation.csat`). */
  'conversation:rated': (event: ConversationRatedEvent) => void;
  'queue:updated': (event: { queueId: string; waiting: number }) => void;
  'agent:status_changed': (agent: AgentPresence) => void;
  /** The bot (or the visitor, or an agent) asked for a human: reason, summary, target. */
  'handoff:requested': (event: HandoffEvent) => void;
  /** An agent took a handed-off conversation; the bot is muted from now on. */
  'handoff:accepted': (event: HandoffEvent & { agentId: string }) => void;
  /** An agent gave the conversation back to the bot. */
  'handoff:returned': (event: { conversation: Conversation; agentId: string; note: string | null }) => void;
  /** The bot failed or did not answer in time: the conversation went to the queue. */
  'handoff:timed_out': (event: HandoffEvent & { error: string }) => void;
  /** A bot, the offline form or an agent changed a contact's fields. */
  'contact:updated': (contact: Contact) => void;
  /** You were mentioned in an internal note. Sent to the mentioned agent's sockets only. */
  'mention:created': (mention: Mention) => void;
  /** You marked mentions read (on another console, say). Sent to your own sockets only. */
  'mentions:read': (event: MentionsRead) => void;
  /** An agent created a label, or renamed or recoloured one. */
  'label:created': (label: Label) => void;
  'label:updated': (label: Label) => void;
  /** The visitor or another agent started or stopped typing. */
  typing: (event: AgentTypingEvent) => void;
  /** The visitor or an agent read the conversation up to `seq`. */
  'conversation:read': (receipt: ReadReceipt) => void;
  /** The visitor's widget, or the agents' side (a console, the bot), received the conversation up to `seq`. */
  'conversation:delivered': (receipt: DeliveryReceipt) => void;
  /** Someone (you too) created, edited or deleted a canned response; `siteId` is on the response. */
  'canned:changed': (event: CannedChangedEvent) => void;
}

/** A CSAT rating: the rated conversation, and its score (1–5) and comment (null when none). */
export interface ConversationRatedEvent {
  conversation: Conversation;
  score: number;
  comment: string | null;
}

/** A handoff event carries the conversation and its (non-null) handoff. */
export interface HandoffEvent {
  conversation: Conversation;
  handoff: Handoff;
}

/** What an SDK bot is sent for each visitor message in a conversation the bot owns. */
export interface BotDelivery {
  /** Stable across redeliveries: pass it back as `deliveryId` so a retry never duplicates a reply. */
  deliveryId: string;
  conversation: Conversation;
  message: Message;
  contact: Contact;
}

export interface BotClientToServerEvents {
  'bot:reply': (payload: BotMessagePayload, ack: AckCallback<Message>) => void;
  'bot:handoff': (payload: BotHandoffPayload, ack: AckCallback<Conversation>) => void;
  'bot:collect': (payload: BotCollectPayload, ack: AckCallback<Contact>) => void;
  /** The bot received the conversation up to `seq` (sent by the SDK for each delivery). */
  'conversation:delivered': (payload: DeliveredPayload, ack: AckCallback<DeliveryReceipt>) => void;
}

export interface BotServerToClientEvents {
  'bot:message': (delivery: BotDelivery) => void;
  /** An agent handed a conversation back: the bot owns it again. */
  'bot:returned': (event: { conversation: Conversation; note: string | null }) => void;
}

/** The data an ack carries for a client → server event, e.g. `AckData<VisitorClientToServerEvents, 'message:send'>`. */
export type AckData<Events, Name extends keyof Events> = Events[Name] extends (
  payload: never,
  ack: AckCallback<infer T>,
) => void
  ? T
  : never;

/** The payload type of a client → server event. */
export type PayloadOf<Events, Name extends keyof Events> = Events[Name] extends (
  payload: infer P,
  ack: never,
) => void
  ? P
  : never;

export type { Ack };
