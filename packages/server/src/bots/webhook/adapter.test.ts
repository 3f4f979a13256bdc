import type { Contact, Conversation, Message } from '@switchboard/protocol';
import { WebhookBotConfig } from '@switchboard/protocol/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { BotFailure, type BotTurnContext } from '../types.js';
import { createWebhookBot } from './adapter.js';
import { verifySignature } from './signature.js';
import { answer, header, startReceiver, type Receiver, type Respond } from './test-receiver.js';

const SECRET = 'whsec_adapter';
const AT = '2025-01-01T00:00:00.000Z';

const conversation: Conversation = {
  id: 'conv_1',
  siteId: 'site_1',
  contactId: 'contact_1',
  channel: 'web',
  status: 'bot',
  priority: 'normal',
  queueId: null,
  assigneeId: null,
  requiredSkills: [],
  queuedAt: null,
  assignedAt: null,
  resolvedAt: null,
  resolveReason: null,
  handoff: null,
  csat: null,
  lastSeq: 1,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  visitorDeliveredSeq: 0,
  agentDeliveredSeq: 0,
  tags: [],
  labelIds: [],
  lastMessageAt: AT,
  createdAt: AT,
  updatedAt: AT,
};
const message: Message = {
  id: 'msg_1',
  conversationId: 'conv_1',
  clientMessageId: '01JCLIENT00000000000000000',
  seq: 1,
  authorKind: 'visitor',
  authorId: 'contact_1',
  kind: 'text',
  text: 'Where is my order?',
  quickReplies: [],
  cards: [],
  attachments: [],
  form: null,
  createdAt: AT,
};
const contact: Contact = {
  id: 'contact_1',
  siteId: 'site_1',
  externalId: null,
  name: 'Ada',
  email: null,
  phone: null,
  avatarUrl: null,
  attributes: {},
  preChat: null,
  createdAt: AT,
};

let receiver: Receiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A webhook bot in front of a receiver that answers with `respond`. */
async function botAnswering(respond: Respond, config: Partial<WebhookBotConfig> = {}) {
  receiver = await startReceiver(respond);
  const bot = createWebhookBot(
    WebhookBotConfig.parse({ kind: 'webhook', name: 'Order bot', url: receiver.url, ...config }),
    { secret: SECRET, backoff: () => 0 },
  );
  const context: BotTurnContext = {
    deliveryId: message.id,
    conversation,
    message,
    contact,
    state: null,
    signal: new AbortController().signal,
  };
  return { bot, context, receiver };
}

const json =
  (body: unknown): Respond =>
  (_req, res) =>
    answer(res, 200, JSON.stringify(body), { 'content-type': 'application/json' });

describe('createWebhookBot', () => {
  it('POSTs message.created, signed, with the conversation, message and contact', async () => {
    const { bot, context, receiver } = await botAnswering((_req, res) => answer(res, 202));

    await bot.handle(context);

    expect(bot).toMatchObject({ kind: 'webhook', name: 'Order bot' });
    const [received] = receiver.requests;
    if (!received) throw new Error('expected a request');
    expect(received.headers).toMatchObject({
      'x-switchboard-event': 'message.created',
      'x-switchboard-delivery': 'msg_1',
    });
    const signed = verifySignature(
      SECRET,
      header(received, 'x-switchboard-timestamp'),
      received.rawBody,
      header(received, 'x-switchboard-signature'),
    );
    expect(signed).toBe(true);
    expect(JSON.parse(received.rawBody.toString('utf8'))).toEqual({
      deliveryId: 'msg_1',
      event: 'message.created',
      conversation,
      message,
      contact,
    });
  });

  it.each([
    ['202', 202, '{"accepted":true}'],
    ['204', 204, ''],
    ['an empty 200', 200, ''],
    ['a blank 200', 200, ' \n'],
  ])('defers on %s: the bot answers later over REST', async (_label, status, body) => {
    const { bot, context } = await botAnswering((_req, res) => answer(res, status, body));
    await expect(bot.handle(context)).resolves.toEqual({ kind: 'deferred' });
  });

  it('maps a JSON turn to a decision, filling the defaults', async () => {
    const { bot, context } = await botAnswering(
      json({
        replies: [
          { text: 'Let me check.' },
          { text: 'Anything else?', quickReplies: [{ label: 'No', value: 'no' }] },
        ],
        collected: { orderNumber: 'A-1001' },
        handoff: { queueId: 'queue_billing' },
      }),
    );

    await expect(bot.handle(context)).resolves.toEqual({
      kind: 'answered',
      decision: {
        replies: [
          { text: 'Let me check.', quickReplies: [], cards: [] },
          { text: 'Anything else?', quickReplies: [{ label: 'No', value: 'no' }], cards: [] },
        ],
        collected: { orderNumber: 'A-1001' },
        handoff: { reason: 'bot_decision', summary: '', queueId: 'queue_billing' },
      },
    });
  });

  it('answers with nothing to say when the turn is empty', async () => {
    const { bot, context } = await botAnswering(json({}));
    await expect(bot.handle(context)).resolves.toEqual({ kind: 'answered', decision: { replies: [] } });
  });

  it('names the path of a body that breaks the BotTurn schema', async () => {
    const { bot, context, receiver } = await botAnswering(json({ replies: [{ text: '   ' }] }));

    const failure = bot.handle(context);

    await expect(failure).rejects.toBeInstanceOf(BotFailure);
    await expect(failure).rejects.toThrow(
      `The bot at ${receiver.url} answered with an invalid body: replies.0.text: must not be blank`,
    );
  });

  it('reports a body that is not JSON', async () => {
    const { bot, context } = await botAnswering((_req, res) => answer(res, 200, '<html>OK</html>'));
    await expect(bot.handle(context)).rejects.toThrow(/answered with an invalid body: not JSON \(/);
  });

  it('retries a failing bot, then reports it', async () => {
    const { bot, context, receiver } = await botAnswering((_req, res) => answer(res, 503), {
      maxAttempts: 2,
    });

    await expect(bot.handle(context)).rejects.toThrow(
      `POST ${receiver.url} failed after 2 attempts: 503 Service Unavailable`,
    );
    expect(receiver.requests.map((r) => header(r, 'x-switchboard-delivery'))).toEqual(['msg_1', 'msg_1']);
  });
});
