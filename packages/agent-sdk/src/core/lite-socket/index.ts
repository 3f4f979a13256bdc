import type { SocketConnector } from '../socket.js';
import { createLiteSocket } from './lite-socket.js';

export interface LiteConnectorOptions {
  /**
   * The WebSocket constructor; Node 20 has none built in, so pass the `ws` package's there.
   * @default globalThis.WebSocket
   */
  WebSocket?: typeof WebSocket;
  /** How long one connection attempt may take before it counts as failed. @default 20000 */
  timeoutMs?: number;
}

/**
 * Sockets that speak socket.io over a plain WebSocket, with no long-polling fallback: a small
 * fraction of socket.io-client's size, for the widget. A network that blocks WebSockets leaves
 * them unable to connect (they keep retrying with backoff).
 */
export function liteConnector(options: LiteConnectorOptions = {}): SocketConnector {
  return (serverUrl, namespace, socketOptions) =>
    createLiteSocket(serverUrl, namespace, {
      ...socketOptions,
      WebSocket: options.WebSocket ?? WebSocket,
      timeoutMs: options.timeoutMs ?? 20_000,
    });
}
