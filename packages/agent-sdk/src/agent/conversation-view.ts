// A live list of conversations (a console tab, a filter, a search): the first page from the
// server, then kept right from the client's state, which every socket event already updates. A
// conversation enters, leaves or moves in the list the moment its state changes, with no refetch.
import {
  matchesConversationFilter,
  type Conversation,
  type ConversationListQuery,
  type ConversationPage,
} from '@switchboard/protocol';
import type { SwitchboardError } from '../errors.js';
import { toSwitchboardError } from '../core/error-utils.js';
import { createStore } from '../core/store.js';
import type { AgentState, ConversationListView, ConversationViewState, ReadableStore } from '../types.js';

export interface ConversationViewOptions {
  query: Partial<ConversationListQuery>;
  state: ReadableStore<AgentState>;
  /** Reads one page and puts its conversations into the client's state. */
  fetchPage(query: Partial<ConversationListQuery>): Promise<ConversationPage>;
}

/** Newest activity first, then id: the server's order. */
function compare(a: Conversation, b: Conversation): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const sameItems = (a: readonly Conversation[], b: readonly Conversation[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

export function createConversationView(options: ConversationViewOptions): ConversationListView {
  const { query, state } = options;
  // A text search reads contacts and messages: only the server can say what matches it, so the
  // list keeps to what it returned (still dropping what stops matching the other filters).
  const search = Boolean(query.q?.trim());
  const view = createStore<ConversationViewState>({ items: [], hasMore: false, loading: true, error: null });
  /** Ids the server returned for this query. */
  let fetched = new Set<string>();
  let cursor: string | null = null;
  /** The oldest row read so far: while more pages exist, older matches wait for `loadMore`. */
  let oldest: Conversation | null = null;
  /** Bumped by `refresh` and `close`: an older request's answer is dropped. */
  let generation = 0;
  let closed = false;

  function compute(): void {
    const { conversations, agent } = state.getSnapshot();
    const agentId = agent?.id ?? null;
    const hasMore = cursor !== null;
    const candidates = search ? [...fetched] : Object.keys(conversations);
    const items: Conversation[] = [];
    for (const id of candidates) {
      const conversation = conversations[id];
      if (!conversation || !matchesConversationFilter(conversation, query, agentId)) continue;
      if (!search && hasMore && !fetched.has(id) && oldest && compare(conversation, oldest) > 0) continue;
      items.push(conversation);
    }
    items.sort(compare);
    if (!sameItems(items, view.getSnapshot().items)) view.setState({ items });
  }

  async function read(from: string | null, reset: boolean): Promise<void> {
    const mine = reset ? ++generation : generation;
    view.setState({ loading: true, error: null });
    try {
      const page = await options.fetchPage({ ...query, ...(from ? { cursor: from } : {}) });
      if (mine !== generation || closed) return;
      if (reset) fetched = new Set();
      for (const conversation of page.items) fetched.add(conversation.id);
      cursor = page.nextCursor;
      oldest = page.items.at(-1) ?? (reset ? null : oldest);
      view.setState({ loading: false, hasMore: cursor !== null });
      compute();
    } catch (caught) {
      if (mine !== generation || closed) return;
      const error: SwitchboardError = toSwitchboardError(caught);
      view.setState({ loading: false, error });
      throw error;
    }
  }

  const stopConversations = state.select((s) => s.conversations, compute);
  const stopAgent = state.select((s) => s.agent, compute);
  // After a lost connection a search may have new answers; the other lists follow the state,
  // which the client re-syncs on reconnect.
  let wasConnected = state.getSnapshot().connection === 'connected';
  const stopConnection = state.select(
    (s) => s.connection,
    (connection) => {
      const back = connection === 'connected' && !wasConnected;
      wasConnected = connection === 'connected';
      if (back && search) read(null, true).catch(() => {});
    },
  );

  const first = read(null, true);
  first.catch(() => {});

  return {
    getSnapshot: view.getSnapshot,
    subscribe: view.subscribe,
    select: view.select,
    query,
    ready: () => first,
    refresh: () => read(null, true),
    async loadMore() {
      if (cursor !== null && !view.getSnapshot().loading) await read(cursor, false);
    },
    close() {
      closed = true;
      generation += 1;
      stopConversations();
      stopAgent();
      stopConnection();
    },
  };
}
