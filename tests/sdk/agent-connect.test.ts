// The agent client's login, token and inbox loading, against the real server.
import type { Agent, AgentSession } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { describe, expect, it, vi } from 'vitest';
import { agentSockets } from '../support/faults.js';
import { useServer } from '../support/sdk-fixture.js';
import { inboxMatchesServer, post, seedConversation } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const since = (mark: number) => t.server.requests.slice(mark);
/** Who an agent is; their status is live (connecting brings them online), so it is left out. */
const identity = (agent: Agent | null | undefined) =>
  agent && { id: agent.id, email: agent.email, name: agent.name, role: agent.role };

describe('connect', () => {
  it('logs in, opens the socket and loads the inbox, most recent activity first', async () => {
    const app = t.server.switchboard;
    const quiet = await seedConversation(app, 'old question');
    t.server.advanceTime(1000);
    const busy = await seedConversation(app, 'hello');
    t.server.advanceTime(1000);
    await post(app, busy.visitor, busy.id, 'anyone?');
    t.server.advanceTime(1000);
    const empty = await seedConversation(app);

    const agent = t.agent();
    await agent.connect();

    expect(agent.getSnapshot().connection).toBe('connected');
    expect(agent.getSnapshot().agent).toMatchObject({ email: DEMO.agentEmail, name: DEMO.agentName });
    const ids = [quiet.id, busy.id, empty.id];
    expect(Object.keys(agent.getSnapshot().conversations).sort()).toEqual([...ids].sort());
    // Routing hands the queued conversations to the agent as it comes online; the inbox follows.
    await waitFor(() => inboxMatchesServer(app, agent, ids), 'the inbox to match the server');
    // `empty` has no messages, so its own (latest) updatedAt counts as its activity.
    expect(agent.getSnapshot().conversationOrder).toEqual([empty.id, busy.id, quiet.id]);
    expect(t.server.requests[0]).toBe('POST /v1/agent/sessions');
    expect(t.server.requests).not.toContain('GET /v1/agent/me');
    expect(agentSockets(t.server)).toHaveLength(1);
  });

  it('accepts a ready-made token instead of credentials and learns whose it is', async () => {
    const app = t.server.switchboard;
    const session = await app.services.sessions.loginAgent(DEMO.agentEmail, DEMO.agentPassword);
    const conversation = await seedConversation(app, 'hi');
    const onSession = vi.fn();
    const agent = t.agent({ auth: { token: session.token }, onSession });
    await agent.connect();

    expect(agent.getSnapshot().connection).toBe('connected');
    expect(identity(agent.getSnapshot().agent)).toEqual(identity(session.agent));
    expect(Object.keys(agent.getSnapshot().conversations)).toEqual([conversation.id]);
    expect(t.server.requests[0]).toBe('GET /v1/agent/me');
    expect(t.server.requests.filter((r) => r === 'GET /v1/agent/me')).toHaveLength(1);
    expect(t.server.requests.some((r) => r.startsWith('POST'))).toBe(false);
    expect(onSession).not.toHaveBeenCalled();
  });

  it('hands the session of every login to onSession, so the app can keep the token', async () => {
    const sessions: AgentSession[] = [];
    const agent = t.agent({ onSession: (session) => sessions.push(session) });
    await agent.connect();
    expect(sessions).toHaveLength(1);
    expect(identity(sessions[0]!.agent)).toEqual(identity(agent.getSnapshot().agent));
    await expect(t.server.switchboard.services.sessions.authenticate(sessions[0]!.token)).resolves.toEqual({
      kind: 'agent',
      agentId: sessions[0]!.agent.id,
    });

    // The kept token is enough to connect again, knowing who the agent is.
    const mark = t.server.requests.length;
    const resumed = t.agent({ auth: { token: sessions[0]!.token } });
    await resumed.connect();
    expect(identity(resumed.getSnapshot().agent)).toEqual(identity(sessions[0]!.agent));
    expect(since(mark)[0]).toBe('GET /v1/agent/me');
    expect(sessions).toHaveLength(1);
  });

  it('still logs in when onSession throws', async () => {
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      thrown.push(error);
    };
    process.on('uncaughtException', onUncaught);
    try {
      const agent = t.agent({
        onSession: () => {
          throw new Error('storage full');
        },
      });
      await agent.connect();
      expect(agent.getSnapshot()).toMatchObject({ connection: 'connected', error: null });
      expect(agent.getSnapshot().agent?.email).toBe(DEMO.agentEmail);
      // The callback's error is rethrown from a microtask, so it is not lost either.
      await waitFor(() => thrown.length > 0, 'the rethrown error');
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(thrown).toMatchObject([{ message: 'storage full' }]);
  });
});

describe('refusals', () => {
  it('rejects wrong credentials and says so in the state', async () => {
    const onSession = vi.fn();
    const agent = t.agent({ auth: { email: DEMO.agentEmail, password: 'nope' }, onSession });
    await expect(agent.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(agent.getSnapshot()).toMatchObject({
      connection: 'disconnected',
      error: { code: 'unauthorized' },
      agent: null,
    });
    expect(t.server.requests).toEqual(['POST /v1/agent/sessions']);
    expect(agentSockets(t.server)).toEqual([]);
    expect(onSession).not.toHaveBeenCalled();
  });

  it('reports a refused token as a fatal error before opening the socket', async () => {
    const agent = t.agent({ auth: { token: 'v1.e30.forged' } });
    await expect(agent.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(agent.getSnapshot()).toMatchObject({
      connection: 'disconnected',
      error: { code: 'unauthorized' },
      agent: null,
    });
    expect(t.server.requests).toEqual(['GET /v1/agent/me']);
    expect(agentSockets(t.server)).toEqual([]);
  });

  it('refuses a visitor token', async () => {
    const session = await t.server.switchboard.services.sessions.createVisitorSession(
      { siteKey: DEMO.siteKey },
      undefined,
    );
    const agent = t.agent({ auth: { token: session.token } });
    await expect(agent.connect()).rejects.toMatchObject({ code: 'forbidden' });
    expect(agent.getSnapshot()).toMatchObject({
      connection: 'disconnected',
      error: { code: 'forbidden' },
      agent: null,
    });
    expect(agentSockets(t.server)).toEqual([]);
  });

  it('asks whose token it is again once connected when the first check could not reach the server', async () => {
    const session = await t.server.switchboard.services.sessions.loginAgent(
      DEMO.agentEmail,
      DEMO.agentPassword,
    );
    let checks = 0;
    const agent = t.agent({
      auth: { token: session.token },
      fetch: (input, init) => {
        const url = input instanceof Request ? input.url : input.toString();
        // The first check fails as if the server were unreachable.
        if (url.endsWith('/v1/agent/me') && ++checks === 1)
          return Promise.reject(new TypeError('fetch failed'));
        return globalThis.fetch(input, init);
      },
    });
    await agent.connect();
    expect(checks).toBe(2);
    expect(agent.getSnapshot()).toMatchObject({ connection: 'connected', error: null });
    expect(identity(agent.getSnapshot().agent)).toEqual(identity(session.agent));
    expect(t.server.requests.filter((r) => r === 'GET /v1/agent/me')).toHaveLength(1);
  });
});
