import { fromStored } from '../core/outbox-restore.js';
import { socketIoConnector } from '../core/socket-io-connector.js';
import type { VisitorClient, VisitorClientOptions } from '../types.js';
import { createVisitorClientCore } from './visitor-client.js';
import { createVisitorEngine } from './visitor-engine.js';

/**
 * The visitor side of a chat, for a custom UI. Nothing touches the server or the storage until
 * the visitor writes (or `connect()` finds a stored session to resume). Its socket comes from
 * socket.io-client unless `options.connector` says otherwise; for the smaller WebSocket-only
 * client, import `createVisitorClient` from `@switchboard/agent-sdk/visitor-lite`.
 */
export function createVisitorClient(options: VisitorClientOptions): VisitorClient {
  // Node and bundled apps get the engine at once: its restored outbox shows from the start.
  const connector = options.connector ?? socketIoConnector();
  const kit = { createVisitorEngine, connector, fromStored };
  return createVisitorClientCore(options, () => Promise.resolve(kit), kit);
}
