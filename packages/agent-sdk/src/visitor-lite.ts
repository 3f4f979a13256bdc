// `@switchboard/agent-sdk/visitor-lite`: the visitor client on the lite socket (socket.io over a
// plain WebSocket, no long-polling fallback), without socket.io-client anywhere in its imports.
// What the widget bundles. Names are re-exported one by one, as in index.ts.
import type { VisitorClient, VisitorClientOptions } from './types.js';
import { createVisitorClientCore } from './visitor/visitor-client.js';

/**
 * The visitor side of a chat, for the widget or a custom UI. Nothing touches the server or the
 * storage until the visitor writes (or `connect()` finds a stored session to resume). Its socket
 * speaks socket.io over the WebSocket in `globalThis` unless `options.connector` says otherwise.
 */
export function createVisitorClient(options: VisitorClientOptions): VisitorClient {
  // The socket comes with the engine, in one import: a chat nobody has used yet needs neither.
  return createVisitorClientCore(options, async () => {
    const { createVisitorEngine, liteConnector } = await import('./visitor/lite-engine.js');
    return { createVisitorEngine, connector: options.connector ?? liteConnector() };
  });
}

export { INITIAL_VISITOR_STATE } from './visitor/visitor-client.js';
export { liteConnector } from './core/lite-socket/index.js';
export type { LiteConnectorOptions } from './core/lite-socket/index.js';
export { SwitchboardError } from './errors.js';
export type {
  ConnectionState,
  KeyValueStorage,
  PendingMessage,
  VisitorClient,
  VisitorClientEvents,
  VisitorClientOptions,
  VisitorState,
} from './types.js';
