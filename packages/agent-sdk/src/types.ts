// The SDK's public shapes. The agent and visitor clients share the connection, outbox and store
// machinery; these types are what an app (or the widget) programs against. Each client's own
// shapes live beside it (visitor/visitor-types.ts, agent/agent-types.ts) and are re-exported here.
import type { Attachment, Card } from '@switchboard/protocol';
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
  /** Cards an agent sends with the message (`SendOptions.cards`); absent for most. */
  cards?: readonly Card[];
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

export type * from './visitor/visitor-types.js';
export type * from './agent/agent-types.js';
