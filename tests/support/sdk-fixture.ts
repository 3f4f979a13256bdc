// One real server per test (a clean database, so inbox order and socket counts are exact) and
// SDK clients that are disconnected after it.
import type { AgentClientOptions, VisitorClientOptions } from '@switchboard/agent-sdk';
import { afterEach, beforeEach } from 'vitest';
import { agentClient, memoryStorage, visitorClient, type MemoryStorage } from './clients.js';
import { startServer, type TestServer } from './server.js';

export interface SdkFixture {
  readonly server: TestServer;
  agent(options?: Partial<AgentClientOptions>): ReturnType<typeof agentClient>;
  visitor(storage?: MemoryStorage, options?: Partial<VisitorClientOptions>): ReturnType<typeof visitorClient>;
}

export function useServer(env: Record<string, string> = {}): SdkFixture {
  let server: TestServer | undefined;
  const clients: { disconnect(): void }[] = [];
  beforeEach(async () => {
    server = await startServer(env);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server?.close();
    server = undefined;
  });
  const running = (): TestServer => {
    if (!server) throw new Error('the server runs only inside a test');
    return server;
  };
  return {
    get server() {
      return running();
    },
    agent(options) {
      const client = agentClient(running().url, options);
      clients.push(client);
      return client;
    },
    visitor(storage = memoryStorage(), options) {
      const client = visitorClient(running().url, storage, options);
      clients.push(client);
      return client;
    },
  };
}
