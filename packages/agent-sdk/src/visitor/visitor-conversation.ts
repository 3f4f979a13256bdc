// The one conversation a visitor sees: which one it is, its messages, and keeping them complete.
import type { Conversation, Message, QueuePosition } from '@switchboard/protocol';
import type { VisitorClientEvents, VisitorState } from '../types.js';
import { fetchMessages } from '../core/api.js';
import { newerConversation, withMessage } from '../core/conversations.js';
import type { EventHub } from '../core/emitter.js';
import type { HttpClient } from '../core/http.js';
import { mergeNew } from '../core/message-log.js';
import { createMessageSync, type MessageSource } from '../core/message-sync.js';
import type { Store } from '../core/store.js';

/** How many messages a conversation opens with, and each `loadOlder()` adds. */
export const PAGE_SIZE = 50;

export interface VisitorConversationOptions {
  store: Store<VisitorState>;
  hub: EventHub<VisitorClientEvents>;
  http: HttpClient;
  /** Settles outbox entries whose stored copies arrived. */
  acknowledge: (messages: readonly Message[]) => void;
  /** The conversation to remember across reloads changed. */
  onTargetChange: () => void;
  onError: (error: unknown) => void;
}

export interface VisitorConversation {
  /** The conversation to (re-)join: the current one, or a stored one until its join answers. */
  readonly targetId: string | null;
  /** Whether the latest page of the current conversation has been read. */
  readonly loaded: boolean;
  /** Remembers a stored conversation to re-join on connect. */
  restore(conversationId: string | null): void;
  /** Makes `conversation` current (clearing the old one's messages) or refreshes it. */
  adopt(conversation: Conversation): void;
  /** Forgets the current conversation; with `onlyId`, only if that one is still current. */
  drop(onlyId?: string): void;
  apply(conversationId: string, messages: readonly Message[], source: MessageSource): void;
  /** A `message:created` from the socket. */
  receive(this: void, message: Message): void;
  /** A `queue:position` from the socket; kept only for the current conversation while it is queued. */
  receivePosition(this: void, position: QueuePosition): void;
  /** Brings the messages up to date after a (re)join: a catch-up if loaded, else the latest page. */
  refresh(conversationId: string): Promise<void>;
  /** Reads the latest page (`PAGE_SIZE` messages); older ones come with `loadOlder()` (load-older.ts). */
  loadLatest(conversationId: string): Promise<void>;
}

export function createVisitorConversation(options: VisitorConversationOptions): VisitorConversation {
  const { store, hub } = options;
  let targetId: string | null = null;
  let loaded = false;
  /**
   * A position for a conversation that is not current yet. The server sends a joining socket its
   * place right after the `conversation:start` ack; when both arrive in one network read,
   * socket.io handles the event before the ack's promise continuation has adopted the
   * conversation, so the position is kept here until it is.
   */
  let early: QueuePosition | null = null;

  const current = (): Conversation | null => store.getSnapshot().conversation;

  const messageSync = createMessageSync({
    http: options.http,
    // Gap detection needs a known starting point: only once the latest page is in.
    getMessages: (id) => (loaded && current()?.id === id ? store.getSnapshot().messages : undefined),
    apply,
    onError: options.onError,
  });

  function apply(conversationId: string, incoming: readonly Message[], source: MessageSource): void {
    const state = store.getSnapshot();
    if (!state.conversation || state.conversation.id !== conversationId) return;
    const { messages, added } = mergeNew(state.messages, incoming);
    store.setState({ messages, conversation: added.reduce(withMessage, state.conversation) });
    options.acknowledge(incoming);
    if (source !== 'history') for (const message of added) hub.emit('message:created', message);
  }

  function clear(): void {
    const conversation = current();
    if (conversation) messageSync.forget(conversation.id);
    loaded = false;
  }

  async function loadLatest(conversationId: string): Promise<void> {
    const page = await fetchMessages(options.http, conversationId, { limit: PAGE_SIZE });
    if (current()?.id !== conversationId) return;
    apply(conversationId, page.items, 'history');
    loaded = true;
    store.setState({ hasOlder: page.hasMore });
  }

  return {
    get targetId() {
      return targetId;
    },

    get loaded() {
      return loaded;
    },

    restore(conversationId) {
      if (!current()) targetId = conversationId;
    },

    adopt(conversation) {
      const held = current();
      if (held?.id === conversation.id) {
        const next = newerConversation(held, conversation);
        if (next === held) return;
        const { queuePosition } = store.getSnapshot();
        // Out of the queue (taken, resolved, abandoned): its place there means nothing now.
        store.setState({
          conversation: next,
          queuePosition: next.status === 'queued' ? queuePosition : null,
        });
        hub.emit('conversation:updated', next);
        return;
      }
      clear();
      targetId = conversation.id;
      // A brand-new conversation has nothing to load; anything else needs its latest page.
      loaded = conversation.lastSeq === 0;
      const position =
        early?.conversationId === conversation.id && conversation.status === 'queued' ? early : null;
      early = null;
      store.setState({ conversation, messages: [], hasOlder: false, queuePosition: position });
      options.onTargetChange();
      hub.emit('conversation:updated', conversation);
      if (position) hub.emit('queue:position', position);
    },

    drop(onlyId) {
      const held = current();
      if (onlyId !== undefined && held && held.id !== onlyId) return;
      clear();
      targetId = null;
      store.setState({ conversation: null, messages: [], hasOlder: false, queuePosition: null });
      options.onTargetChange();
    },

    apply,

    receive: messageSync.receive,

    receivePosition(position) {
      const held = current();
      if (held?.id !== position.conversationId) {
        early = position;
        return;
      }
      if (held.status !== 'queued') return;
      store.setState({ queuePosition: position });
      hub.emit('queue:position', position);
    },

    async refresh(conversationId) {
      if (loaded) await messageSync.catchUp(conversationId);
      else await loadLatest(conversationId);
    },

    loadLatest,
  };
}
