// The agent client's lifecycle actions, directory and events against a bare socket.io server
// that answers the way the reference server does. End-to-end behaviour lives in tests/sdk/.
import type {
  Agent,
  AgentClientToServerEvents,
  AgentPresence,
  AgentServerToClientEvents,
  Conversation,
  Queue,
} from '@switchboard/protocol';
import type { Namespace } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import type { AgentClient } from '../types.js';
import { conversation, presence } from '../testing/factories.js';
import { startSocketServer } from '../testing/socket-server.js';
import { waitFor } from '../testing/wait.js';
import { createAgentClient } from './agent-client.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

const SUPPORT: Queue = {
  id: 'queue_1',
  siteId: 'site_1',
  name: 'Support',
  strategy: 'round_robin',
  memberIds: ['me', 'bo'],
  waiting: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
};
// Who the token belongs to, as /v1/agent/me says before the socket brings the agent online.
const { load: _load, ...ME_OFFLINE } = presence('me', { status: 'offline' });
const ME: Agent = ME_OFFLINE;

type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents>;

let server: Awaited<ReturnType<typeof startSocketServer>>;
let agents: AgentNamespace;
let client: AgentClient | undefined;
let requests: string[];
let directory: { queues: Queue[]; agents: AgentPresence[]; conversations: Conversation[] };
/** Socket payloads the server received, by event name. */
let received: Record<string, unknown[]>;

const json = (body: unknown): Response =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  server = await startSocketServer();
  agents = server.io.of('/agent');
  requests = [];
  received = {};
  directory = {
    queues: [SUPPORT],
    agents: [presence('me'), presence('bo', { status: 'busy', load: 2 })],
    conversations: [conversation('conv_1', { status: 'queued', queueId: SUPPORT.id, updatedAt: at(1) })],
  };
  agents.on('connection', (socket) => {
    const record = (name: string, payload: unknown): void => {
      (received[name] ??= []).push(payload);
    };
    socket.on('conversation:accept', ({ conversationId }, ack) => {
      record('conversation:accept', { conversationId });
      if (conversationId === 'taken') {
        ack({ ok: false, error: { code: 'already_assigned', message: 'Another agent took it' } });
        return;
      }
      ack({
        ok: true,
        data: conversation(conversationId, { status: 'active', assigneeId: 'me', updatedAt: at(2) }),
      });
    });
    socket.on('conversation:transfer', (payload, ack) => {
      record('conversation:transfer', payload);
      ack({ ok: true, data: conversation(payload.conversationId, { status: 'queued', updatedAt: at(3) }) });
    });
    socket.on('agent:set_status', (payload, ack) => {
      record('agent:set_status', payload);
      ack({ ok: true, data: presence('me', { status: payload.status }) });
    });
  });
});

afterEach(async () => {
  client?.disconnect();
  client = undefined;
  await server.close();
});

async function connect(): Promise<AgentClient> {
  client = createAgentClient({
    serverUrl: server.url,
    auth: { token: 'token' },
    fetch: (input) => {
      const { pathname } = new URL(input instanceof Request ? input.url : input);
      requests.push(pathname);
      const bodies: Record<string, unknown> = {
        '/v1/agent/me': ME,
        '/v1/conversations': { items: directory.conversations, nextCursor: null },
        '/v1/queues': directory.queues,
        '/v1/agents': directory.agents,
        '/v1/conversations/conv_1/timeline': [],
        '/v1/labels': [],
        '/v1/mentions': { items: [], nextCursor: null },
      };
      return Promise.resolve(json(bodies[pathname] ?? {}));
    },
    reconnection: { minDelayMs: 30, maxDelayMs: 150 },
  });
  await client.connect();
  return client;
}

describe('directory', () => {
  it('loads queues and agents on connect, and learns your own status from them', async () => {
    const c = await connect();
    const state = c.getSnapshot();
    expect(state.queues).toEqual({ [SUPPORT.id]: SUPPORT });
    expect(Object.keys(state.agents)).toEqual(['me', 'bo']);
    expect(state.agent).toEqual({ ...ME, status: 'available' });
  });

  it('follows queue:updated and agent:status_changed, yours included', async () => {
    const c = await connect();
    const events: string[] = [];
    c.on('queue:updated', (e) => events.push(`queue ${e.queueId} ${e.waiting}`));
    c.on('agent:status_changed', (a) => events.push(`agent ${a.id} ${a.status}`));

    agents.emit('queue:updated', { queueId: SUPPORT.id, waiting: 4 });
    agents.emit('agent:status_changed', presence('me', { status: 'away' }));
    await waitFor(() => c.getSnapshot().agent?.status === 'away');

    expect(c.getSnapshot().queues[SUPPORT.id]?.waiting).toBe(4);
    expect(c.getSnapshot().agents.me?.status).toBe('away');
    expect(events).toEqual([`queue ${SUPPORT.id} 4`, 'agent me away']);
  });

  it('loads the queues again when an unknown queue reports', async () => {
    const c = await connect();
    const sales = { ...SUPPORT, id: 'queue_2', name: 'Sales', waiting: 1 };
    directory.queues = [SUPPORT, sales];
    agents.emit('queue:updated', { queueId: sales.id, waiting: 1 });
    await waitFor(() => c.getSnapshot().queues[sales.id]);
    expect(requests.filter((path) => path === '/v1/queues')).toHaveLength(2);
  });
});

describe('lifecycle events', () => {
  it('applies conversation:assigned before telling listeners, then re-reads the loads once', async () => {
    const c = await connect();
    const seen: string[] = [];
    c.on('conversation:assigned', (event) => {
      seen.push(`${event.agentId} ${c.getSnapshot().conversations[event.conversation.id]?.status}`);
    });
    c.on('conversation:updated', (updated) => seen.push(`updated ${updated.status}`));

    const assigned = conversation('conv_1', { status: 'active', assigneeId: 'bo', updatedAt: at(2) });
    directory.agents = [presence('me'), presence('bo', { status: 'busy', load: 3 })];
    // The reference server sends `updated` and then `assigned` with the same snapshot.
    agents.emit('conversation:updated', assigned);
    agents.emit('conversation:assigned', { conversation: assigned, agentId: 'bo' });
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual(['updated active', 'bo active']);

    await waitFor(() => c.getSnapshot().agents.bo?.load === 3);
    expect(requests.filter((path) => path === '/v1/agents')).toHaveLength(2);
  });

  it('emits conversation:transferred and conversation:resolved with the server payload', async () => {
    const c = await connect();
    const transfers: unknown[] = [];
    const resolves: unknown[] = [];
    c.on('conversation:transferred', (event) => transfers.push(event));
    c.on('conversation:resolved', (event) => resolves.push(event));

    const moved = conversation('conv_1', { status: 'active', assigneeId: 'me', updatedAt: at(2) });
    const transfer = {
      conversation: moved,
      fromAgentId: 'bo',
      toAgentId: 'me',
      toQueueId: null,
      note: 'VIP',
    };
    agents.emit('conversation:transferred', transfer);
    const resolved = {
      ...moved,
      status: 'resolved' as const,
      resolveReason: 'solved' as const,
      updatedAt: at(3),
    };
    agents.emit('conversation:resolved', { conversation: resolved, reason: 'solved', note: null });
    await waitFor(() => resolves.length === 1);

    expect(transfers).toEqual([transfer]);
    expect(resolves).toEqual([{ conversation: resolved, reason: 'solved', note: null }]);
    expect(c.getSnapshot().conversations.conv_1?.status).toBe('resolved');
  });
});

describe('actions', () => {
  it('accept resolves with the acknowledged conversation and applies it', async () => {
    const c = await connect();
    const accepted = await c.accept('conv_1');
    expect(accepted).toMatchObject({ id: 'conv_1', status: 'active', assigneeId: 'me' });
    expect(c.getSnapshot().conversations.conv_1).toEqual(accepted);
  });

  it('rejects with the protocol code when the server refuses', async () => {
    const c = await connect();
    const refused = await c.accept('taken').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SwitchboardError);
    expect(refused).toMatchObject({ code: 'already_assigned' });
  });

  it('sends a transfer note only when there is one', async () => {
    const c = await connect();
    await c.transfer('conv_1', { queueId: SUPPORT.id });
    await c.transfer('conv_1', { agentId: 'bo' }, 'Needs billing');
    expect(received['conversation:transfer']).toEqual([
      { conversationId: 'conv_1', to: { queueId: SUPPORT.id } },
      { conversationId: 'conv_1', to: { agentId: 'bo' }, note: 'Needs billing' },
    ]);
  });

  it('setStatus updates your presence and state.agent from the ack', async () => {
    const c = await connect();
    const updated = await c.setStatus('busy');
    expect(updated.status).toBe('busy');
    expect(c.getSnapshot().agent?.status).toBe('busy');
    expect(c.getSnapshot().agents.me?.status).toBe('busy');
  });

  it('rejects with network while disconnected', async () => {
    const c = await connect();
    c.disconnect();
    await expect(c.setCapacity(3)).rejects.toMatchObject({ code: 'network' });
  });

  it('reads a timeline over REST', async () => {
    const c = await connect();
    await expect(c.timeline('conv_1')).resolves.toEqual([]);
    expect(requests).toContain('/v1/conversations/conv_1/timeline');
  });
});
