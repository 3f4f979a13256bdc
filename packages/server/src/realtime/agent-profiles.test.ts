import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Agent, type AgentPresence, type PublicAgentProfile } from '@switchboard/protocol';
import { startHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const profiles = async (agentIds: unknown) => {
  const visitor = await h.visitorSocket((await h.visitorSession()).token);
  try {
    return await (visitor.emitWithAck as (event: string, payload: unknown) => Promise<unknown>)(
      'agents:profiles',
      { agentIds },
    );
  } finally {
    visitor.disconnect();
  }
};

describe('agent profiles', () => {
  it('an agent sets the name and picture visitors see; visitors get only those', async () => {
    const session = await h.createAgent();
    const updated = await h.send<AgentPresence>(
      'PATCH',
      '/v1/agent/me',
      { name: 'Grace H.', avatarUrl: 'https://cdn.example.com/grace.png' },
      session.token,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Grace H.', avatarUrl: 'https://cdn.example.com/grace.png' });

    const ack = await profiles([session.agent.id, ulid()]);
    expect(ack).toEqual({
      ok: true,
      data: [{ id: session.agent.id, name: 'Grace H.', avatarUrl: 'https://cdn.example.com/grace.png' }],
    });
  });

  it('refuses a picture that is not https and an empty change', async () => {
    const { token } = await h.createAgent();
    for (const body of [{ avatarUrl: 'javascript:alert(1)' }, { avatarUrl: 'http://x.test/a.png' }, {}]) {
      const response = await h.send<{ error: { code: string } }>('PATCH', '/v1/agent/me', body, token);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_payload');
    }
    const me = await h.get<Agent>('/v1/agent/me', token);
    expect(me.body.avatarUrl).toBeNull();
  });

  it('never hands visitors an unsafe picture stored before validation, nor an email', async () => {
    const session = await h.createAgent();
    await h.switchboard.store.agents.update(session.agent.id, {
      avatarUrl: 'data:image/svg+xml,<svg onload=x>',
    });
    const ack = (await profiles([session.agent.id])) as { ok: true; data: PublicAgentProfile[] };
    expect(ack.data).toEqual([{ id: session.agent.id, name: session.agent.name, avatarUrl: null }]);
    expect(JSON.stringify(ack)).not.toContain('@');
  });

  it('refuses a malformed or oversized request with an ack error', async () => {
    for (const agentIds of [[], 'x', Array.from({ length: 21 }, () => ulid())]) {
      expect(await profiles(agentIds)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
  });
});
