// Lifecycle, queues and routing through the SDK, against the real server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgentClient, type AgentClient, type SwitchboardError } from '@switchboard/agent-sdk';
import { hashPasswordSync } from '@switchboard/server';
import { agentClient, visitorClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
const cleanups: (() => void)[] = [];
const track = <T extends { disconnect(): void }>(client: T) => (
  cleanups.push(() => client.disconnect()),
  client
);
const PASSWORD_HASH = hashPasswordSync('password');
let agents = 0;

// A fresh server per test: disconnected agents stay `available` through their offline grace
// period, so one test's agents would otherwise be routed the next test's conversations.
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server.close();
});

/** A second agent in the demo site's default queue, connected through the SDK. */
async function anotherAgent(capacity = 3): Promise<AgentClient> {
  const store = server.switchboard.store;
  const email = `sdk-agent-${(agents += 1)}@example.com`;
  const agent = await store.agents.create({
    email,
    name: `Agent ${agents}`,
    role: 'agent',
    capacity,
    passwordHash: PASSWORD_HASH,
  });
  const site = await store.sites.byKey('pk_demo_switchboard');
  const queue = site && (await store.queues.defaultForSite(site.id));
  if (queue) await store.queues.addMember(queue.id, agent.id);
  const client = track(createAgentClient({ serverUrl: server.url, auth: { email, password: 'password' } }));
  await client.connect();
  return client;
}

describe('the agent SDK’s lifecycle actions', () => {
  it('routes a new conversation to the available agent, who transfers it with a note and resolves it', async () => {
    const ada = track(agentClient(server.url));
    await ada.connect();
    const bo = await anotherAgent();
    // Bo steps away so routing picks Ada.
    await bo.setStatus('away');
    const visitor = track(visitorClient(server.url));
    const sent = await visitor.sendMessage('My parcel never arrived');
    const adaId = ada.getSnapshot().agent?.id;
    await waitFor(
      () => ada.getSnapshot().conversations[sent.conversationId]?.assigneeId === adaId,
      'routing to Ada',
    );

    await bo.setStatus('available');
    const notice = new Promise<{ note: string | null }>((resolve) =>
      bo.on('conversation:transferred', resolve),
    );
    const boId = bo.getSnapshot().agent?.id ?? '';
    const transferred = await ada.transfer(
      sent.conversationId,
      { agentId: boId },
      'Refund approved, please follow up',
    );
    expect(transferred).toMatchObject({ assigneeId: boId, status: 'active' });
    expect((await notice).note).toBe('Refund approved, please follow up');

    const resolved = await bo.resolve(sent.conversationId, 'solved', 'Refunded');
    expect(resolved).toMatchObject({ status: 'resolved', resolveReason: 'solved' });
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'resolved',
      'the visitor to see it resolved',
    );

    const timeline = await ada.timeline(sent.conversationId);
    expect(timeline.map((e) => e.type)).toEqual(['created', 'assigned', 'transferred', 'resolved']);
    expect(timeline.find((e) => e.type === 'resolved')?.data).toMatchObject({
      reason: 'solved',
      note: 'Refunded',
    });
  });

  it('reports a lost race as already_assigned', async () => {
    const ada = track(agentClient(server.url));
    await ada.connect();
    const bo = await anotherAgent();
    await ada.setStatus('away');
    await bo.setStatus('away');
    const visitor = track(visitorClient(server.url));
    const sent = await visitor.sendMessage('Anyone?');
    const [first, second] = await Promise.allSettled([
      ada.accept(sent.conversationId),
      bo.accept(sent.conversationId),
    ]);
    const outcomes = [first, second].map((r) =>
      r.status === 'fulfilled' ? 'ok' : (r.reason as SwitchboardError).code,
    );
    expect(outcomes.sort()).toEqual(['already_assigned', 'ok']);
    await ada.setStatus('available');
  });

  it('shows queues and every agent’s status and load', async () => {
    const ada = track(agentClient(server.url));
    await ada.connect();
    const queues = await ada.listQueues();
    expect(queues.map((q) => q.name)).toContain('General');
    const presence = await ada.listAgents();
    const me = presence.find((a) => a.id === ada.getSnapshot().agent?.id);
    expect(me).toMatchObject({ status: 'available' });
    expect(typeof me?.load).toBe('number');
    await ada.setCapacity(7);
    await waitFor(() => ada.getSnapshot().agent?.capacity === 7, 'the new capacity in state');
  });
});

describe('the visitor SDK’s queue position', () => {
  it('follows the visitor’s place as the queue moves, and clears when an agent takes over', async () => {
    const ada = track(agentClient(server.url));
    await ada.connect();
    await ada.setStatus('away');
    const first = track(visitorClient(server.url));
    const second = track(visitorClient(server.url));
    const a = await first.sendMessage('first in line');
    await second.sendMessage('second in line');
    await waitFor(() => second.getSnapshot().queuePosition?.position === 2, 'position 2');

    await ada.accept(a.conversationId);
    const moved = await waitFor(() => {
      const position = second.getSnapshot().queuePosition;
      return position?.position === 1 ? position : undefined;
    }, 'position 1');
    // One wait is on record now, so there is an estimate.
    expect(moved.estimatedWaitSeconds).not.toBeNull();

    await ada.setStatus('available');
    await waitFor(() => second.getSnapshot().conversation?.status === 'active', 'an agent to take it');
    expect(second.getSnapshot().queuePosition).toBeNull();
  });
});
