import type { QueuePosition } from '@switchboard/protocol';
import type { QueueRecord, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { orderBacklog, planAssignments, type Candidate } from '../domain/routing/index.js';
import type { Logger } from '../lib/logger.js';
import { announceAssignment } from './assignment.js';

export interface RoutingService {
  /** Assigns whatever the queue's strategy can assign now, then announces the new positions. */
  drain(queueId: string): Promise<void>;
  /** Drains every queue the agent belongs to (they came online or capacity freed up). */
  drainForAgent(agentId: string): Promise<void>;
  /** The queue's waiting conversations in routing order, with estimated waits. */
  positions(queueId: string): Promise<QueuePosition[]>;
}

/** How many recent assignments the wait estimate looks at. */
const RECENT_WAITS = 20;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function createRoutingService({
  store,
  bus,
  logger,
  now,
}: {
  store: Store;
  bus: EventBus;
  logger: Logger;
  now: () => number;
}): RoutingService {
  // One drain per queue at a time in this process: a second request waits for the first and then
  // runs once more, so a burst of triggers costs two passes, not one per trigger. Across
  // instances the store's atomic claim keeps assignments exclusive.
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function positionsOf(queue: QueueRecord): Promise<QueuePosition[]> {
    const ordered = orderBacklog(queue.strategy, await store.queues.waiting(queue.id));
    if (ordered.length === 0) return [];
    const typicalWait = median(await store.queues.recentWaits(queue.id, RECENT_WAITS));
    return ordered.map((waiting, index) => ({
      conversationId: waiting.conversationId,
      position: index + 1,
      estimatedWaitSeconds: typicalWait === null ? null : Math.round(typicalWait * (index + 1)),
    }));
  }

  // What each queue last announced, so only changes go out: with a long backlog, one assignment
  // would otherwise re-send every waiting visitor's position, and every drain would wake agents.
  const announced = new Map<string, Map<string, string>>();

  function announceChanges(queueId: string, positions: QueuePosition[]) {
    const before = announced.get(queueId) ?? new Map<string, string>();
    const now = new Map(positions.map((p) => [p.conversationId, `${p.position}:${p.estimatedWaitSeconds}`]));
    const changed = positions.filter((p) => before.get(p.conversationId) !== now.get(p.conversationId));
    announced.set(queueId, now);
    if (changed.length > 0 || before.size !== now.size) {
      bus.publish('queue.changed', { queueId, waiting: positions.length, positions: changed });
    }
  }

  async function drainOnce(queueId: string): Promise<void> {
    const queue = await store.queues.byId(queueId);
    if (!queue) return;
    if (queue.strategy !== 'manual' && queue.waiting > 0) {
      const backlog = await store.queues.waiting(queue.id);
      const candidates: Candidate[] = (await store.agents.presence(queue.memberIds)).map((agent) => ({
        agentId: agent.id,
        status: agent.status,
        capacity: agent.capacity,
        load: agent.load,
        skills: agent.skills,
        lastAssignedAt: agent.lastAssignedAt,
      }));
      const plan = planAssignments(queue.strategy, backlog, candidates, { lastAgentId: queue.lastAgentId });
      let lastAgentId: string | null = null;
      for (const { conversationId, agentId } of plan.assignments) {
        const result = await store.conversations.transition({
          conversationId,
          expect: { statuses: ['queued'], assigneeId: null },
          set: { status: 'active', assigneeId: agentId, assignedAt: now() },
          assignTo: agentId,
          acceptHandoff: true,
          event: {
            type: 'assigned',
            actorKind: 'system',
            actorId: null,
            data: { agentId, strategy: queue.strategy },
          },
        });
        // A failed claim means someone (an accept, another instance) got there first: fine.
        if (!result.ok) continue;
        lastAgentId = agentId;
        announceAssignment(bus, result, agentId);
      }
      if (lastAgentId) await store.queues.setCursor(queue.id, lastAgentId);
    }
    announceChanges(queue.id, await positionsOf(queue));
  }

  function drain(queueId: string): Promise<void> {
    const current = running.get(queueId);
    if (current) {
      again.add(queueId);
      return current;
    }
    const run = (async () => {
      try {
        do {
          again.delete(queueId);
          await drainOnce(queueId);
        } while (again.has(queueId));
      } catch (error) {
        logger.error('routing drain failed', { queueId, error });
      } finally {
        running.delete(queueId);
      }
    })();
    running.set(queueId, run);
    return run;
  }

  return {
    drain,
    async drainForAgent(agentId) {
      await Promise.all((await store.queues.ofAgent(agentId)).map(drain));
    },
    async positions(queueId) {
      const queue = await store.queues.byId(queueId);
      return queue ? positionsOf(queue) : [];
    },
  };
}
