// Acceptance: cards from a webhook bot's response are stored and reach the visitor; a bot cannot
// post a card with a dangerous URL over REST.
import { ulid, type Message, type MessagePage, type SiteBot } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/harness.js';
import { answer, startReceiver, type Receiver } from './test-receiver.js';

let harness: Harness;
let receiver: Receiver | null = null;

beforeEach(async () => {
  harness = await startHarness({ SWITCHBOARD_BOT_REPLY_TIMEOUT: '10' }, { webhookBackoff: () => 20 });
});
afterEach(async () => {
  await receiver?.close();
  receiver = null;
  await harness.close();
});

const CARDS = [
  {
    title: 'Ridge 2P tent',
    subtitle: 'Three seasons',
    imageUrl: 'https://shop.example/tent.png',
    price: '€249',
    url: 'https://shop.example/tents',
  },
  { title: 'Trail 38 pack', imageUrl: '/images/trail-38-pack.svg', url: '/#packs' },
];

async function webhookBotSite(): Promise<{ siteId: string; adminToken: string }> {
  const admin = await harness.agentSession();
  const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
  if (!site) throw new Error('no demo site');
  receiver = await startReceiver((_request, response) => {
    answer(response, 200, JSON.stringify({ replies: [{ text: 'Our bestsellers:', cards: CARDS }] }), {
      'content-type': 'application/json',
    });
  });
  const configured = await harness.send<SiteBot>(
    'PUT',
    `/v1/sites/${site.id}/bot`,
    { kind: 'webhook', url: receiver.url, maxAttempts: 1, timeoutMs: 2000 },
    admin.token,
  );
  expect(configured.status).toBe(200);
  return { siteId: site.id, adminToken: admin.token };
}

describe('cards from a webhook bot', () => {
  it('are stored with the reply and delivered to the visitor', async () => {
    const { adminToken } = await webhookBotSite();
    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    const delivered: Message[] = [];
    visitor.on('message:created', (message: Message) => delivered.push(message));
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const sent = await visitor.emitWithAck('message:send', {
      conversationId: started.data.id,
      clientMessageId: ulid(),
      text: 'What do you sell?',
    });
    if (!sent.ok) throw new Error('send failed');

    await expect
      .poll(() => delivered.find((m) => m.authorKind === 'bot')?.cards, { timeout: 5000 })
      .toEqual(CARDS);
    const { body: history } = await harness.get<MessagePage>(
      `/v1/conversations/${started.data.id}/messages`,
      adminToken,
    );
    const bot = history.items.filter((m) => m.authorKind === 'bot');
    expect(bot.map((m) => m.cards)).toEqual([CARDS]);
    // Messages without cards carry an empty list, never undefined.
    expect(history.items.find((m) => m.authorKind === 'visitor')?.cards).toEqual([]);
  });

  it('refuses a bot reply whose card links to javascript: or shows a data: image (400)', async () => {
    const admin = await harness.agentSession();
    const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    if (!site) throw new Error('no demo site');
    await harness.send('PUT', `/v1/sites/${site.id}/bot`, { kind: 'sdk' }, admin.token);
    const botToken = (
      await harness.send<{ token: string }>('POST', `/v1/sites/${site.id}/bot/token`, {}, admin.token)
    ).body.token;
    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');

    const post = (card: Record<string, string>) =>
      harness.send(
        'POST',
        `/v1/conversations/${started.data.id}/messages`,
        { text: 'Look', cards: [card], clientMessageId: ulid() },
        botToken,
      );
    expect((await post({ title: 'X', url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await post({ title: 'X', imageUrl: 'data:image/svg+xml,<svg/>' })).status).toBe(400);
    expect((await post({ title: 'X', imageUrl: 'http://shop.example/x.png' })).status).toBe(400);
    const ok = await harness.send<Message>(
      'POST',
      `/v1/conversations/${started.data.id}/messages`,
      { text: 'Look', cards: [CARDS[0]], clientMessageId: ulid() },
      botToken,
    );
    expect(ok.status).toBe(201);
    expect(ok.body.cards).toEqual([CARDS[0]]);
  });
});
