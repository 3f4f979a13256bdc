// Handoff at the socket level: intervention, hand-back, and a bot that fails or stays silent.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ulid,
  type Conversation,
  type HandoffEvent,
  type Message,
  type MessagePage,
  type ProtocolError,
} from '@switchboard/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { closedPort, startReceiver, answer, type Receiver } from '../bots/webhook/test-receiver.js';
import { loadConfig } from '../config.js';
import { silentLogger } from '../lib/logger.js';
import { nextEvent, startHarness, type Harness, type VisitorSocket } from '../test-support/harness.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function harnessWith(env: Record<string, string> = {}) {
  const harness = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true', ...env }, { webhookBackoff: () => 10 });
  open.push(harness);
  const admin = await harness.agentSession();
  const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
  if (!site) throw new Error('no demo site');
  return { harness, admin, siteId: site.id };
}

async function visitorInBotChat(harness: Harness) {
  const { token } = await harness.visitorSession();
  const visitor = await harness.visitorSocket(token);
  const started = await visitor.emitWithAck('conversation:start', {});
  if (!started.ok) throw new Error('start failed');
  expect(started.data.status).toBe('bot');
  const say = async (text: string) => {
    const sent = await visitor.emitWithAck('message:send', {
      conversationId: started.data.id,
      clientMessageId: ulid(),
      text,
    });
    if (!sent.ok) throw new Error(`send failed: ${sent.error.message}`);
    await harness.switchboard.services.bots.idle();
    return sent.data;
  };
  return { visitor, token, conversationId: started.data.id, say };
}

async function history(harness: Harness, conversationId: string, token: string) {
  return (await harness.get<MessagePage>(`/v1/conversations/${conversationId}/messages?limit=200`, token))
    .body.items;
}

const statusOf = async (harness: Harness, id: string) =>
  (await harness.switchboard.store.conversations.byId(id))?.status;

describe('an agent intervening in a bot conversation', () => {
  it('takes it from the bot, which goes silent at once; handing it back lets the bot speak again', async () => {
    const { harness, admin } = await harnessWith();
    const agent = await harness.agentSocket(admin.token);
    const chat = await visitorInBotChat(harness);
    await chat.say('hello');
    const botCount = async () =>
      (await history(harness, chat.conversationId, admin.token)).filter((m) => m.authorKind === 'bot').length;
    expect(await botCount()).toBe(1);

    // Replying without taking over first is refused; an internal note is fine.
    const early = { conversationId: chat.conversationId, clientMessageId: ulid() };
    expect(await agent.emitWithAck('message:send', { ...early, text: 'Hi!' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await agent.emitWithAck('message:send', {
        ...early,
        clientMessageId: ulid(),
        text: 'VIP',
        kind: 'note',
      }),
    ).toMatchObject({ ok: true });

    const requested = nextEvent<HandoffEvent>(agent, 'handoff:requested');
    const accepted = nextEvent<HandoffEvent & { agentId: string }>(agent, 'handoff:accepted');
    const taken = await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.data).toMatchObject({ status: 'active', assigneeId: admin.agent.id });
    expect(taken.data.handoff).toMatchObject({ reason: 'agent_intervention' });
    expect(taken.data.handoff?.acceptedAt).not.toBeNull();
    expect((await requested).handoff.reason).toBe('agent_intervention');
    expect((await accepted).agentId).toBe(admin.agent.id);

    // The visitor keeps writing things the bot would answer; it does not.
    await chat.say('How long does shipping take?');
    await chat.say('hello?');
    expect(await botCount()).toBe(1);

    const returned = nextEvent<{ conversation: Conversation; agentId: string }>(agent, 'handoff:returned');
    const back = await agent.emitWithAck('conversation:hand_back', {
      conversationId: chat.conversationId,
      note: 'Order sorted',
    });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.data).toMatchObject({ status: 'bot', assigneeId: null, handoff: null });
    expect((await returned).agentId).toBe(admin.agent.id);
    await chat.say('How long does shipping take?');
    const last = (await history(harness, chat.conversationId, admin.token)).at(-1);
    expect(last).toMatchObject({ authorKind: 'bot' });
    expect(last?.text).toMatch(/ship/i);
    const types = (await harness.switchboard.store.timeline.list(chat.conversationId)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['assigned', 'handoff_returned']));
  });

  it('reopens into the bot when the customer writes after a resolve, and the bot answers', async () => {
    const { harness, admin } = await harnessWith();
    const agent = await harness.agentSocket(admin.token);
    const chat = await visitorInBotChat(harness);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const resolved = await agent.emitWithAck('conversation:resolve', {
      conversationId: chat.conversationId,
      reason: 'solved',
    });
    expect(resolved).toMatchObject({ ok: true, data: { status: 'resolved' } });
    await chat.say('One more thing: how do returns work?');
    expect(await statusOf(harness, chat.conversationId)).toBe('bot');
    const last = (await history(harness, chat.conversationId, admin.token)).at(-1);
    expect(last?.authorKind).toBe('bot');
    expect(last?.text).toMatch(/Returns are free/);
  });

  it('refuses a bot reply once a person owns the conversation', async () => {
    const { harness, admin, siteId } = await harnessWith();
    const agent = await harness.agentSocket(admin.token);
    const chat = await visitorInBotChat(harness);
    const token = (
      await harness.send<{ token: string }>('POST', `/v1/sites/${siteId}/bot/token`, {}, admin.token)
    ).body.token;
    const reply = (text: string) =>
      harness.send<Message | { error: ProtocolError }>(
        'POST',
        `/v1/conversations/${chat.conversationId}/messages`,
        { text, clientMessageId: ulid() },
        token,
      );
    expect((await reply('I can still talk')).status).toBe(201);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const muted = await reply('Me too?');
    expect(muted.status).toBe(409);
    expect(muted.body).toMatchObject({ error: { code: 'bot_muted' } });
    expect(
      (
        await harness.send(
          'POST',
          `/v1/conversations/${chat.conversationId}/messages`,
          { text: 'x', clientMessageId: ulid() },
          'sbb_nope_nope',
        )
      ).status,
    ).toBe(401);
  });

  it('will not hand back to a site without a bot', async () => {
    const harness = await startHarness();
    open.push(harness);
    const admin = await harness.agentSession();
    const agent = await harness.agentSocket(admin.token);
    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    await expect.poll(() => statusOf(harness, started.data.id)).toBe('active');
    const back = await agent.emitWithAck('conversation:hand_back', { conversationId: started.data.id });
    expect(back).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('a bot that fails or stays silent', () => {
  let receiver: Receiver | null = null;
  afterEach(async () => {
    await receiver?.close();
    receiver = null;
  });

  async function expectTimedOut(
    harness: Harness,
    chat: { conversationId: string; visitor: VisitorSocket },
    token: string,
    error: RegExp,
  ) {
    await expect.poll(() => statusOf(harness, chat.conversationId), { timeout: 5000 }).toBe('queued');
    const conversation = await harness.switchboard.store.conversations.byId(chat.conversationId);
    expect(conversation?.handoff).toMatchObject({ reason: 'bot_timeout' });
    expect(conversation?.handoff?.summary).toMatch(error);
    const agentView = await history(harness, chat.conversationId, token);
    expect(agentView.find((m) => m.kind === 'note')?.text).toMatch(error);
    const types = (await harness.switchboard.store.timeline.list(chat.conversationId)).map((e) => e.type);
    expect(types).toContain('handoff_timed_out');
  }

  it('hands the conversation to the queue when the webhook is unreachable, and says why', async () => {
    const { harness, admin, siteId } = await harnessWith();
    const agent = await harness.agentSocket(admin.token);
    await agent.emitWithAck('agent:set_status', { status: 'away' });
    const port = await closedPort();
    const put = await harness.send(
      'PUT',
      `/v1/sites/${siteId}/bot`,
      { kind: 'webhook', url: `http://127.0.0.1:${port}/bot`, maxAttempts: 2 },
      admin.token,
    );
    expect(put.status).toBe(200);
    const chat = await visitorInBotChat(harness);
    const timedOut = nextEvent<HandoffEvent & { error: string }>(agent, 'handoff:timed_out', 5000);
    await chat.say('hello');
    expect((await timedOut).error).toMatch(/ECONNREFUSED/);
    await expectTimedOut(harness, chat, admin.token, /ECONNREFUSED/);
    // The visitor is told a person is coming, and never sees the internal note.
    const seen = await history(harness, chat.conversationId, chat.token);
    expect(seen.some((m) => m.kind === 'note')).toBe(false);
    expect(seen.at(-1)?.authorKind).toBe('system');
    expect(seen.at(-1)?.text).toMatch(/connect you/);
  });

  it('hands the conversation to the queue when the bot never answers within the timeout', async () => {
    const { harness, admin, siteId } = await harnessWith({
      SWITCHBOARD_BOT_REPLY_TIMEOUT: '0.3',
      SWITCHBOARD_TIMER_POLL_MS: '50',
    });
    // Accepts every delivery ("I'll answer later") and never does.
    receiver = await startReceiver((_request, response) => answer(response, 202));
    await harness.send('PUT', `/v1/sites/${siteId}/bot`, { kind: 'webhook', url: receiver.url }, admin.token);
    const chat = await visitorInBotChat(harness);
    await chat.say('hello');
    await expectTimedOut(harness, chat, admin.token, /did not answer within/);
  });

  it('hands over after the timeout when an SDK bot site has no bot connected, and says so', async () => {
    const { harness, admin, siteId } = await harnessWith({
      SWITCHBOARD_BOT_REPLY_TIMEOUT: '0.3',
      SWITCHBOARD_TIMER_POLL_MS: '50',
    });
    await harness.send('PUT', `/v1/sites/${siteId}/bot`, { kind: 'sdk' }, admin.token);
    const chat = await visitorInBotChat(harness);
    await chat.say('hello');
    await expectTimedOut(harness, chat, admin.token, /No SDK bot is connected/);
  });
});

describe('bad bot config', () => {
  it('is refused over REST with the path of every problem', async () => {
    const { harness, admin, siteId } = await harnessWith();
    const bad = await harness.send<{ error: ProtocolError }>(
      'PUT',
      `/v1/sites/${siteId}/bot`,
      { kind: 'rules', greeting: { text: 'Hi' }, rules: [{ id: 'a', keywords: [], answer: 'x' }] },
      admin.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');
    expect(bad.body.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'rules.0.keywords' })]),
    );
    const webhook = await harness.send<{ error: ProtocolError }>(
      'PUT',
      `/v1/sites/${siteId}/bot`,
      { kind: 'webhook', url: 'ftp://x' },
      admin.token,
    );
    expect(webhook.status).toBe(400);
    // The bot in place is untouched.
    expect((await harness.switchboard.store.sites.byId(siteId))?.bot?.kind).toBe('rules');
  });

  it('stops the server at start with a message naming the file and the problem', async () => {
    const file = join(tmpdir(), `bad-bot-${ulid()}.yaml`);
    writeFileSync(
      file,
      'kind: rules\ngreeting:\n  text: Hi\nrules:\n  - id: a\n    keywords: []\n    answer: x\n',
    );
    const config = loadConfig({
      PORT: '0',
      SWITCHBOARD_DATABASE_PATH: ':memory:',
      SWITCHBOARD_SERVE_EXAMPLES: 'false',
      SWITCHBOARD_BOT_FILE: file,
    });
    await expect(createApp({ config, logger: silentLogger, staticRoots: null })).rejects.toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*rules\\.0\\.keywords`),
    );
  });
});
