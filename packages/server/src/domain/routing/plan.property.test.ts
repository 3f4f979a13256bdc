import { AGENT_STATUSES, PRIORITIES } from '@switchboard/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEligible } from './eligibility.js';
import { planAssignments } from './plan.js';
import type { Candidate, RoutingCursor, RoutingStrategy, Waiting } from './types.js';

const STRATEGIES: readonly RoutingStrategy[] = ['round_robin', 'least_busy', 'priority', 'manual'];

// Few names in mixed case, so skills overlap, collide case-insensitively and sometimes match nobody.
const skill = fc.constantFrom('billing', 'Billing', 'FRENCH', 'french', 'vip', 'VIP', 'legal');
const agentId = fc.constantFrom('ana', 'ben', 'cai', 'dev', 'eli', 'fay', 'gus');

const candidate: fc.Arbitrary<Candidate> = fc.record({
  agentId,
  status: fc.constantFrom(...AGENT_STATUSES),
  capacity: fc.nat({ max: 4 }),
  load: fc.nat({ max: 5 }),
  skills: fc.array(skill, { maxLength: 3 }),
  lastAssignedAt: fc.option(fc.nat({ max: 1_000 }), { nil: null }),
});

const waiting: fc.Arbitrary<Waiting> = fc.record({
  conversationId: fc.stringMatching(/^c[0-9]{1,2}$/),
  priority: fc.constantFrom(...PRIORITIES),
  // A narrow range so that equal queue times (and the id tie-break) come up often.
  queuedAt: fc.nat({ max: 20 }),
  requiredSkills: fc.array(skill, { maxLength: 2 }),
});

const scenario = fc.record({
  strategy: fc.constantFrom(...STRATEGIES),
  backlog: fc.uniqueArray(waiting, { selector: (w) => w.conversationId, maxLength: 25 }),
  candidates: fc.uniqueArray(candidate, { selector: (c) => c.agentId, maxLength: 7 }),
  cursor: fc.record({ lastAgentId: fc.option(fc.constantFrom('ana', 'bob', 'dev', 'zed'), { nil: null }) }),
});

const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('planAssignments (property)', () => {
  it('respects capacity and eligibility, assigns each conversation once and leaves none it could assign', () => {
    fc.assert(
      fc.property(scenario, ({ strategy, backlog, candidates, cursor }) => {
        const { assignments } = planAssignments(strategy, backlog, candidates, cursor);
        const byId = new Map(candidates.map((c) => [c.agentId, c]));
        const backlogIds = new Set(backlog.map((w) => w.conversationId));
        const planned = new Map(candidates.map((c) => [c.agentId, { ...c }]));

        // Replayed in order: each one must go to an agent eligible given the plan so far.
        for (const { conversationId, agentId } of assignments) {
          expect(backlogIds.has(conversationId)).toBe(true);
          const agent = planned.get(agentId);
          const conversation = backlog.find((w) => w.conversationId === conversationId);
          expect(agent).toBeDefined();
          expect(conversation).toBeDefined();
          if (agent === undefined || conversation === undefined) return;
          expect(isEligible(agent, conversation)).toBe(true);
          agent.load += 1;
        }

        const assignedIds = assignments.map((a) => a.conversationId);
        expect(new Set(assignedIds).size).toBe(assignedIds.length);

        for (const agent of planned.values()) {
          const original = byId.get(agent.agentId);
          if (original !== undefined && agent.load > original.load) {
            expect(agent.load).toBeLessThanOrEqual(agent.capacity);
          }
        }

        if (strategy === 'manual') {
          expect(assignments).toEqual([]);
          return;
        }
        const assigned = new Set(assignedIds);
        for (const left of backlog.filter((w) => !assigned.has(w.conversationId))) {
          const stillFree = [...planned.values()].filter((agent) => isEligible(agent, left));
          expect(stillFree.map((agent) => agent.agentId)).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same plan whatever the order of backlog and candidates', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), permutation(s.backlog), permutation(s.candidates))),
        ([{ strategy, backlog, candidates, cursor }, shuffledBacklog, shuffledCandidates]) => {
          expect(planAssignments(strategy, shuffledBacklog, shuffledCandidates, cursor)).toEqual(
            planAssignments(strategy, backlog, candidates, cursor),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves the cursor on the last agent assigned, or where it was', () => {
    fc.assert(
      fc.property(scenario, ({ strategy, backlog, candidates, cursor }) => {
        const plan = planAssignments(strategy, backlog, candidates, cursor);
        const expected: RoutingCursor = {
          lastAgentId: plan.assignments.at(-1)?.agentId ?? cursor.lastAgentId,
        };
        expect(plan.cursor).toEqual(expected);
      }),
    );
  });
});
