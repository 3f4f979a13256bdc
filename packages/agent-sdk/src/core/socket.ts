// The seam between the transport and whatever speaks socket.io on the wire: socket.io-client
// (WebSocket with a long-polling fallback, for Node and agent consoles) or the lite socket (browser
// WebSocket only, a fraction of the bytes, for the widget). The transport never imports either.
import type { SocketAuth } from '@switchboard/protocol';

/** Any listener; the socket's events are typed one level up, by the transport's event maps. */
export type AnyListener = (...args: never[]) => void;

/**
 * The slice of socket.io-client's `Socket` that the transport uses, with its semantics:
 * - `active`: the socket is trying to be connected (it reconnects on its own after a network
 *   failure). A refused handshake (`connect_error` carrying `.data`) or a server-side disconnect
 *   (`disconnect` with `'io server disconnect'`) make it inactive until the next `connect()`.
 * - `recovered`: the last connect restored the previous session (connection state recovery),
 *   missed events included, so nothing needs re-syncing.
 * - `emit(event, ...args, ack?)`: a trailing function is called with the server's acknowledgement.
 *   Nothing is buffered while disconnected: the transport never emits then.
 */
export interface LooseSocket {
  readonly connected: boolean;
  readonly active: boolean;
  readonly recovered: boolean | undefined;
  connect(): unknown;
  disconnect(): unknown;
  on(event: string, listener: AnyListener): unknown;
  off(event: string, listener: AnyListener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/** How the transport wants its socket to behave; names follow socket.io-client's options. */
export interface SocketOptions {
  /** Called on every handshake, so a reconnect carries a refreshed token. */
  auth: (send: (data: SocketAuth) => void) => void;
  /** The first reconnect's base delay; each further attempt doubles it. */
  reconnectionDelay: number;
  /** No reconnect waits longer than this. */
  reconnectionDelayMax: number;
  /** How far a delay may stray from its base, as a fraction (0.5: ±50 %). */
  randomizationFactor: number;
}

/**
 * Creates an unconnected socket for one namespace of the server at `serverUrl`: the first
 * `connect()` opens it.
 */
export type SocketConnector = (serverUrl: string, namespace: string, options: SocketOptions) => LooseSocket;
