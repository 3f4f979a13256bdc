// Test harness: the real app on a real port over a real SQLite file in a temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  AgentSession,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  VisitorSession,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import { createApp, type AppDeps, type SwitchboardApp } from '../app.js';
import { loadConfig } from '../config.js';
import { silentLogger } from '../lib/logger.js';
import { hashPasswordSync } from '../lib/secrets.js';
import { DEMO } from '../services/demo-seed.js';

// Hashed once: scrypt is deliberately slow, and tests create many agents.
const TEST_PASSWORD_HASH = hashPasswordSync('password');

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export interface Harness {
  switchboard: SwitchboardApp;
  url: string;
  dbPath: string;
  post<T>(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  get<T>(path: string, token?: string): Promise<{ status: number; body: T }>;
  /** Any method, JSON body, optional bearer token. */
  send<T>(method: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: T }>;
  visitorSession(siteKey?: string): Promise<VisitorSession>;
  agentSession(): Promise<AgentSession>;
  /** A new agent (password "password") in the given queues; returns their session. */
  createAgent(options?: { capacity?: number; skills?: string[]; queueIds?: string[] }): Promise<AgentSession>;
  visitorSocket(token: string, options?: { origin?: string }): Promise<VisitorSocket>;
  agentSocket(token: string): Promise<AgentSocket>;
  count(table: 'messages' | 'conversations' | 'contacts' | 'attachments' | 'canned_responses'): number;
  close(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'webhookBackoff' | 'channelBackoff'> = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const dbPath = join(dir, 'test.sqlite');
  const config = loadConfig({
    PORT: '0',
    SWITCHBOARD_DATABASE_PATH: dbPath,
    SWITCHBOARD_SERVE_EXAMPLES: 'false',
    // Most tests are about the queue; bot tests turn the demo bot on.
    SWITCHBOARD_DEMO_BOT: 'false',
    SWITCHBOARD_SESSION_RATE_PER_MIN: '100000',
    SWITCHBOARD_MESSAGE_RATE_PER_SEC: '10000',
    ...env,
  });
  const switchboard = await createApp({ config, logger: silentLogger, staticRoots: null, ...deps });
  const { url } = await switchboard.listen();
  const sockets: Socket[] = [];
  let agentCount = 0;
  // A second, read-only connection to count rows exactly as they are on disk.
  const { default: Database } = await import('better-sqlite3');
  const reader = new Database(dbPath, { readonly: true });

  const json = async <T>(response: Response) => ({
    status: response.status,
    body: (await response.json()) as T,
  });
  const connect = <S extends Socket>(namespace: string, token: string, origin?: string) =>
    new Promise<S>((resolve, reject) => {
      const socket = io(`${url}${namespace}`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: origin ? { origin } : {},
      }) as S;
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  const harness: Harness = {
    switchboard,
    url,
    dbPath,
    post: async (path, body, headers = {}) =>
      json(
        await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    send: async (method, path, body, token) =>
      json(
        await fetch(`${url}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        }),
      ),
    get: async (path, token) =>
      json(await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })),
    async visitorSession(siteKey = DEMO.siteKey) {
      const { status, body } = await harness.post<VisitorSession>('/v1/visitor/sessions', { siteKey });
      if (status !== 201) throw new Error(`visitor session failed: ${status} ${JSON.stringify(body)}`);
      return body;
    },
    async agentSession() {
      const { status, body } = await harness.post<AgentSession>('/v1/agent/sessions', {
        email: DEMO.agentEmail,
        password: DEMO.agentPassword,
      });
      if (status !== 201) throw new Error(`agent login failed: ${status}`);
      return body;
    },
    async createAgent({ capacity = 3, skills = [], queueIds = [] } = {}) {
      const email = `agent-${(agentCount += 1)}-${Date.now()}@example.com`;
      const agent = await switchboard.store.agents.create({
        email,
        name: `Agent ${agentCount}`,
        role: 'agent',
        capacity,
        skills,
        passwordHash: TEST_PASSWORD_HASH,
      });
      for (const queueId of queueIds) await switchboard.store.queues.addMember(queueId, agent.id);
      const { status, body } = await harness.post<AgentSession>('/v1/agent/sessions', {
        email,
        password: 'password',
      });
      if (status !== 201) throw new Error(`agent login failed: ${status}`);
      return body;
    },
    visitorSocket: (token, options = {}) => connect<VisitorSocket>('/visitor', token, options.origin),
    agentSocket: (token) => connect<AgentSocket>('/agent', token),
    count: (table) => (reader.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    async close() {
      for (const socket of sockets) socket.disconnect();
      reader.close();
      await switchboard.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Resolves with the next `event` on the socket, or rejects after `ms`. */
export function nextEvent<T>(socket: Socket, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
