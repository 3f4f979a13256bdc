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
