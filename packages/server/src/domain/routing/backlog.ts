import type { Priority } from '@switchboard/protocol';
import { compareIds, compareNumbers } from './compare.js';
import type { RoutingStrategy, Waiting } from './types.js';

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * The order in which a queue's waiting conversations are offered to agents. `priority` serves
 * urgent before high before normal before low; every strategy then serves the longest waiting
 * first, and the conversation id settles exact ties so the order never depends on the input's.
 * Returns a new array; `waiting` is left as it was.
 */
export function orderBacklog(strategy: RoutingStrategy, waiting: readonly Waiting[]): Waiting[] {
  const byPriority = strategy === 'priority';
  return [...waiting].sort(
    (a, b) =>
      (byPriority ? PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] : 0) ||
      compareNumbers(a.queuedAt, b.queuedAt) ||
      compareIds(a.conversationId, b.conversationId),
  );
}
