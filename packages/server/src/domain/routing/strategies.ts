import { compareIds, compareNumbers } from './compare.js';
import { isEligible } from './eligibility.js';
import type { Candidate, RoutingCursor, RoutingStrategy, Waiting } from './types.js';

/**
 * The agent `strategy` gives `waiting` to, among `candidates`, or null when nobody eligible can
 * take it, or always under `manual` (agents pick from the queue themselves). Only round robin
 * reads `cursor`. The answer never depends on the order of `candidates`, provided agent ids are
 * unique.
 */
export function pickAgent(
  strategy: RoutingStrategy,
  waiting: Waiting,
  candidates: readonly Candidate[],
  cursor: RoutingCursor,
): string | null {
  switch (strategy) {
    case 'manual':
      return null;
    case 'round_robin':
      return pickRoundRobin(eligibleFor(waiting, candidates), cursor);
    // Priority changes which conversation goes first (see orderBacklog), not who takes it.
    case 'least_busy':
    case 'priority':
      return pickLeastBusy(eligibleFor(waiting, candidates));
    default:
      return assertNever(strategy);
  }
}

function eligibleFor(waiting: Waiting, candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter((candidate) => isEligible(candidate, waiting));
}

/** The first agent after the cursor in agent id order, wrapping around to the first. */
function pickRoundRobin(eligible: readonly Candidate[], cursor: RoutingCursor): string | null {
  const ids = eligible.map((candidate) => candidate.agentId).sort(compareIds);
  const { lastAgentId } = cursor;
  const next = lastAgentId === null ? undefined : ids.find((id) => compareIds(id, lastAgentId) > 0);
  return next ?? ids[0] ?? null;
}

function pickLeastBusy(eligible: readonly Candidate[]): string | null {
  let best: Candidate | undefined;
  for (const candidate of eligible) {
    if (best === undefined || compareLeastBusy(candidate, best) < 0) best = candidate;
  }
  return best?.agentId ?? null;
}

/**
 * Least busy first: the fewest conversations, then the most room relative to capacity, then the
 * longest since their last assignment (never counts as longest), then agent id.
 */
function compareLeastBusy(a: Candidate, b: Candidate): number {
  return (
    compareNumbers(a.load, b.load) ||
    // a.load / a.capacity against b.load / b.capacity, cross-multiplied to stay exact.
    compareNumbers(a.load * b.capacity, b.load * a.capacity) ||
    compareLastAssigned(a.lastAssignedAt, b.lastAssignedAt) ||
    compareIds(a.agentId, b.agentId)
  );
}

function compareLastAssigned(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareNumbers(a, b);
}

function assertNever(value: never): never {
  throw new Error(`Unknown routing strategy: ${String(value)}`);
}
