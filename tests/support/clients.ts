import {
  createAgentClient,
  createVisitorClient,
  type AgentClient,
  type AgentClientOptions,
  type KeyValueStorage,
  type VisitorClient,
  type VisitorClientOptions,
} from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';

/** Fast reconnects keep the tests quick; production defaults are gentler. */
const reconnection = { minDelayMs: 200, maxDelayMs: 400 };

export function agentClient(serverUrl: string, options: Partial<AgentClientOptions> = {}): AgentClient {
  return createAgentClient({
    serverUrl,
    auth: { email: DEMO.agentEmail, password: DEMO.agentPassword },
    reconnection,
    ...options,
  });
}

export function visitorClient(
  serverUrl: string,
  storage: KeyValueStorage = memoryStorage(),
  options: Partial<VisitorClientOptions> = {},
): VisitorClient {
  return createVisitorClient({ serverUrl, siteKey: DEMO.siteKey, storage, reconnection, ...options });
}

export interface MemoryStorage extends KeyValueStorage {
  size(): number;
  has(key: string): boolean;
  /** Every write, as `set <key>` or `remove <key>`, so a test can assert there were none. */
  readonly writes: string[];
}

/** What a browser's localStorage does, for a visitor that "reloads" in Node. */
export function memoryStorage(): MemoryStorage {
  const map = new Map<string, string>();
  const writes: string[] = [];
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      writes.push(`set ${key}`);
      map.set(key, value);
    },
    removeItem: (key) => {
      writes.push(`remove ${key}`);
      map.delete(key);
    },
    size: () => map.size,
    has: (key) => map.has(key),
    writes,
  };
}
