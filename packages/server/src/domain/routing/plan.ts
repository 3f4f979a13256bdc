import { orderBacklog } from './backlog.js';
import { pickAgent } from './strategies.js';
import type { Assignment, Candidate, RoutingCursor, RoutingStrategy, Waiting } from './types.js';

/** What one pass over a queue's backlog decided. */
export interface RoutingPlan {
  /** In the order they were decided, which is the backlog's order. */
  assignments: Assignment[];
  /** The cursor to keep for the queue's next plan: unchanged when nothing was assigned. */
  cursor: RoutingCursor;
}

/**
 * Drains as much of `backlog` as `candidates` can take under `strategy`. Conversations are
 * offered in `orderBacklog` order; each assignment counts against its agent before the next
 * decision, so nobody is planned past capacity, and a conversation nobody eligible can take is
 * skipped (it stays queued) without holding up the ones behind it. Agent ids must be unique; a
 * conversation id listed twice is assigned at most once. Inputs are never mutated.
 */
export function planAssignments(
  strategy: RoutingStrategy,
  backlog: readonly Waiting[],
  candidates: readonly Candidate[],
  cursor: RoutingCursor,
): RoutingPlan {
  const planned = candidates.map((candidate) => ({ ...candidate }));
  const byId = new Map(planned.map((candidate) => [candidate.agentId, candidate]));
  // A virtual clock past every real assignment, so the agent just planned counts as the most
  // recently assigned and least busy rotates through agents tied on load.
  let clock = latestAssignment(candidates);
  let lastAgentId = cursor.lastAgentId;
  const assignments: Assignment[] = [];
  const assigned = new Set<string>();

  for (const waiting of orderBacklog(strategy, backlog)) {
    if (assigned.has(waiting.conversationId)) continue;
    const agentId = pickAgent(strategy, waiting, planned, { lastAgentId });
    const agent = agentId === null ? undefined : byId.get(agentId);
    if (agent === undefined) continue;
    clock += 1;
    agent.load += 1;
    agent.lastAssignedAt = clock;
    lastAgentId = agent.agentId;
    assigned.add(waiting.conversationId);
    assignments.push({ conversationId: waiting.conversationId, agentId: agent.agentId });
  }

  return { assignments, cursor: { lastAgentId } };
}

function latestAssignment(candidates: readonly Candidate[]): number {
  let latest = 0;
  for (const { lastAssignedAt } of candidates) {
    if (lastAssignedAt !== null && lastAssignedAt > latest) latest = lastAssignedAt;
  }
  return latest;
}
