import { describe, expect, it } from 'vitest';
import type { Contact, Conversation, Message } from '@switchboard/protocol';
import { RulesBotConfig } from '@switchboard/protocol/schemas';
import type { BotTurnContext } from '../types.js';
import { createRulesBot } from './adapter.js';

const NOW = '2026-01-05T09:00:00.000Z';

const config = RulesBotConfig.parse({
  kind: 'rules',
  name: 'Shop bot',
  greeting: { text: 'Hello!' },
  rules: [{ id: 'returns', keywords: ['refund'], answer: 'Refunds take 5 days.' }],
});

const conversation: Conversation = {
  id: 'c1',
  siteId: 's1',
  contactId: 'k1',
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
  lastMessageAt: NOW,
  createdAt: NOW,
  updatedAt: NOW,
};

const contact: Contact = {
  id: 'k1',
  siteId: 's1',
  externalId: null,
  name: null,
  email: null,
  phone: null,
  avatarUrl: null,
  attributes: {},
  preChat: null,
  createdAt: NOW,
};

function context(text: string, state: unknown): BotTurnContext {
  const message: Message = {
    id: 'm1',
    conversationId: conversation.id,
    clientMessageId: '01JGZ0000000000000000000AA',
    seq: 1,
    authorKind: 'visitor',
    authorId: null,
    kind: 'text',
    text,
    quickReplies: [],
    cards: [],
    attachments: [],
    form: null,
    createdAt: NOW,
  };
  return {
    deliveryId: message.id,
    conversation,
    message,
    contact,
    state,
    signal: new AbortController().signal,
  };
}

describe('rules bot adapter', () => {
  it('answers at once and returns the state for the next turn', async () => {
    const bot = createRulesBot(config);
    expect(bot).toMatchObject({ kind: 'rules', name: 'Shop bot' });
    const first = await bot.handle(context('hi', null));
    expect(first).toMatchObject({ kind: 'answered', decision: { replies: [{ text: 'Hello!' }] } });
    if (first.kind !== 'answered') throw new Error('expected an answer');
    const second = await bot.handle(context('I want a refund', first.state));
    expect(second).toMatchObject({ kind: 'answered', state: { turns: 2, topics: ['returns'] } });
  });

  it('starts afresh from a state it does not recognise', async () => {
    const bot = createRulesBot(config);
    for (const state of [{ misses: 'lots' }, 'garbage', 42, { turns: 3 }]) {
      const outcome = await bot.handle(context('hi', state));
      expect(outcome).toMatchObject({ kind: 'answered', state: { turns: 1, misses: 0, pending: null } });
    }
  });
});
