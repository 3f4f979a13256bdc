// The lifecycle events carry whole conversation snapshots, often the same one twice (an ack and
// its broadcast, `conversation:updated` followed by `conversation:assigned`).
import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/factories.js';
import { initialAgentState, upsertConversations } from './agent-state.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

describe('upsertConversations with lifecycle snapshots', () => {
  const queued = conversation('a', { status: 'queued', queueId: 'q1', updatedAt: at(1) });
  const held = { ...initialAgentState(), ...upsertConversations(initialAgentState(), [queued]).patch };

  it('takes an assignment, and treats the same snapshot arriving again as no change', () => {
    const assigned = { ...queued, status: 'active' as const, assigneeId: 'agent_1', updatedAt: at(2) };
    const first = upsertConversations(held, [assigned]);
    expect(first.updated).toEqual([assigned]);
    const state = { ...held, ...first.patch };

    const again = upsertConversations(state, [{ ...assigned, requiredSkills: [] }]);
    expect(again.updated).toEqual([]);
    expect(again.patch.conversations).toBe(state.conversations);
  });

  it('still takes a snapshot with the same updatedAt that differs', () => {
    const changed = { ...queued, priority: 'urgent' as const };
    expect(upsertConversations(held, [changed]).updated).toEqual([changed]);
  });

  it('ignores a resolve that is older than what is held', () => {
    const reopened = { ...queued, updatedAt: at(5) };
    const state = { ...held, ...upsertConversations(held, [reopened]).patch };
    const lateResolve = {
      ...queued,
      status: 'resolved' as const,
      resolveReason: 'solved' as const,
      updatedAt: at(4),
    };
    expect(upsertConversations(state, [lateResolve]).patch.conversations).toBe(state.conversations);
  });
});
