// The bot client's public shapes. Payloads and results come from the protocol's `/bot` event
// maps, so a change to the wire contract shows up here as a type error, not a runtime surprise.
import type {
  BotCollectPayload,
  BotDelivery,
  BotHandoffPayload,
  BotMessagePayload,
  BotServerToClientEvents,
  Contact,
  Conversation,
  Message,
} from '@switchboard/protocol';
import type { ManagerOptions } from 'socket.io-client';
import type { SwitchboardError } from '../errors.js';
import type { ConnectionState, Emitter, ReconnectionOptions } from '../types.js';

/** The socket.io options a bot may set; connecting, reconnecting and auth are the client's own. */
export type BotSocketOptions = Partial<
  Pick<ManagerOptions, 'path' | 'transports' | 'extraHeaders' | 'timeout'>
>;

export interface BotClientOptions {
  /** Where the Switchboard server listens, e.g. `https://chat.example.com`. Required. */
  serverUrl: string;
  /**
   * The site's bot token from `POST /v1/sites/:id/bot/token`, sent in the handshake `auth`
   * payload. Issuing a new token revokes the old one. Required.
   */
  token: string;
  /** @default { minDelayMs: 500, maxDelayMs: 10000 } */
  reconnection?: ReconnectionOptions;
  /** How long to wait for the server to acknowledge a request. @default 8000 */
  ackTimeoutMs?: number;
  /**
   * How many times `reply` and `collect` are attempted when the failure may be temporary (a
   * dropped connection, a lost ack). Retrying is safe: a reply keeps its `deliveryId` and `part`
   * (or `clientMessageId`), so the server stores it once. `1` turns retrying off. `handoff` is
   * never retried: a handoff whose ack was lost would come back as `bot_muted`.
   * @default 3
   */
  maxAttempts?: number;
  /** Extra socket.io options, e.g. `{ transports: ['websocket'] }`. @default {} */
  socketOptions?: BotSocketOptions;
}

/** What a bot message may carry besides its text. */
export interface BotReplyOptions {
  /** Buttons shown under the message; tapping one sends its `value`. @default [] */
  quickReplies?: BotMessagePayload['quickReplies'];
  /**
   * Cards (products, articles) shown under the message as a horizontal list, at most 10. Paths
   * starting with `/` resolve against the server URL. @default []
   */
  cards?: BotMessagePayload['cards'];
}

export interface BotSendOptions extends BotReplyOptions {
  /**
   * The message's idempotency key (a ULID): reuse it to retry a reply made elsewhere.
   * @default a freshly minted ULID
   */
  clientMessageId?: string;
}

/** Why and where a bot hands over: `reason` defaults to `bot_decision`, the queue to the site's default. */
export type BotHandoffRequest = Omit<BotHandoffPayload, 'conversationId'>;

/** Contact fields a bot learned: `name` and `email` fill the contact, others become attributes. */
export type BotCollectedFields = BotCollectPayload['fields'];

/** An agent handed a conversation back: the bot owns it again. */
export type BotReturnedEvent = Parameters<BotServerToClientEvents['bot:returned']>[0];

/**
 * One visitor message for the bot to answer, with helpers bound to it. Replies made through
 * `reply` carry the delivery's id and a part number counted per delivery, so a handler that runs
 * again for the same delivery (a redelivery, or a second bot process) never posts a second copy.
 */
export interface BotTurnContext extends BotDelivery {
  /** Posts the turn's next reply (at most 10 per delivery). */
  reply(this: void, text: string, options?: BotReplyOptions): Promise<Message>;
  /** Gives the conversation to a person; the bot is muted from then on. */
  handoff(this: void, request?: BotHandoffRequest): Promise<Conversation>;
  /** Stores what the bot learned about the visitor. */
  collect(this: void, fields: BotCollectedFields): Promise<Contact>;
}

/** Whatever it resolves with is ignored, so `return turn.handoff()` is fine. */
export type BotMessageHandler = (turn: BotTurnContext) => void | Promise<unknown>;

export interface BotClientEvents {
  /** An agent handed a conversation back to the bot. */
  returned: BotReturnedEvent;
  'connection:changed': ConnectionState;
  /** The connection gave up (e.g. a revoked token), or an `onMessage` handler threw or rejected. */
  error: SwitchboardError;
}

/**
 * A bot written in Node: it is sent every visitor message of the conversations its site's bot
 * owns and answers over the same socket. Every request resolves with what the server acknowledged
 * or rejects with a `SwitchboardError` carrying the protocol code (`bot_muted` once a person owns
 * the conversation), and with `network` at once while not connected.
 */
export interface BotClient extends Emitter<BotClientEvents> {
  readonly connection: ConnectionState;
  /** Opens the socket; rejects with `unauthorized` when the server refuses the token. */
  connect(): Promise<void>;
  disconnect(): void;
  /**
   * Handles each visitor message. A conversation's messages are handled one at a time, in
   * order; throws and rejections are reported through `error`. A message that no handler answers
   * goes to a person once the server's reply timeout passes. Returns the unsubscribe function.
   */
  onMessage(handler: BotMessageHandler): () => void;
  reply(conversationId: string, text: string, options?: BotSendOptions): Promise<Message>;
  handoff(conversationId: string, request?: BotHandoffRequest): Promise<Conversation>;
  collect(conversationId: string, fields: BotCollectedFields): Promise<Contact>;
}
