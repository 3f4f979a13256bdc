import { describe, expect, it } from 'vitest';
import { inView, matchesConversationFilter } from './conversation-view.js';
import { ConversationListQuery } from './schemas/rest.js';
import type { Conversation } from './schemas/conversation.js';
import { conversationFixture } from './testing/conversation.js';

const base = conversationFixture();
const with_ = (patch: Partial<Conversation>): Conversation => ({ ...base, ...patch });

describe('inView', () => {
  it.each([
    ['mine', with_({}), 'a1', true],
    ['mine', with_({}), 'a2', false],
    ['mine', with_({}), null, false],
    ['mine', with_({ status: 'resolved' }), 'a1', false],
    ['queued', with_({ status: 'queued', assigneeId: null }), null, true],
    ['queued', with_({}), null, false],
    ['bot', with_({ status: 'bot', assigneeId: null }), null, true],
    ['all', with_({ status: 'pending' }), 'a2', true],
    ['all', with_({ status: 'abandoned' }), 'a2', false],
    ['closed', with_({ status: 'resolved' }), null, true],
    ['closed', with_({ status: 'abandoned' }), null, true],
    ['closed', with_({ status: 'bot' }), null, false],
  ] as const)('%s: %o for %s is %s', (view, conversation, agentId, expected) => {
    expect(inView(conversation, view, agentId)).toBe(expected);
  });
});

describe('matchesConversationFilter', () => {
  it('passes with no filter and narrows by each field', () => {
    expect(matchesConversationFilter(base, {}, null)).toBe(true);
    expect(matchesConversationFilter(base, { channel: 'whatsapp' }, null)).toBe(false);
    expect(matchesConversationFilter(base, { channel: 'web', priority: 'normal' }, null)).toBe(true);
    expect(matchesConversationFilter(base, { priority: 'urgent' }, null)).toBe(false);
    expect(matchesConversationFilter(base, { queueId: 'q2' }, null)).toBe(false);
    expect(matchesConversationFilter(base, { assigneeId: 'a1', status: 'active' }, null)).toBe(true);
    expect(matchesConversationFilter(base, { status: 'pending' }, null)).toBe(false);
  });

  it('takes createdFrom inclusive and createdTo exclusive', () => {
    expect(matchesConversationFilter(base, { createdFrom: base.createdAt }, null)).toBe(true);
    expect(matchesConversationFilter(base, { createdTo: base.createdAt }, null)).toBe(false);
    expect(
      matchesConversationFilter(
        base,
        { createdFrom: '2026-11-20T00:00:00.000Z', createdTo: '2026-11-21T00:00:00.000Z' },
        null,
      ),
    ).toBe(true);
  });
});

describe('ConversationListQuery', () => {
  it('accepts every filter from a query string', () => {
    const query = ConversationListQuery.parse({
      view: 'mine',
      channel: 'email',
      priority: 'high',
      createdFrom: '2026-11-01T00:00:00.000Z',
      q: '  Ada ',
      limit: '20',
    });
    expect(query).toMatchObject({ view: 'mine', channel: 'email', priority: 'high', q: 'Ada', limit: 20 });
  });

  it.each([
    [{ view: 'archived' }],
    [{ channel: 'fax' }],
    [{ createdFrom: 'yesterday' }],
    [{ q: '' }],
    [{ q: 'x'.repeat(201) }],
    [{ createdFrom: '2026-11-02T00:00:00.000Z', createdTo: '2026-11-01T00:00:00.000Z' }],
    [{ unknown: '1' }],
  ])('refuses %o', (input) => {
    expect(ConversationListQuery.safeParse(input).success).toBe(false);
  });
});
