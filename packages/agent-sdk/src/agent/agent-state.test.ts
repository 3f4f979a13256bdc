import { describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/factories.js';
import { initialAgentState, mergeConversationMessages, upsertConversations } from './agent-state.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

describe('upsertConversations', () => {
  it('orders by last message, falling back to updatedAt for conversations without one', () => {
    const { patch, added } = upsertConversations(initialAgentState(), [
      conversation('a', { lastMessageAt: at(5), updatedAt: at(5) }),
      conversation('b', { lastMessageAt: null, updatedAt: at(7) }),
      conversation('c', { lastMessageAt: at(9), updatedAt: at(9) }),
      // Assigned recently, but its last message is old: activity is the message.
      conversation('d', { lastMessageAt: at(1), updatedAt: at(10) }),
    ]);
    expect(patch.conversationOrder).toEqual(['c', 'b', 'a', 'd']);
    expect(added.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the newer snapshot when an older one arrives late', () => {
    const state = {
      ...initialAgentState(),
      ...upsertConversations(initialAgentState(), [conversation('a', { status: 'active', updatedAt: at(5) })])
        .patch,
    };
    const stale = upsertConversations(state, [conversation('a', { status: 'queued', updatedAt: at(4) })]);
    expect(stale.patch.conversations).toBe(state.conversations);
    expect(stale.patch.conversationOrder).toBe(state.conversationOrder);
    expect(stale.updated).toEqual([]);

    const fresh = upsertConversations(state, [conversation('a', { status: 'resolved', updatedAt: at(6) })]);
    expect(fresh.patch.conversations.a!.status).toBe('resolved');
    expect(fresh.updated).toHaveLength(1);
  });
});

describe('mergeConversationMessages', () => {
  it('merges per conversation and moves the conversation up by its newest message', () => {
    let state = {
      ...initialAgentState(),
      ...upsertConversations(initialAgentState(), [
        conversation('a', { lastMessageAt: at(1), updatedAt: at(1), lastSeq: 1 }),
        conversation('b', { lastMessageAt: at(2), updatedAt: at(2), lastSeq: 1 }),
      ]).patch,
    };
    expect(state.conversationOrder).toEqual(['b', 'a']);

    const incoming = message(2, { conversationId: 'a', createdAt: at(3) });
    const { patch, added } = mergeConversationMessages(state, 'a', [incoming]);
    state = { ...state, ...patch };
    expect(added).toEqual([incoming]);
    expect(state.messages.a).toEqual([incoming]);
    expect(state.conversations.a).toMatchObject({ lastSeq: 2, lastMessageAt: at(3), updatedAt: at(1) });
    expect(state.conversationOrder).toEqual(['a', 'b']);

    const again = mergeConversationMessages(state, 'a', [{ ...incoming }]);
    expect(again.added).toEqual([]);
    expect(again.patch.messages).toBe(state.messages);
  });

  it('marks an empty history as loaded', () => {
    const { patch } = mergeConversationMessages(initialAgentState(), 'x', []);
    expect(patch.messages).toEqual({ x: [] });
  });
});
