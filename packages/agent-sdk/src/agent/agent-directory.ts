// The agent client's directory: every queue and every agent's presence, loaded over REST and kept
// live from socket events. A list answered after a live event may predate it, so each entry
// remembers when an event last touched it and a list never overwrites a fresher copy.
import type { AgentPresence, Queue } from '@switchboard/protocol';
import type { AgentState, QueueUpdatedEvent } from '../types.js';
import { fetchAgents, fetchQueues } from '../core/api.js';
import { changeClock } from '../core/change-clock.js';
import type { HttpClient } from '../core/http.js';
import type { Store } from '../core/store.js';
import { createKeyedRunner } from '../core/keyed-runner.js';
import {
  applyQueueWaiting,
  mergeAgentList,
  mergeQueueList,
  selfFromPresence,
  upsertAgentPresence,
} from './directory-state.js';

/**
 * The server announces status and capacity changes but not load changes, so after an assignment
 * the agents are read again; this long after the first trigger, so a burst costs one request.
 */
export const LOAD_REFRESH_DELAY_MS = 300;

export interface AgentDirectoryOptions {
  store: Store<AgentState>;
  http: HttpClient;
  /** A background refresh failed. */
  onError: (error: unknown) => void;
}

export interface AgentDirectory {
  loadQueues(this: void): Promise<Queue[]>;
  loadAgents(this: void): Promise<AgentPresence[]>;
  /** Queues and agents together, for connect and every re-sync. */
  load(this: void): Promise<void>;
  /** An agent's presence from `agent:status_changed` or an ack; `state.agent` follows for yourself. */
  applyPresence(this: void, presence: AgentPresence): void;
  /** `queue:updated`; a queue not known yet makes the queues load again. */
  applyQueueWaiting(this: void, update: QueueUpdatedEvent): void;
  /** Someone's load changed (an assignment, a transfer, a resolve): re-read the agents soon. */
  loadsChanged(this: void): void;
  /** Cancels a scheduled refresh, e.g. on disconnect. */
  stop(this: void): void;
}

export function createAgentDirectory({ store, http, onError }: AgentDirectoryOptions): AgentDirectory {
  const queueClock = changeClock();
  const agentClock = changeClock();
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  async function loadQueues(): Promise<Queue[]> {
    const since = queueClock.now();
    const list = await fetchQueues(http);
    store.setState((state) => ({
      queues: mergeQueueList(state.queues, list, queueClock.changedSince(since)),
    }));
    return list;
  }

  async function loadAgents(): Promise<AgentPresence[]> {
    const since = agentClock.now();
    const list = await fetchAgents(http);
    store.setState((state) => {
      const agents = mergeAgentList(state.agents, list, agentClock.changedSince(since));
      const self = state.agent === null ? undefined : agents[state.agent.id];
      return { agents, agent: self === undefined ? state.agent : selfFromPresence(state.agent, self) };
    });
    return list;
  }

  // At most one load running and one more queued, however many triggers arrive meanwhile.
  const refresh = createKeyedRunner<'queues' | 'agents'>(async (what) => {
    await (what === 'queues' ? loadQueues() : loadAgents());
  });

  return {
    loadQueues,
    loadAgents,

    async load() {
      await Promise.all([loadQueues(), loadAgents()]);
    },

    applyPresence(presence) {
      agentClock.touch(presence.id);
      store.setState((state) => ({
        agents: upsertAgentPresence(state.agents, presence),
        agent: selfFromPresence(state.agent, presence),
      }));
    },

    applyQueueWaiting(update) {
      queueClock.touch(update.queueId);
      if (store.getSnapshot().queues[update.queueId] === undefined) {
        refresh('queues').catch(onError);
        return;
      }
      store.setState((state) => ({ queues: applyQueueWaiting(state.queues, update) }));
    },

    loadsChanged() {
      if (refreshTimer !== undefined) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        refresh('agents').catch(onError);
      }, LOAD_REFRESH_DELAY_MS);
    },

    stop() {
      clearTimeout(refreshTimer);
      refreshTimer = undefined;
    },
  };
}
