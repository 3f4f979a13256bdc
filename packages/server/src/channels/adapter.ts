// The one interface every channel implements (DESIGN.md "Channels and bots"): check and parse
// what the provider posts, send what agents and bots write, and map the provider's delivery
// statuses onto ours. Adapters are pure translators: the inbox, the outbox, contacts and
// conversations are the pipeline's (inbound.ts, outbound.ts), so every channel gets the same
// dedupe, ordering and retries.
import type { z } from 'zod';
import type {
  BridgedChannel,
  Card,
  ChannelTemplate,
  MessageDeliveryState,
  QuickReply,
  TemplateMessage,
} from '@switchboard/protocol';

/** A webhook request exactly as it arrived: signatures are checked on these bytes. */
export interface InboundRequest {
  method: string;
  url: URL;
  headers: Headers;
  rawBody: Uint8Array;
}

/** A file that came with an inbound message: inline bytes (email) or a reference to fetch (`fetchMedia`). */
export type InboundMedia =
  | { source: 'inline'; name: string; contentType: string; base64: string }
  | { source: 'remote'; ref: string; name?: string; contentType?: string };

export interface InboundMessage {
  kind: 'message';
  /** The provider's id for the message (`wamid`, `mid`, `Message-Id`…): the dedupe key. */
  externalId: string;
  /** Who wrote, in the channel's terms: a phone number, a chat id, an email address. */
  address: string;
  /** What the provider tells about the sender, to fill a new contact in. */
  profile?: { name?: string; email?: string; phone?: string };
  text: string;
  media?: InboundMedia[];
  /** Email threading: this message's Message-Id, and the ids it answers (In-Reply-To, References). */
  thread?: { subject?: string; references: string[] };
  /** When the provider says it was sent (epoch ms). */
  sentAt?: number;
}

export interface InboundStatus {
  kind: 'status';
  /** Unique per status event (e.g. `wamid:read`), so a redelivered callback is dropped. */
  externalId: string;
  /** The provider's id of the message we sent. */
  messageExternalId: string;
  state: Exclude<MessageDeliveryState, 'pending'>;
  /** The provider's reason, for `failed`. */
  error?: string;
}

export type InboundEvent = InboundMessage | InboundStatus;

/** What `verify` decided: the request is authentic, or why not (401/403 with this message). */
export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** A message to deliver through the provider. */
export interface OutboundMessage {
  /** Our message id: stable across retries, so providers that dedupe can. */
  messageId: string;
  conversationId: string;
  /** The contact's address on the channel. */
  to: string;
  text: string;
  quickReplies: QuickReply[];
  cards: Card[];
  attachments: OutboundFile[];
  /** Set when an agent sent an approved template (WhatsApp). */
  template?: TemplateMessage;
  /** Email threading: the conversation's subject and the provider ids of its earlier messages, oldest first. */
  thread: { subject: string | null; references: string[] };
  /** The agent's name, or the site's name for a bot (email's From display name). */
  senderName: string;
}

export interface OutboundFile {
  name: string;
  contentType: string;
  kind: 'image' | 'audio' | 'video' | 'document';
  size: number;
  /** An absolute URL the provider can fetch (the attachment's capability URL). */
  url: string;
  read(): Promise<Uint8Array>;
}

/** A send the provider refused: `retryable` ones go back to the outbox with backoff. */
export class ChannelSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** How long the provider asked us to wait (a 429's retry-after); the retry waits at least this. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }
}

/** What the pipeline lends an adapter. */
export interface AdapterContext {
  /** `fetch` with a timeout; adapters use it for every call to the provider. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  now(): number;
}

export interface ChannelAdapter<Config = unknown> {
  channel: BridgedChannel;
  /** Validates an account's `config` (credentials, base URLs) when it is created. */
  config: z.ZodType<Config>;
  /** The provider's `GET` verification handshake, if it has one; null when the query is not one. */
  handshake?(config: Config, query: URLSearchParams): { status: number; body: string } | null;
  /**
   * Whether the request is authentic; checked on the raw bytes before anything is parsed. May be
   * async: some providers sign fields inside a multipart body (Mailgun), which is read async.
   */
  verify(config: Config, request: InboundRequest, now: number): Verdict | Promise<Verdict>;
  /**
   * The events in an authentic request; throws (→ 400) on a body that is not the provider's
   * format. May be async, for MIME parsing.
   */
  parse(config: Config, request: InboundRequest): InboundEvent[] | Promise<InboundEvent[]>;
  /** Sends one message; resolves the provider's id for it. Throws {@link ChannelSendError}. */
  send(config: Config, message: OutboundMessage, context: AdapterContext): Promise<{ externalId: string }>;
  /**
   * Downloads a `remote` media reference. A {@link ChannelSendError} that is not `retryable` (the
   * provider will never hand the file over) keeps the message with a note; other errors retry it.
   */
  fetchMedia?(
    config: Config,
    ref: string,
    context: AdapterContext,
  ): Promise<{ bytes: Uint8Array; contentType: string; name?: string }>;
  /**
   * Free-form messages may be refused by the channel's rules (WhatsApp's 24-hour window): the
   * reason, or null when a free-form message may go now. `lastInboundAt` is when the contact last wrote.
   */
  freeFormBlocked?(lastInboundAt: number | null, now: number): string | null;
  /**
   * An address an agent typed (to write first) as the channel writes it, and what it says about
   * the contact; null when it cannot be one. @default the trimmed text, telling nothing
   */
  recipient?(to: string): { address: string; profile: { email?: string; phone?: string } } | null;
  /** The approved templates the account may send. */
  templates?(config: Config, context: AdapterContext): Promise<ChannelTemplate[]>;
  /**
   * Tells the provider where to deliver (Telegram's setWebhook), for providers that take it over
   * their API; absent where it is set in the provider's console. Throws {@link ChannelSendError}.
   */
  registerWebhook?(config: Config, webhookUrl: string, context: AdapterContext): Promise<void>;
  /** The webhook's reply body when the provider expects one (most want an empty 200). */
  acknowledge?(): { contentType: string; body: string };
}

/**
 * Types an adapter against its own config, then lets adapters of every channel share one
 * registry. Sound because the pipeline only ever hands an adapter what its `config` schema parsed.
 */
export function defineAdapter<Config>(adapter: ChannelAdapter<Config>): ChannelAdapter<unknown> {
  return adapter;
}

/** Adapters by channel; the composition root picks which exist. */
export type AdapterRegistry = ReadonlyMap<BridgedChannel, ChannelAdapter<unknown>>;
