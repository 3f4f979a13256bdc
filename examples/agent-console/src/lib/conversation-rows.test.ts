import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/factories.js';
import { conversationRows, unreadCount, type RowContext } from './conversation-rows.js';

function message(
  conversationId: string,
  seq: number,
  createdAt: string,
  overrides: Partial<Message> = {},
): Message {
  return {
    id: `${conversationId}-${seq}`,
    conversationId,
    clientMessageId: '01JXXXXXXXXXXXXXXXXXXXXXXX',
    seq,
    authorKind: 'visitor',
    authorId: null,
    kind: 'text',
    text: `message ${seq}`,
    quickReplies: [],
    cards: [],
    attachments: [],
    form: null,
    createdAt,
    ...overrides,
  };
}

const context: RowContext = { readMarks: {}, selectedId: null, selfId: 'me' };

describe('conversationRows', () => {
  it('orders by last activity, newest first, with the store order breaking ties', () => {
    const state = {
      conversations: {
        a: conversation('a', { lastSeq: 1, lastMessageAt: '2025-06-18T11:00:00.000Z' }),
        b: conversation('b', { lastSeq: 1, lastMessageAt: '2025-06-18T12:00:00.000Z' }),
        c: conversation('c', { updatedAt: '2025-06-18T09:00:00.000Z' }),
        d: conversation('d', { updatedAt: '2025-06-18T09:00:00.000Z' }),
      },
      conversationOrder: ['d', 'c', 'a', 'b'],
      messages: {},
    };
    expect(conversationRows(state, context).map((row) => row.conversation.id)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('moves a conversation up when a live message arrives before the conversation is updated', () => {
    const state = {
      conversations: {
        a: conversation('a', { lastSeq: 1, lastMessageAt: '2025-06-18T11:00:00.000Z' }),
        b: conversation('b', { lastSeq: 1, lastMessageAt: '2025-06-18T12:00:00.000Z' }),
      },
      conversationOrder: ['b', 'a'],
      messages: { a: [message('a', 2, '2025-06-18T13:00:00.000Z')] },
    };
    const rows = conversationRows(state, context);
    expect(rows.map((row) => row.conversation.id)).toEqual(['a', 'b']);
    expect(rows[0]).toMatchObject({ latestSeq: 2, lastActivityAt: '2025-06-18T13:00:00.000Z' });
    expect(rows[0]?.lastMessage?.text).toBe('message 2');
  });

  it('lists conversations the order does not know yet and skips ids without a conversation', () => {
    const state = {
      conversations: {
        a: conversation('a'),
        fresh: conversation('fresh', {
          createdAt: '2025-06-18T14:00:00.000Z',
          updatedAt: '2025-06-18T14:00:00.000Z',
        }),
      },
      conversationOrder: ['ghost', 'a'],
      messages: {},
    };
    expect(conversationRows(state, context).map((row) => row.conversation.id)).toEqual(['fresh', 'a']);
  });

  it('marks conversations with unseen messages unread, except the open one and my own last word', () => {
    const state = {
      conversations: {
        seen: conversation('seen', { lastSeq: 3 }),
        unseen: conversation('unseen', { lastSeq: 3 }),
        open: conversation('open', { lastSeq: 5 }),
        empty: conversation('empty'),
        mine: conversation('mine', { lastSeq: 1 }),
      },
      conversationOrder: [],
      messages: {
        mine: [message('mine', 2, '2025-06-18T10:05:00.000Z', { authorKind: 'agent', authorId: 'me' })],
      },
    };
    const rows = conversationRows(state, {
      readMarks: { seen: 3, unseen: 2, mine: 1 },
      selectedId: 'open',
      selfId: 'me',
    });
    const unread = Object.fromEntries(rows.map((row) => [row.conversation.id, row.unread]));
    expect(unread).toEqual({ seen: false, unseen: true, open: false, empty: false, mine: false });
    expect(unreadCount(rows)).toBe(1);
  });

  it("counts another agent's message as unread", () => {
    const state = {
      conversations: { a: conversation('a', { lastSeq: 1 }) },
      conversationOrder: ['a'],
      messages: {
        a: [message('a', 2, '2025-06-18T10:05:00.000Z', { authorKind: 'agent', authorId: 'colleague' })],
      },
    };
    expect(conversationRows(state, { ...context, readMarks: { a: 1 } })[0]?.unread).toBe(true);
  });
});
