// Timer-driven lifecycle with short test windows: inactivity, abandonment, agent offline grace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from '@switchboard/protocol';
import { startHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    SWITCHBOARD_AUTO_RESOLVE_AFTER: '1',
    SWITCHBOARD_ABANDON_AFTER: '1',
    SWITCHBOARD_AGENT_OFFLINE_AFTER: '1',
    SWITCHBOARD_TIMER_POLL_MS: '50',
  });
});
afterAll(() => h.close());

const status = async (id: string) => (await h.switchboard.store.conversations.byId(id))?.status;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('timers', () => {
  it('moves the inactivity deadline when the conversation was active meanwhile, then resolves', async () => {
    const agent = await h.agentSocket((await h.agentSession()).token);
    const visitor = await h.visitorSocket((await h.visitorSession()).token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const id = started.data.id;
    await expect.poll(() => status(id)).toBe('active');
    await visitor.emitWithAck('message:send', { conversationId: id, clientMessageId: ulid(), text: 'one' });
    await sleep(600);
    const two = await agent.emitWithAck('message:send', {
      conversationId: id,
      clientMessageId: ulid(),
      text: 'two',
    });
    if (!two.ok) throw new Error('send failed');
    // The first deadline (1 s after "one") comes while "two" is recent: the timer must move, not
    // resolve, and not give up either.
    await expect.poll(() => status(id), { timeout: 4000 }).toBe('resolved');
    const resolvedAt = Date.parse((await h.switchboard.store.conversations.byId(id))?.resolvedAt ?? '');
    expect(resolvedAt - Date.parse(two.data.createdAt)).toBeGreaterThanOrEqual(1000);
  });

  it('abandons a queued conversation whose visitor left, but not one whose visitor came back', async () => {
    const agent = await h.agentSocket((await h.agentSession()).token);
    await agent.emitWithAck('agent:set_status', { status: 'away' });
    const leaver = await h.visitorSession();
    const stayer = await h.visitorSession();
    let leaverSocket = await h.visitorSocket(leaver.token);
    const stayerSocket = await h.visitorSocket(stayer.token);
    const gone = await leaverSocket.emitWithAck('conversation:start', {});
    const kept = await stayerSocket.emitWithAck('conversation:start', {});
    if (!gone.ok || !kept.ok) throw new Error('start failed');

    leaverSocket.disconnect();
    stayerSocket.disconnect();
    // The stayer reloads the page within the grace period.
    await sleep(300);
    leaverSocket = await h.visitorSocket(stayer.token);
    await expect.poll(() => status(gone.data.id), { timeout: 3000 }).toBe('abandoned');
    expect(await status(kept.data.id)).toBe('queued');
    const abandoned = (await h.switchboard.store.timeline.list(gone.data.id)).find(
      (e) => e.type === 'abandoned',
    );
    expect(abandoned).toMatchObject({ actorKind: 'system', fromStatus: 'queued', toStatus: 'abandoned' });
    await agent.emitWithAck('agent:set_status', { status: 'available' });
  });

  it('takes an agent offline a grace period after their last socket closed, unless they return', async () => {
    const first = await h.createAgent();
    const second = await h.createAgent();
    const a = await h.agentSocket(first.token);
    let b = await h.agentSocket(second.token);
    const presence = async (agentId: string) => (await h.switchboard.store.agents.byId(agentId))?.status;
    await expect.poll(() => presence(first.agent.id)).toBe('available');
    a.disconnect();
    b.disconnect();
    await sleep(300);
    b = await h.agentSocket(second.token);
    await expect.poll(() => presence(first.agent.id), { timeout: 3000 }).toBe('offline');
    expect(await presence(second.agent.id)).toBe('available');
    b.disconnect();
  });
});

describe('the session timeout for bot chats', () => {
  it('ends an idle bot chat after its own, shorter window while an agent’s conversation stays open', async () => {
    const bots = await startHarness({
      SWITCHBOARD_SESSION_TIMEOUT: '1',
      SWITCHBOARD_AUTO_RESOLVE_AFTER: '60',
      SWITCHBOARD_TIMER_POLL_MS: '50',
      SWITCHBOARD_DEMO_BOT: 'true',
    });
    try {
      const agent = await bots.agentSocket((await bots.agentSession()).token);
      const start = async () => {
        const visitor = await bots.visitorSocket((await bots.visitorSession()).token);
        const started = await visitor.emitWithAck('conversation:start', {});
        if (!started.ok) throw new Error('start failed');
        expect(started.data.status).toBe('bot');
        return { visitor, id: started.data.id };
      };
      // One chat an agent took over from the bot, one the bot keeps.
      const owned = await start();
      expect((await agent.emitWithAck('conversation:accept', { conversationId: owned.id })).ok).toBe(true);
      const withBot = await start();
      for (const { visitor, id } of [owned, withBot]) {
        await visitor.emitWithAck('message:send', {
          conversationId: id,
          clientMessageId: ulid(),
          text: 'hello?',
        });
      }
      const statusOf = async (id: string) => (await bots.switchboard.store.conversations.byId(id))?.status;
      await expect.poll(() => statusOf(withBot.id), { timeout: 4000 }).toBe('resolved');
      expect(await statusOf(owned.id)).toBe('active');
    } finally {
      await bots.close();
    }
  });
});
