// Who answers the visitor: the public profiles (name, picture) of the conversation's assignee and
// of the agents whose messages are on screen, fetched once each and kept in `state.agents`.
import type {
  PublicAgentProfile,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '@switchboard/protocol';
import type { VisitorState } from '../types.js';
import type { Store } from '../core/store.js';
import type { Transport } from '../core/transport.js';

/** The server's cap on one `agents:profiles` request. */
const BATCH = 20;

interface Options {
  store: Store<VisitorState>;
  transport: Transport<VisitorServerToClientEvents, VisitorClientToServerEvents>;
}

/** The agents the visitor's screen names: the assignee and the authors of agents' messages. */
export function agentsOnScreen({
  conversation,
  messages,
}: Pick<VisitorState, 'conversation' | 'messages'>): string[] {
  const ids = new Set<string>();
  if (conversation?.assigneeId) ids.add(conversation.assigneeId);
  for (const message of messages)
    if (message.authorKind === 'agent' && message.authorId) ids.add(message.authorId);
  return [...ids];
}

/**
 * Watches the state and asks for profiles it lacks while connected. An id the server does not
 * know (a deleted agent) is asked for once per connection, not on every change.
 */
export function watchAgentProfiles({ store, transport }: Options): () => void {
  const asked = new Set<string>();
  let scheduled = false;

  const fetchMissing = (): void => {
    scheduled = false;
    if (!transport.connected) return;
    const state = store.getSnapshot();
    const missing = agentsOnScreen(state).filter((id) => !(id in state.agents) && !asked.has(id));
    for (let start = 0; start < missing.length; start += BATCH) {
      const agentIds = missing.slice(start, start + BATCH);
      for (const id of agentIds) asked.add(id);
      transport.request('agents:profiles', { agentIds }).then(
        (profiles) => store.setState((current) => ({ agents: withProfiles(current.agents, profiles) })),
        // A network failure: ask again after the next connect.
        () => {
          for (const id of agentIds) asked.delete(id);
        },
      );
    }
  };

  // Keyed on the connection too, so that a new connection asks again for what the last one
  // could not tell (the set of those asked is cleared in between).
  return store.select(
    (state) => (state.connection === 'connected' ? agentsOnScreen(state).join() : null),
    (key) => {
      if (key === null) return asked.clear();
      // Batched: a page of history names its agents once, not once per message.
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(fetchMissing);
    },
  );
}

function withProfiles(
  known: VisitorState['agents'],
  profiles: readonly PublicAgentProfile[],
): VisitorState['agents'] {
  const next = { ...known };
  for (const profile of profiles) next[profile.id] = profile;
  return Object.freeze(next);
}
