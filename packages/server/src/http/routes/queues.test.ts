import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentPresence, Queue } from '@switchboard/protocol';
import { startHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function send<T>(method: 'POST' | 'PATCH', path: string, body: unknown, token: string) {
  const response = await fetch(`${h.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T & { error?: { code: string } } };
}

describe('queue and agent administration', () => {
  it('lets an admin create a queue, change its members and strategy, and set agent skills', async () => {
    const admin = await h.agentSession();
    const [site] = (await h.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    const billing = await h.createAgent();
    const created = await send<Queue>(
      'POST',
      '/v1/queues',
      { siteId: site?.id, name: 'Billing', strategy: 'manual', memberIds: [billing.agent.id] },
      admin.token,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Billing',
      strategy: 'manual',
      memberIds: [billing.agent.id],
      waiting: 0,
    });

    const other = await h.createAgent();
    const patched = await send<Queue>(
      'PATCH',
      `/v1/queues/${created.body.id}`,
      { strategy: 'round_robin', memberIds: [billing.agent.id, other.agent.id] },
      admin.token,
    );
    expect(patched.body).toMatchObject({ strategy: 'round_robin' });
    expect([...patched.body.memberIds].sort()).toEqual([billing.agent.id, other.agent.id].sort());

    const skilled = await send<AgentPresence>(
      'PATCH',
      `/v1/agents/${billing.agent.id}`,
      { skills: ['billing', 'german'], capacity: 8 },
      admin.token,
    );
    expect(skilled.body).toMatchObject({ skills: ['billing', 'german'], capacity: 8 });
  });

  it('refuses non-admins, unknown agents and bad bodies, writing nothing', async () => {
    const admin = await h.agentSession();
    const [site] = (await h.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    const agent = await h.createAgent();
    const before = (await h.get<Queue[]>('/v1/queues', admin.token)).body.length;
    const asAgent = await send(
      'POST',
      '/v1/queues',
      { siteId: site?.id, name: 'X', strategy: 'manual' },
      agent.token,
    );
    expect(asAgent.status).toBe(403);
    const ghost = await send(
      'POST',
      '/v1/queues',
      { siteId: site?.id, name: 'X', strategy: 'manual', memberIds: ['nobody'] },
      admin.token,
    );
    expect(ghost.status).toBe(404);
    for (const bad of [
      { siteId: site?.id, name: '', strategy: 'manual' },
      { siteId: site?.id, name: 'X', strategy: 'random' },
    ]) {
      expect((await send('POST', '/v1/queues', bad, admin.token)).status).toBe(400);
    }
    expect((await h.get<Queue[]>('/v1/queues', admin.token)).body.length).toBe(before);
    expect((await send('PATCH', `/v1/agents/${agent.agent.id}`, {}, admin.token)).status).toBe(400);
    expect((await send('PATCH', `/v1/agents/${agent.agent.id}`, { capacity: 1 }, agent.token)).status).toBe(
      403,
    );
  });
});
