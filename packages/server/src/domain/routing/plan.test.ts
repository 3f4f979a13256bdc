import type { Priority } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { candidate } from '../../test-support/routing.js';
import { planAssignments } from './plan.js';
import type { Assignment, Candidate, RoutingCursor, Waiting } from './types.js';

const agent = candidate;

const chat = (
  conversationId: string,
  queuedAt: number,
  priority: Priority = 'normal',
  requiredSkills: readonly string[] = [],
): Waiting => ({ conversationId, priority, queuedAt, requiredSkills });

const chats = (count: number): Waiting[] =>
  Array.from({ length: count }, (_, i) => chat(`c${i + 1}`, 1_000 + i));

const start: RoutingCursor = { lastAgentId: null };

const pairs = (assignments: readonly Assignment[]): string[] =>
  assignments.map((a) => `${a.conversationId}->${a.agentId}`);

/** What the caller does after committing a plan: the assigned agents carry the new load. */
const applyLoads = (candidates: readonly Candidate[], assignments: readonly Assignment[]): Candidate[] =>
  candidates.map((c) => ({ ...c, load: c.load + assignments.filter((a) => a.agentId === c.agentId).length }));

describe('planAssignments: least_busy', () => {
  it('rotates through agents tied on load instead of piling onto one', () => {
    const plan = planAssignments(
      'least_busy',
      chats(6),
      [agent('bob'), agent('carol'), agent('alice')],
      start,
    );
    expect(pairs(plan.assignments)).toEqual([
      'c1->alice',
      'c2->bob',
      'c3->carol',
      'c4->alice',
      'c5->bob',
      'c6->carol',
    ]);
    expect(plan.cursor).toEqual({ lastAgentId: 'carol' });
  });

  it('fills the least loaded agent up to the others first', () => {
    const team = [agent('alice', { load: 2, capacity: 4 }), agent('bob', { load: 0, capacity: 4 })];
    const plan = planAssignments('least_busy', chats(4), team, start);
    expect(pairs(plan.assignments)).toEqual(['c1->bob', 'c2->bob', 'c3->alice', 'c4->bob']);
  });

  it('counts a planned assignment as more recent than any real one', () => {
    const team = [
      agent('alice', { load: 1, lastAssignedAt: 10 }),
      agent('bob', { load: 0, lastAssignedAt: 1_700_000_000_000 }),
    ];
    const plan = planAssignments('least_busy', chats(2), team, start);
    expect(pairs(plan.assignments)).toEqual(['c1->bob', 'c2->alice']);
  });
});

describe('planAssignments: capacity', () => {
  it('never plans anyone past capacity and leaves the rest queued', () => {
    const team = [
      agent('alice', { capacity: 1 }),
      agent('bob', { capacity: 2, load: 1 }),
      agent('carol', { capacity: 0 }),
    ];
    for (const strategy of ['round_robin', 'least_busy', 'priority'] as const) {
      const plan = planAssignments(strategy, chats(5), team, start);
      expect(plan.assignments).toHaveLength(2);
      expect(plan.assignments.map((a) => a.agentId).sort()).toEqual(['alice', 'bob']);
      expect(plan.assignments.map((a) => a.conversationId)).toEqual(['c1', 'c2']);
    }
  });

  it('assigns nothing when everyone is full or unavailable', () => {
    const team = [
      agent('alice', { load: 3 }),
      agent('bob', { status: 'busy' }),
      agent('carol', { status: 'away' }),
      agent('dave', { status: 'offline' }),
    ];
    const plan = planAssignments('least_busy', chats(3), team, { lastAgentId: 'bob' });
    expect(plan.assignments).toEqual([]);
    expect(plan.cursor).toEqual({ lastAgentId: 'bob' });
  });
});

describe('planAssignments: round_robin', () => {
  const team = [agent('carol'), agent('alice'), agent('bob')];

  it('advances the cursor within a plan and across plans, wrapping around', () => {
    let candidates = team;
    let cursor = start;
    const seen: string[] = [];
    for (const backlog of [[chat('c1', 1), chat('c2', 2)], [chat('c3', 3), chat('c4', 4)], [chat('c5', 5)]]) {
      const plan = planAssignments('round_robin', backlog, candidates, cursor);
      seen.push(...pairs(plan.assignments));
      candidates = applyLoads(candidates, plan.assignments);
      cursor = plan.cursor;
    }
    expect(seen).toEqual(['c1->alice', 'c2->bob', 'c3->carol', 'c4->alice', 'c5->bob']);
    expect(cursor).toEqual({ lastAgentId: 'bob' });
  });

  it('skips an agent who fills up during the plan', () => {
    const plan = planAssignments(
      'round_robin',
      chats(5),
      [agent('alice', { capacity: 1 }), agent('bob')],
      start,
    );
    expect(pairs(plan.assignments)).toEqual(['c1->alice', 'c2->bob', 'c3->bob', 'c4->bob']);
    expect(plan.cursor).toEqual({ lastAgentId: 'bob' });
  });
});

describe('planAssignments: skills', () => {
  it('skips a conversation nobody can take without blocking the ones behind it', () => {
    const backlog = [
      chat('french', 1, 'normal', ['French']),
      chat('plain', 2),
      chat('billing', 3, 'normal', ['billing']),
    ];
    const team = [agent('alice', { skills: ['BILLING'] }), agent('bob', { load: 2 })];
    const plan = planAssignments('least_busy', backlog, team, start);
    expect(pairs(plan.assignments)).toEqual(['plain->alice', 'billing->alice']);
  });

  it('gives a skilled conversation to the one agent who can take it, even if busier', () => {
    const backlog = [chat('c1', 1, 'normal', ['vip']), chat('c2', 2)];
    const team = [agent('alice'), agent('bob', { load: 2, skills: ['VIP'] })];
    const plan = planAssignments('round_robin', backlog, team, start);
    expect(pairs(plan.assignments)).toEqual(['c1->bob', 'c2->alice']);
  });
});

describe('planAssignments: priority', () => {
  it('serves urgent before older normal conversations when capacity is short', () => {
    const backlog = [
      chat('old-normal', 1),
      chat('low', 0, 'low'),
      chat('new-urgent', 9, 'urgent'),
      chat('high', 5, 'high'),
    ];
    const team = [agent('alice', { capacity: 1 }), agent('bob', { capacity: 1 })];
    const plan = planAssignments('priority', backlog, team, start);
    expect(pairs(plan.assignments)).toEqual(['new-urgent->alice', 'high->bob']);
  });

  it('is first in, first out under the other strategies', () => {
    const backlog = [chat('old-normal', 1), chat('low', 0, 'low'), chat('new-urgent', 9, 'urgent')];
    const plan = planAssignments('least_busy', backlog, [agent('alice', { capacity: 2 })], start);
    expect(pairs(plan.assignments)).toEqual(['low->alice', 'old-normal->alice']);
  });
});

describe('planAssignments: manual', () => {
  it('never assigns and leaves the cursor alone', () => {
    const plan = planAssignments('manual', chats(3), [agent('alice'), agent('bob')], {
      lastAgentId: 'alice',
    });
    expect(plan).toEqual({ assignments: [], cursor: { lastAgentId: 'alice' } });
  });
});

describe('planAssignments: determinism and purity', () => {
  it('gives the same plan whatever the order of its inputs', () => {
    const backlog = [
      chat('c1', 5, 'high'),
      chat('c2', 1),
      chat('c3', 1),
      chat('c4', 3, 'urgent', ['billing']),
    ];
    const team = [
      agent('alice', { load: 1, skills: ['billing'] }),
      agent('bob', { lastAssignedAt: 50 }),
      agent('carol', { capacity: 1 }),
    ];
    for (const strategy of ['round_robin', 'least_busy', 'priority'] as const) {
      const forward = planAssignments(strategy, backlog, team, start);
      const backward = planAssignments(strategy, [...backlog].reverse(), [...team].reverse(), start);
      expect(backward).toEqual(forward);
      expect(forward.assignments).toHaveLength(4);
    }
  });

  it('does not mutate its inputs', () => {
    const backlog = Object.freeze(chats(4).map((w) => Object.freeze(w)));
    const team = Object.freeze(
      [agent('alice'), agent('bob', { lastAssignedAt: 7 })].map((c) => Object.freeze(c)),
    );
    const cursor = Object.freeze({ lastAgentId: null });
    const plan = planAssignments('round_robin', backlog, team, cursor);
    expect(plan.assignments).toHaveLength(4);
    expect(team.map((c) => [c.load, c.lastAssignedAt])).toEqual([
      [0, null],
      [0, 7],
    ]);
    expect(cursor.lastAgentId).toBeNull();
  });

  it('assigns a conversation listed twice only once', () => {
    const plan = planAssignments(
      'least_busy',
      [chat('c1', 1), chat('c1', 1)],
      [agent('alice'), agent('bob')],
      start,
    );
    expect(pairs(plan.assignments)).toEqual(['c1->alice']);
  });
});
