import type { PendingMessage } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { message as storedMessage } from '../testing/factories.js';
import { currentQuickReplies } from './current-quick-replies.js';

/** Bot messages unless said otherwise. */
const message = (overrides: Partial<Message> = {}): Message =>
  storedMessage({ authorKind: 'bot', authorId: 'bot1', ...overrides });

const shipping = { label: 'Shipping', value: 'How long does shipping take?' };
const human = { label: 'Talk to a human', value: 'Talk to a human' };

const pending: PendingMessage = {
  clientMessageId: 'PENDING0000000000000000001',
  conversationId: 'c1',
  text: 'Shipping?',
  kind: 'text',
  attachments: [],
  createdAt: '2025-01-01T10:00:01.000Z',
  attempts: 0,
  error: null,
};

describe('currentQuickReplies', () => {
  it("offers the latest bot message's replies", () => {
    const older = message({ quickReplies: [shipping] });
    const latest = message({ quickReplies: [human] });
    expect(currentQuickReplies([older, message({ authorKind: 'visitor' }), latest], [], 'bot')).toBe(latest);
  });

  it('offers nothing once the visitor has written after it, even before the server has it', () => {
    const bot = message({ quickReplies: [shipping] });
    expect(currentQuickReplies([bot, message({ authorKind: 'visitor' })], [], 'bot')).toBeNull();
    expect(currentQuickReplies([bot], [pending], 'bot')).toBeNull();
  });

  it("never falls back to an older message's replies", () => {
    const withReplies = message({ quickReplies: [shipping] });
    expect(currentQuickReplies([withReplies, message({ quickReplies: [] })], [], 'bot')).toBeNull();
  });

  it('looks past system notices, but not past an agent', () => {
    const bot = message({ quickReplies: [shipping] });
    const notice = message({ authorKind: 'system', authorId: null });
    expect(currentQuickReplies([bot, notice], [], 'bot')).toBe(bot);
    expect(
      currentQuickReplies([bot, message({ authorKind: 'agent', authorId: 'a1' })], [], 'bot'),
    ).toBeNull();
  });

  it('offers nothing once a person has the conversation, or without one', () => {
    const bot = message({ quickReplies: [shipping] });
    expect(currentQuickReplies([bot], [], 'queued')).toBeNull();
    expect(currentQuickReplies([bot], [], 'active')).toBeNull();
    expect(currentQuickReplies([], [], undefined)).toBeNull();
  });
});
