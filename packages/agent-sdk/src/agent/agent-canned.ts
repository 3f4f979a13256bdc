// The agent client's canned responses: read over REST into `state.canned`, written over REST,
// and kept live from `canned:changed`, which every agent hears (the writer too).
import {
  searchCannedResponses,
  type CannedChangedEvent,
  type CannedResponse,
  type CannedResponseListQuery,
} from '@switchboard/protocol';
import {
  createCannedResponse,
  deleteCannedResponse,
  fetchCannedResponses,
  updateCannedResponse,
} from '../core/api.js';
import { changeClock } from '../core/change-clock.js';
import { SwitchboardError } from '../errors.js';
import type { EventHub } from '../core/emitter.js';
import type { HttpClient } from '../core/http.js';
import type { Store } from '../core/store.js';
import type { AgentCannedResponses, AgentClientEvents, AgentState } from '../types.js';
import { mergeCannedList, removeCanned, upsertCanned } from './canned-state.js';

export interface AgentCannedOptions {
  store: Store<AgentState>;
  hub: EventHub<AgentClientEvents>;
  http: HttpClient;
}

export interface AgentCanned {
  api: AgentCannedResponses;
  /** `canned:changed` from the socket: into the state, then to the app's listeners. */
  receive(this: void, event: CannedChangedEvent): void;
  /** After a reconnect: reads every response again if they were ever loaded (changes may have been missed). */
  resync(this: void): Promise<void>;
}

export function createAgentCanned({ store, hub, http }: AgentCannedOptions): AgentCanned {
  const clock = changeClock();
  /** Ids never reused: a late copy of a deleted response (a slow answer, a list) is ignored. */
  const deleted = new Set<string>();

  function apply(response: CannedResponse): CannedResponse {
    store.setState((state) => ({ canned: upsertCanned(state.canned, response, deleted) }));
    return response;
  }

  function forget(id: string): void {
    deleted.add(id);
    store.setState((state) => ({ canned: removeCanned(state.canned, id) }));
  }

  async function list(query: CannedResponseListQuery = {}): Promise<CannedResponse[]> {
    const since = clock.now();
    const found = await fetchCannedResponses(http, query);
    const search = Boolean(query.q?.trim()) || query.category !== undefined;
    const { siteId } = query;
    const covers = search
      ? null
      : siteId === undefined
        ? () => true
        : (response: CannedResponse) => response.siteId === siteId;
    store.setState((state) => ({
      canned: mergeCannedList(state.canned, found, {
        covers,
        changedSince: clock.changedSince(since),
        deleted,
      }),
      cannedLoaded: state.cannedLoaded || (covers !== null && siteId === undefined),
    }));
    return found;
  }

  const api: AgentCannedResponses = {
    list,

    search: (query, filter) =>
      searchCannedResponses(Object.values(store.getSnapshot().canned), query, filter),

    async create(input) {
      return apply(await createCannedResponse(http, input));
    },

    async update(id, changes) {
      return apply(await updateCannedResponse(http, id, changes));
    },

    async remove(id) {
      try {
        await deleteCannedResponse(http, id);
      } catch (error) {
        // Someone else deleted it first: what the caller wanted is true.
        if (!(error instanceof SwitchboardError && error.code === 'not_found')) throw error;
      }
      forget(id);
    },
  };

  return {
    api,

    receive(event) {
      const { id } = event.cannedResponse;
      clock.touch(id);
      if (event.change === 'deleted') forget(id);
      else apply(event.cannedResponse);
      hub.emit('canned:changed', event);
    },

    async resync() {
      if (store.getSnapshot().cannedLoaded) await list();
    },
  };
}
