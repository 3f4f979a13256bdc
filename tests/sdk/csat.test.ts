// CSAT through the SDK against the real server: the visitor client rates its resolved
// conversation, the agent client hears `conversation:rated`, and a reload keeps the rating.
import type { ConversationRatedEvent } from '@switchboard/agent-sdk';
import { describe, expect, it } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { stored } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();

/** A visitor whose conversation an online agent was routed, and then resolved. */
async function resolvedConversation(storage: MemoryStorage = memoryStorage()) {
  const visitor = t.visitor(storage);
  const { conversationId } = await visitor.sendMessage('Hi');
  const agent = t.agent();
  await agent.connect();
  await waitFor(
    () => agent.getSnapshot().conversations[conversationId]?.status === 'active',
    'routing to assign the conversation',
  );
  await agent.resolve(conversationId, 'solved');
  await waitFor(() => visitor.getSnapshot().conversation?.status === 'resolved', 'the visitor to see it');
  return { visitor, agent, conversationId };
}

describe('rating a resolved conversation', () => {
  it('updates both clients: the visitor from the ack, the agent from conversation:rated', async () => {
    const app = t.server.switchboard;
    const { visitor, agent, conversationId } = await resolvedConversation();
    const heard: ConversationRatedEvent[] = [];
    agent.on('conversation:rated', (event) => heard.push(event));

    const rated = await visitor.rate(4, ' Quick and kind ');
    expect(rated.csat).toMatchObject({ score: 4, comment: 'Quick and kind' });
    expect(visitor.getSnapshot().conversation).toEqual(rated);
    expect(await stored(app, conversationId)).toEqual(rated);

    await waitFor(() => heard.length > 0, 'conversation:rated');
    expect(heard).toEqual([{ conversation: rated, score: 4, comment: 'Quick and kind' }]);
    // The store had it before listeners heard.
    expect(agent.getSnapshot().conversations[conversationId]).toEqual(rated);

    // A retry is answered alike; a change of mind is refused.
    await expect(visitor.rate(4, 'Quick and kind')).resolves.toEqual(rated);
    await expect(visitor.rate(1)).rejects.toMatchObject({ code: 'conflict' });
    expect(visitor.getSnapshot().conversation).toEqual(rated);
  });

  it('refuses at once what the server would refuse, and a conversation that is still open', async () => {
    const visitor = t.visitor();
    await expect(visitor.rate(3)).rejects.toMatchObject({ code: 'not_found' });
    await visitor.sendMessage('Hi');
    await expect(visitor.rate(0)).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(visitor.rate(5, 'x'.repeat(1001))).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(visitor.rate(5)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps a rated conversation on screen after a reload', async () => {
    const storage = memoryStorage();
    const { visitor, conversationId } = await resolvedConversation(storage);
    const rated = await visitor.rate(5);
    visitor.disconnect();

    const reloaded = t.visitor(storage);
    await reloaded.connect();
    expect(reloaded.getSnapshot().conversation).toEqual(rated);
    expect(reloaded.getSnapshot().messages.map((m) => m.text)).toEqual(['Hi']);

    // Writing again reopens it, and the rating goes with the resolution it was for.
    const again = await reloaded.sendMessage('One more thing');
    expect(again.conversationId).toBe(conversationId);
    await waitFor(() => reloaded.getSnapshot().conversation?.status !== 'resolved', 'the reopen');
    expect((await stored(t.server.switchboard, conversationId)).csat).toBeNull();
  });
});
