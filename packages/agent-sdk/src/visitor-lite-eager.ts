// `@switchboard/agent-sdk/visitor-lite-eager`: `visitor-lite` with its engine and socket imported
// statically, for a script-tag build that fetches the whole chat in one chunk. gzip compresses one
// chunk better than two (they share names and wire strings), so a page that opens the chat loads
// less in all than with the engine fetched on the visitor's first message. The engine is still
// created on first need: nothing touches the server or the storage before that.
import type { VisitorClient, VisitorClientOptions } from './types.js';
import { createVisitorEngine, liteConnector } from './visitor/lite-engine.js';
import { createVisitorClientCore } from './visitor/visitor-client.js';

/** The visitor side of a chat, as `createVisitorClient` in `visitor-lite`, engine bundled in. */
export function createVisitorClient(options: VisitorClientOptions): VisitorClient {
  const kit = { createVisitorEngine, connector: options.connector ?? liteConnector() };
  return createVisitorClientCore(options, () => Promise.resolve(kit));
}

export {
  INITIAL_VISITOR_STATE,
  liteConnector,
  SwitchboardError,
  type ConnectionState,
  type KeyValueStorage,
  type LiteConnectorOptions,
  type PendingMessage,
  type VisitorClient,
  type VisitorClientEvents,
  type VisitorClientOptions,
  type VisitorState,
} from './visitor-lite.js';
