import {
  createAgentClient,
  createVisitorClient,
  type AgentClient,
  type KeyValueStorage,
  type VisitorClient,
} from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';

/** Fast reconnects keep the tests quick; production defaults are gentler. */
const reconnection = { minDelayMs: 200, maxDelayMs: 400 };

export function agentClient(serverUrl: string): AgentClient {
  return createAgentClient({
    serverUrl,
    auth: { email: DEMO.agentEmail, password: DEMO.agentPassword },
    reconnection,
  });
}

export function visitorClient(serverUrl: string, storage: KeyValueStorage = memoryStorage()): VisitorClient {
  return createVisitorClient({ serverUrl, siteKey: DEMO.siteKey, storage, reconnection });
}

/** What a browser's localStorage does, for a visitor that "reloads" in Node. */
export function memoryStorage(): KeyValueStorage & { size(): number } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    size: () => map.size,
  };
}
