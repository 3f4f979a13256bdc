// The visitor client learns who answers: the profiles of the assignee and of every agent whose
// message is on screen, from the real server, once each.
import { DEMO } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { demoAgent, post } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();

describe('agent profiles', () => {
  it('names the agent who replies, with their picture, and again after a reload', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    const mine = await visitor.sendMessage('Hello?');
    const agent = await demoAgent(app);
    if (agent.kind !== 'agent') throw new Error('not an agent');
    await post(app, agent, mine.conversationId, 'Hi, Ada here');

    const profile = { id: agent.agentId, name: DEMO.agentName, avatarUrl: '/images/ada.svg' };
    await waitFor(() => visitor.getSnapshot().agents[agent.agentId], 'the agent profile');
    expect(visitor.getSnapshot().agents).toEqual({ [agent.agentId]: profile });

    visitor.disconnect();
    const reloaded = t.visitor(storage);
    await reloaded.connect();
    await waitFor(() => reloaded.getSnapshot().agents[agent.agentId], 'the profile after a reload');
    expect(reloaded.getSnapshot().agents[agent.agentId]).toEqual(profile);
  });
});

describe('an agent’s own profile', () => {
  it('is changed from the agent client, and the visitor sees the new name', async () => {
    const agent = t.agent();
    await agent.connect();
    const updated = await agent.updateProfile({ name: 'Ada L.', avatarUrl: null });
    expect(updated).toMatchObject({ name: 'Ada L.', avatarUrl: null });
    expect(agent.getSnapshot().agent).toMatchObject({ name: 'Ada L.', avatarUrl: null });
    await expect(agent.updateProfile({ avatarUrl: 'http://insecure.test/a.png' })).rejects.toMatchObject({
      code: 'invalid_payload',
    });

    const visitor = t.visitor();
    const mine = await visitor.sendMessage('Hi');
    const me = agent.getSnapshot().agent;
    if (!me) throw new Error('no agent');
    await agent.sendMessage(mine.conversationId, 'Hello');
    await waitFor(() => visitor.getSnapshot().agents[me.id], 'the agent profile');
    expect(visitor.getSnapshot().agents[me.id]).toEqual({ id: me.id, name: 'Ada L.', avatarUrl: null });
  });
});
