// Pure reducers for the agent client's directory: the queues and the agents' presence. Like the
// conversation reducers, each hands back what it left alone by identity, so selector
// subscriptions on untouched slices stay quiet.
import type { Agent, AgentPresence, Queue } from '@switchboard/protocol';
import { sameRecord } from '../core/records.js';

type ById<T> = Readonly<Record<string, T>>;

/**
 * Replaces a whole directory with a freshly fetched list. An entry that a live event changed
 * while the fetch was in flight (`changedSince(id)`) may be newer than the list's copy, so the
 * held one is kept (`keep` decides how). Entries the list no longer has are dropped.
 */
function mergeList<T extends { id: string }>(
  held: ById<T>,
  list: readonly T[],
  changedSince: (id: string) => boolean,
  keep: (held: T, listed: T) => T,
): ById<T> {
  const next: Record<string, T> = {};
  let changed = Object.keys(held).length !== list.length;
  for (const listed of list) {
    const current = held[listed.id];
    let entry = current !== undefined && changedSince(listed.id) ? keep(current, listed) : listed;
    if (current !== undefined && sameRecord(current, entry)) entry = current;
    if (entry !== current) changed = true;
    next[listed.id] = entry;
  }
  return changed ? next : held;
}

/** `GET /v1/queues` into the state; a queue whose `waiting` changed meanwhile keeps the live count. */
export function mergeQueueList(
  held: ById<Queue>,
  list: readonly Queue[],
  changedSince: (queueId: string) => boolean,
): ById<Queue> {
  return mergeList(held, list, changedSince, (current, listed) => ({ ...listed, waiting: current.waiting }));
}

/** `queue:updated`: a known queue's waiting count. Unknown queues are left for the next list load. */
export function applyQueueWaiting(
  queues: ById<Queue>,
  update: { queueId: string; waiting: number },
): ById<Queue> {
  const queue = queues[update.queueId];
  if (queue === undefined || queue.waiting === update.waiting) return queues;
  return { ...queues, [update.queueId]: { ...queue, waiting: update.waiting } };
}

/** `GET /v1/agents` into the state; an agent whose presence changed meanwhile keeps the live copy. */
export function mergeAgentList(
  held: ById<AgentPresence>,
  list: readonly AgentPresence[],
  changedSince: (agentId: string) => boolean,
): ById<AgentPresence> {
  return mergeList(held, list, changedSince, (current) => current);
}

/** `agent:status_changed` or a `set_status`/`set_capacity` ack. */
export function upsertAgentPresence(
  agents: ById<AgentPresence>,
  presence: AgentPresence,
): ById<AgentPresence> {
  const held = agents[presence.id];
  if (held !== undefined && sameRecord(held, presence)) return agents;
  return { ...agents, [presence.id]: presence };
}

/** The signed-in agent after a presence update: changed only when it is them and something differs. */
export function selfFromPresence(self: Agent | null, presence: AgentPresence): Agent | null {
  if (self === null || self.id !== presence.id) return self;
  const { load: _load, ...agent } = presence;
  return sameRecord(self, agent) ? self : agent;
}
