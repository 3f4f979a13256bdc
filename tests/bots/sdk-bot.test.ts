// A bot written on the SDK (`createBotClient`, via the example FAQ bot) against the real server:
// it answers visitors, hands off on request, goes quiet once a person owns the conversation, and
// the server falls back to the queue when no bot is connected or the bot stays silent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBotClient,
  SwitchboardError,
  type AgentClient,
  type BotClient,
  type HandoffRequestedEvent,
  type HandoffTimedOutEvent,
  type VisitorClient,
} from '@switchboard/agent-sdk';
import { FAQ, startFaqBot, type FaqBot } from '@switchboard/example-bot';
import type { AgentSession, Message } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { agentClient, visitorClient } from '../support/clients.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

const REPLY_TIMEOUT_SECONDS = 2;
const reconnection = { minDelayMs: 100, maxDelayMs: 300 };

let server: TestServer;
let siteId: string;
let adminToken: string;
let botToken: string;
const cleanups: (() => void)[] = [];
const track = <T extends { disconnect(): void } | { close(): void }>(client: T): T => {
  cleanups.push(() => ('close' in client ? client.close() : client.disconnect()));
  return client;
};

/** A JSON request to the server's REST API; throws on anything but a 2xx. */
async function api<T>(method: string, path: string, body?: unknown, token = adminToken): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const issueBotToken = async () =>
  (await api<{ token: string }>('POST', `/v1/sites/${siteId}/bot/token`)).token;

beforeEach(async () => {
  server = await startServer({
    SWITCHBOARD_BOT_REPLY_TIMEOUT: String(REPLY_TIMEOUT_SECONDS),
    SWITCHBOARD_TIMER_POLL_MS: '50',
  });
  // What the example's README walks through: log in as the demo admin, find the site, give it
  // an SDK bot and a token.
  const session = await api<AgentSession>(
    'POST',
    '/v1/agent/sessions',
    { email: DEMO.agentEmail, password: DEMO.agentPassword },
    '',
  );
  adminToken = session.token;
  const sites = await api<{ id: string; siteKey: string }[]>('GET', '/v1/sites');
  const site = sites.find((s) => s.siteKey === DEMO.siteKey);
  if (!site) throw new Error('the demo site was not seeded');
  siteId = site.id;
  await api('PUT', `/v1/sites/${siteId}/bot`, { kind: 'sdk', name: 'FAQ bot' });
  botToken = await issueBotToken();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server.close();
});

async function startBot(): Promise<FaqBot> {
  return track(await startFaqBot({ serverUrl: server.url, token: botToken, reconnection }));
}

/** The demo agent, away so handed-off conversations wait in the queue for an explicit accept. */
async function awayAgent(): Promise<AgentClient> {
  const agent = track(agentClient(server.url));
  await agent.connect();
  await agent.setStatus('away');
  return agent;
}

const botSockets = () => server.switchboard.io.of('/bot').sockets.size;
const botMessages = (visitor: VisitorClient) =>
  visitor.getSnapshot().messages.filter((m) => m.authorKind === 'bot');

/** Sends as the visitor and waits for the bot's next message. */
async function ask(visitor: VisitorClient, text: string): Promise<Message> {
  const before = botMessages(visitor).length;
  await visitor.sendMessage(text);
  return waitFor(() => botMessages(visitor)[before], `the bot's answer to "${text}"`);
}

describe('an SDK bot', () => {
  it('answers a visitor’s question from its FAQ', async () => {
    await startBot();
    const visitor = track(visitorClient(server.url));

    const reply = await ask(visitor, 'How long does shipping take?');
    expect(reply).toMatchObject({
      authorKind: 'bot',
      text: FAQ.find((entry) => entry.id === 'shipping')?.text,
    });
    expect(reply.quickReplies.map((q) => q.label)).toContain('Talk to a human');
    expect(visitor.getSnapshot().conversation?.status).toBe('bot');
    // The server stored it too, in order after the question.
    const stored = await server.switchboard.store.messages.history(reply.conversationId, {
      afterSeq: 0,
      limit: 10,
      includeNotes: true,
    });
    expect(stored.items.map((m) => [m.authorKind, m.text])).toEqual([
      ['visitor', 'How long does shipping take?'],
      ['bot', reply.text],
    ]);
  });

  it('tells the visitor their message reached the bot, and the bot that its answer reached the visitor', async () => {
    await startBot();
    const visitor = track(visitorClient(server.url));
    const question = await visitor.sendMessage('How long does shipping take?');
    await waitFor(() => visitor.getSnapshot().deliveredToAgentSeq === question.seq, 'the bot’s receipt');
    expect(visitor.getSnapshot().readByAgentSeq).toBe(0);
    const reply = await waitFor(() => botMessages(visitor)[0], 'the answer');
    await waitFor(
      async () =>
        (await server.switchboard.store.conversations.byId(reply.conversationId))?.visitorDeliveredSeq ===
        reply.seq,
      'the visitor’s receipt',
    );
  });

  it('shares the work between two bot processes: each message goes to one of them, answered once', async () => {
    const handledBy: string[] = [];
    for (const name of ['first', 'second']) {
      const bot = await startBot();
      bot.client.onMessage(() => void handledBy.push(name));
    }
    const visitors = [0, 1, 2, 3].map(() => track(visitorClient(server.url)));
    const replies = await Promise.all(visitors.map((visitor) => ask(visitor, 'How do returns work?')));
    await waitFor(() => handledBy.length === visitors.length, 'every delivery to be handled');
    expect(new Set(handledBy)).toEqual(new Set(['first', 'second']));
    for (const [i, visitor] of visitors.entries()) expect(botMessages(visitor)).toEqual([replies[i]]);
  });

  it('gets a message sent while it was offline when it connects, and answers it', async () => {
    const visitor = track(visitorClient(server.url));
    await visitor.sendMessage('How do returns work?');
    // Connected well within the reply timeout: the delivery was kept for it.
    await startBot();
    const reply = await waitFor(() => botMessages(visitor)[0], 'the late bot to answer');
    expect(reply.text).toMatch(/return/i);
    await new Promise((resolve) => setTimeout(resolve, REPLY_TIMEOUT_SECONDS * 1000 + 300));
    expect(visitor.getSnapshot().conversation?.status).toBe('bot');
    expect(botMessages(visitor)).toHaveLength(1);
  });

  it('hands off when the visitor asks for a person, then stays muted while an agent owns the conversation', async () => {
    const bot = await startBot();
    const delivered: string[] = [];
    bot.client.onMessage((turn) => void delivered.push(turn.message.text));
    const agent = await awayAgent();
    const visitor = track(visitorClient(server.url));
    const requested = new Promise<HandoffRequestedEvent>((resolve) => agent.on('handoff:requested', resolve));

    const goodbye = await ask(visitor, 'Can I talk to a human, please?');
    expect(goodbye.text).toMatch(/connecting you/i);
    const { conversation, handoff } = await requested;
    expect(conversation).toMatchObject({ id: goodbye.conversationId, status: 'queued' });
    expect(handoff).toMatchObject({ reason: 'visitor_request' });
    expect(handoff.summary).toContain('Can I talk to a human, please?');
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'queued',
      'the visitor to see it queued',
    );

    const accepted = await agent.accept(conversation.id);
    expect(accepted.status).toBe('active');
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'active',
      'the visitor to see it active',
    );

    const bots = botMessages(visitor).length;
    const later = await visitor.sendMessage('How long does shipping take?');
    await waitFor(
      () => agent.getSnapshot().messages[conversation.id]?.some((m) => m.id === later.id),
      'the agent to see the message',
    );
    await server.switchboard.services.bots.idle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(botMessages(visitor)).toHaveLength(bots);
    expect(delivered).toEqual(['Can I talk to a human, please?']);

    const muted = await bot.client
      .reply(conversation.id, 'Shipping takes 2 to 4 days.')
      .catch((e: unknown) => e);
    expect(muted).toBeInstanceOf(SwitchboardError);
    expect(muted).toMatchObject({ code: 'bot_muted' });
  });

  it('hands off after two questions in a row it cannot answer', async () => {
    await startBot();
    const agent = await awayAgent();
    const visitor = track(visitorClient(server.url));
    const requested = new Promise<HandoffRequestedEvent>((resolve) => agent.on('handoff:requested', resolve));

    const miss = await ask(visitor, 'Is the blue one in stock?');
    expect(miss.text).toMatch(/didn't get that/);
    await ask(visitor, 'Do you sell gift cards?');
    const { handoff } = await requested;
    expect(handoff).toMatchObject({ reason: 'fallback_limit' });
    expect(handoff.summary).toContain('Is the blue one in stock?');
    expect(handoff.summary).toContain('Do you sell gift cards?');
  });

  it('answers again once an agent hands the conversation back', async () => {
    const bot = await startBot();
    const agent = await awayAgent();
    const visitor = track(visitorClient(server.url));
    const returned = new Promise<{ note: string | null }>((resolve) => bot.client.on('returned', resolve));

    const goodbye = await ask(visitor, 'I want a real person');
    await waitFor(() => visitor.getSnapshot().conversation?.status === 'queued', 'the handoff');
    await agent.accept(goodbye.conversationId);
    await agent.handBack(goodbye.conversationId, 'Only had a shipping question');
    expect((await returned).note).toBe('Only had a shipping question');

    const reply = await ask(visitor, 'How long does shipping take?');
    expect(reply.text).toBe(FAQ.find((entry) => entry.id === 'shipping')?.text);
  });
});

describe('without an SDK bot to answer', () => {
  it('sends the conversation to the queue after the reply timeout when no bot is connected, saying why', async () => {
    const bot = await startBot();
    bot.close();
    await waitFor(() => botSockets() === 0, 'the server to see the bot leave');
    const agent = await awayAgent();
    const visitor = track(visitorClient(server.url));
    const timedOut = new Promise<HandoffTimedOutEvent>((resolve) => agent.on('handoff:timed_out', resolve));

    const sent = await visitor.sendMessage('How long does shipping take?');
    const event = await timedOut;
    expect(event.conversation).toMatchObject({ id: sent.conversationId, status: 'queued' });
    expect(event.error).toMatch(/no sdk bot is connected/i);
    expect(event.handoff.reason).toBe('bot_timeout');
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'queued',
      'the visitor to see it queued',
    );
  });

  it('sends the conversation to the queue when the connected bot stays silent past the reply timeout', async () => {
    const silent = track(createBotClient({ serverUrl: server.url, token: botToken, reconnection }));
    await silent.connect();
    const agent = await awayAgent();
    const visitor = track(visitorClient(server.url));
    const timedOut = new Promise<HandoffTimedOutEvent>((resolve) => agent.on('handoff:timed_out', resolve));
    const startedAt = Date.now();

    const sent = await visitor.sendMessage('Hello?');
    const event = await timedOut;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(REPLY_TIMEOUT_SECONDS * 1000 - 100);
    expect(event.conversation).toMatchObject({ id: sent.conversationId, status: 'queued' });
    expect(event.error).toMatch(/did not answer within 2 s/);
    // Too late now: a person has the conversation.
    await expect(silent.reply(sent.conversationId, 'Hi!')).rejects.toMatchObject({ code: 'bot_muted' });
  });
});

describe('the bot token', () => {
  const connectWith = async (token: string): Promise<unknown> => {
    const client: BotClient = track(createBotClient({ serverUrl: server.url, token, reconnection }));
    return client.connect().then(
      () => null,
      (error: unknown) => error,
    );
  };

  it('is required: a made-up token is refused with unauthorized', async () => {
    const refused = await connectWith('sbb_nope_nope');
    expect(refused).toBeInstanceOf(SwitchboardError);
    expect(refused).toMatchObject({ code: 'unauthorized' });
    await expect(startFaqBot({ serverUrl: server.url, token: 'not-a-token' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('stops working once a new one is issued, and connected bots on it are cut off', async () => {
    const previous = botToken;
    const connected = track(createBotClient({ serverUrl: server.url, token: previous, reconnection }));
    await connected.connect();
    botToken = await issueBotToken();
    await waitFor(() => botSockets() === 0, 'the old bot to be disconnected');
    expect(await connectWith(previous)).toMatchObject({ code: 'unauthorized' });
    expect(await connectWith(botToken)).toBeNull();
  });

  it('is not an agent token', async () => {
    expect(await connectWith(adminToken)).toMatchObject({ code: 'unauthorized' });
  });
});
