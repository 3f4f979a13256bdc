// Both ways of making a socket, for tests that must hold for either. Node 20 has no WebSocket of
// its own, so the lite socket gets the `ws` package's, which has the browser's API.
import WebSocket from 'ws';
import { liteConnector } from '../core/lite-socket/index.js';
import type { SocketConnector } from '../core/socket.js';
import { socketIoConnector } from '../core/socket-io-connector.js';

/** The WebSocket constructor the lite socket uses in these tests. */
export const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

export const CONNECTORS: readonly [name: string, connector: SocketConnector][] = [
  ['socket.io-client', socketIoConnector()],
  ['the lite socket', liteConnector({ WebSocket: NodeWebSocket })],
];
