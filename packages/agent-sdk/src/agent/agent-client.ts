import {
  AGENT_NAMESPACE,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type AgentSession,
  type Conversation,
  type ConversationListQuery,
  type Message,
  type UploadLimits,
} from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type {
  AgentClient,
  AgentClientEvents,
  AgentClientOptions,
  AgentState,
  SendOptions,
} from '../types.js';
import {
  createAgentSession,
  fetchContact,
  fetchConversation,
  fetchConversations,
  fetchCurrentAgent,
  updateProfile,
  fetchMessages,
  fetchTimeline,
  fetchUploadLimits,
} from '../core/api.js';
import { attachmentLinks } from '../core/attachment-url.js';
import { createAttachments } from '../core/attachments.js';
import { createConnectionCore } from '../core/connection.js';
import { socketIoConnector } from '../core/socket-io-connector.js';
import { createEventHub } from '../core/emitter.js';
import { createMessageSync, type MessageSource } from '../core/message-sync.js';
import { toSwitchboardError } from '../core/error-utils.js';
import { createStatus } from '../core/status.js';
import { createStore } from '../core/store.js';
import { createKeyedRunner } from '../core/keyed-runner.js';
import { mapLimit, singleFlight } from '../core/tasks.js';
import { validateCards, validateMessageText } from '../core/validate.js';
import { createAgentActions } from './agent-actions.js';
import { createChannelControls } from './agent-channels.js';
import { createAgentCanned } from './agent-canned.js';
import { createAgentContext } from './agent-context.js';
import { createAgentDirectory } from './agent-directory.js';
import { createCollaboration } from './collaboration.js';
import { createAgentSignals } from './agent-signals.js';
import { createConversationView } from './conversation-view.js';
import { initialAgentState, mergeConversationMessages, upsertConversations } from './agent-state.js';

/** `GET /v1/conversations` page size for the list sync: the most the server allows. */
const LIST_PAGE_SIZE = 100;
/** A re-sync reads at most this many pages of the list, so a huge inbox cannot stall it. */
const MAX_LIST_PAGES = 10;
/** Parallel requests while re-syncing many conversations. */
const SYNC_CONCURRENCY = 4;
const DEFAULT_HISTORY_LIMIT = 50;

/** A channel reply whose delivery may still move on (`read` and `failed` are final). */
function isUnsettled(state: string | undefined): boolean {
  return state === 'pending' || state === 'sent' || state === 'delivered';
}

/**
 * The agent side: an inbox of every conversation the agent may see, live. For agent consoles
 * (any framework) and for bots written in Node.
 */
export function createAgentClient(options: AgentClientOptions): AgentClient {
  const { auth } = options;
  let token: string | null = 'token' in auth ? auth.token : null;
  /** Bumped by disconnect() so a connect() it interrupts winds down instead of resuming. */
  let generation = 0;
  let syncedOnce = false;

  const store = createStore<AgentState>(initialAgentState());
  const hub = createEventHub<AgentClientEvents>();

  const login = singleFlight(async (): Promise<boolean> => {
    if (!('email' in auth)) return false;
    const session = await createAgentSession(core.http, { email: auth.email, password: auth.password });
    token = session.token;
    store.setState({ agent: session.agent });
    announceSession(session);
    return true;
  });

  /** Learns whose token this is when nothing has said so yet (a token given in `auth`). */
  const identify = singleFlight(async (): Promise<void> => {
    if (store.getSnapshot().agent !== null) return;
    store.setState({ agent: await fetchCurrentAgent(core.http) });
  });

  function announceSession(session: AgentSession): void {
    try {
      options.onSession?.(session);
    } catch (error) {
      // The app's callback throwing must not turn a good login into a failed one.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  const core = createConnectionCore<AgentServerToClientEvents, AgentClientToServerEvents>({
    client: options,
    namespace: AGENT_NAMESPACE,
    connect: options.connector ?? socketIoConnector(),
    getToken: () => token,
    // An expired token is renewed by logging in again; a token given by the app cannot be.
    refreshAuth: async () => {
      try {
        return await login();
      } catch (caught) {
        if (toSwitchboardError(caught).retryable) return true;
        throw caught;
      }
    },
    resync,
    deliver: (transport, entry) => {
      if (entry.conversationId === null) {
        return Promise.reject(
          new SwitchboardError('invalid_payload', 'An agent message needs a conversation'),
        );
      }
      return transport.request('message:send', {
        conversationId: entry.conversationId,
        clientMessageId: entry.clientMessageId,
        text: entry.text,
        kind: entry.kind,
        // Left out when empty: the payload is strict, and older servers know no attachments.
        ...(entry.attachments.length > 0 && { attachmentIds: entry.attachments.map((file) => file.id) }),
        ...(entry.cards !== undefined && entry.cards.length > 0 && { cards: [...entry.cards] }),
      });
    },
    onDelivered: (message) => applyMessages(message.conversationId, [message], 'live'),
    onPendingChange: (pending) => store.setState({ pending }),
    onStateChange: (connection) => status.setConnection(connection),
    onError: (error, kind) => status.onError(error, kind),
  });
  const status = createStatus(store, hub, () => core.outbox);
  const directory = createAgentDirectory({ store, http: core.http, onError: status.report });
  const canned = createAgentCanned({ store, hub, http: core.http });
  const actions = createAgentActions({
    transport: core.transport,
    applyConversation: (conversation) => applyConversations([conversation], true),
    applyPresence: directory.applyPresence,
  });

  const uploadLimits = singleFlight(async (): Promise<UploadLimits> => {
    limits ??= await fetchUploadLimits(core.http);
    return limits;
  });
  let limits: UploadLimits | undefined;
  const attachments = createAttachments({
    client: options,
    getToken: () => token,
    refreshAuth: () => login(),
    prepare: async () => {
      if (token === null) await login();
      return uploadLimits();
    },
  });

  const messageSync = createMessageSync({
    http: core.http,
    getMessages: (id) => store.getSnapshot().messages[id],
    apply: applyMessages,
    onError: status.report,
  });

  // A message for a conversation we have never seen (created while the list was loading, or
  // beyond the listed pages): fetch it so the inbox can show it.
  const fetchUnknown = createKeyedRunner<string>(async (id) => {
    if (store.getSnapshot().conversations[id]) return;
    applyConversations([await fetchConversation(core.http, id)], true);
  });

  async function listConversations(query: Partial<ConversationListQuery> = {}) {
    const page = await fetchConversations(core.http, query);
    applyConversations(page.items, false);
    return page;
  }

  core.transport.on('message:created', (message) => {
    if (!store.getSnapshot().conversations[message.conversationId]) {
      fetchUnknown(message.conversationId).catch(status.report);
    }
    messageSync.receive(message);
  });
  core.transport.on('message:updated', (message) => {
    // Only news for a conversation whose messages are held; opening one later fetches it as it is.
    if (!store.getSnapshot().messages[message.conversationId]) return;
    applyMessages(message.conversationId, [message], 'live');
    hub.emit('message:updated', message);
  });
  core.transport.on('conversation:created', (conversation) => applyConversations([conversation], true));
  core.transport.on('conversation:updated', (conversation) => applyConversations([conversation], true));
  // Each of these carries the conversation as it is now (routing's assignments arrive only this
  // way) and changes someone's load. The store is updated before listeners hear of the event.
  core.transport.on('conversation:assigned', (event) => {
    applyConversations([event.conversation], true);
    directory.loadsChanged();
    hub.emit('conversation:assigned', event);
  });
  core.transport.on('conversation:transferred', (event) => {
    applyConversations([event.conversation], true);
    directory.loadsChanged();
    hub.emit('conversation:transferred', event);
  });
  core.transport.on('conversation:resolved', (event) => {
    applyConversations([event.conversation], true);
    directory.loadsChanged();
    hub.emit('conversation:resolved', event);
  });
  core.transport.on('conversation:rated', (event) => {
    applyConversations([event.conversation], true);
    hub.emit('conversation:rated', event);
  });
  core.transport.on('queue:updated', (event) => {
    directory.applyQueueWaiting(event);
    hub.emit('queue:updated', event);
  });
  // Handoffs carry the conversation as it is now; the store has it before listeners hear.
  core.transport.on('handoff:requested', (event) => {
    applyConversations([event.conversation], true);
    hub.emit('handoff:requested', event);
  });
  core.transport.on('handoff:accepted', (event) => {
    applyConversations([event.conversation], true);
    hub.emit('handoff:accepted', event);
  });
  core.transport.on('handoff:returned', (event) => {
    applyConversations([event.conversation], true);
    directory.loadsChanged();
    hub.emit('handoff:returned', event);
  });
  core.transport.on('handoff:timed_out', (event) => {
    applyConversations([event.conversation], true);
    hub.emit('handoff:timed_out', event);
  });
  core.transport.on('contact:updated', (contact) => {
    applyContact(contact, true);
    hub.emit('contact:updated', contact);
  });
  core.transport.on('agent:status_changed', (presence) => {
    directory.applyPresence(presence);
    hub.emit('agent:status_changed', presence);
  });
  const signals = createAgentSignals({ store, hub, transport: core.transport });
  const {
    load: loadCollaboration,
    applyContact,
    ...collaboration
  } = createCollaboration({
    store,
    hub,
    http: core.http,
    transport: core.transport,
    sendMessage,
    applyConversation: (conversation) => applyConversations([conversation], true),
    applyListed: (conversations) => applyConversations(conversations, false),
  });
  core.transport.on('typing', signals.receiveTyping);
  core.transport.on('conversation:read', signals.receiveRead);
  core.transport.on('conversation:delivered', signals.receiveDelivered);
  core.transport.on('canned:changed', canned.receive);

  function applyConversations(incoming: readonly Conversation[], notify: boolean): void {
    const { patch, added, updated } = upsertConversations(store.getSnapshot(), incoming);
    store.setState(patch);
    if (!notify) return;
    for (const conversation of added) hub.emit('conversation:created', conversation);
    for (const conversation of updated) hub.emit('conversation:updated', conversation);
  }

  function applyMessages(conversationId: string, incoming: readonly Message[], source: MessageSource): void {
    const { patch, added } = mergeConversationMessages(store.getSnapshot(), conversationId, incoming);
    store.setState(patch);
    core.outbox.acknowledge(incoming);
    if (source !== 'history') for (const message of added) hub.emit('message:created', message);
  }

  async function resync(): Promise<void> {
    // Covers a connect() whose token check could not reach the server.
    await identify();
    await Promise.all([directory.load(), syncConversations(), canned.resync(), loadCollaboration()]);
    syncedOnce = true;
  }

  async function syncConversations(): Promise<void> {
    // Status, assignee and ordering first: conversations changed while we were away.
    const listed: Conversation[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const result = await fetchConversations(core.http, { limit: LIST_PAGE_SIZE, cursor });
      listed.push(...result.items);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    // The first load is the starting point, not news; later ones report what changed.
    applyConversations(listed, syncedOnce);

    const listedIds = new Set(listed.map((conversation) => conversation.id));
    const loaded = Object.keys(store.getSnapshot().messages);
    await mapLimit(
      loaded.filter((id) => !listedIds.has(id)),
      SYNC_CONCURRENCY,
      async (id) => applyConversations([await fetchConversation(core.http, id)], true),
    );
    // Then every conversation the app has open, from the last seq held.
    await mapLimit(loaded, SYNC_CONCURRENCY, (id) => messageSync.catchUp(id));
    // Channel replies still on their way may have been delivered or read meanwhile: a catch-up
    // reads only newer messages, so their latest page is read again (the merge keeps later states).
    const unsettled = loaded.filter((id) =>
      store.getSnapshot().messages[id]?.some((message) => isUnsettled(message.delivery?.state)),
    );
    await mapLimit(unsettled, SYNC_CONCURRENCY, async (id) => {
      const page = await fetchMessages(core.http, id, { limit: DEFAULT_HISTORY_LIMIT });
      applyMessages(id, page.items, 'history');
    });
  }

  /**
   * Asks the server whose token this is before opening the socket, so a refused token fails
   * like a refused login. An unreachable server is no verdict: the socket waits for it, and the
   * re-sync after connecting asks again.
   */
  async function checkToken(): Promise<void> {
    try {
      await identify();
    } catch (caught) {
      if (!toSwitchboardError(caught).retryable) throw caught;
    }
  }

  function sendMessage(conversationId: string, text: string, send: SendOptions = {}): Promise<Message> {
    return attachments.withFiles(send.attachmentIds ?? [], (files) => {
      const cards = send.cards ?? [];
      const invalid =
        validateMessageText(text, files.length > 0 || cards.length > 0) ?? validateCards(cards, send.kind);
      if (invalid) return Promise.reject(invalid);
      return core.outbox.enqueue({
        conversationId,
        text,
        kind: send.kind ?? 'text',
        attachments: files,
        cards,
        clientMessageId: send.clientMessageId,
      });
    });
  }

  let connecting: { generation: number; done: Promise<void> } | null = null;

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    select: store.select,
    on: hub.on,
    off: hub.off,

    connect() {
      if (connecting?.generation === generation) return connecting.done;
      const started = generation;
      let socketOpening = false;
      const run = async (): Promise<void> => {
        try {
          if (token === null) {
            status.setConnection('connecting');
            await login();
          } else if (store.getSnapshot().agent === null) {
            status.setConnection('connecting');
            await checkToken();
          }
          if (started !== generation) return;
          socketOpening = true;
          await core.open();
        } catch (caught) {
          // disconnect() during connect() is the app's own doing, not a failure to report.
          if (started !== generation) return;
          const error = toSwitchboardError(caught);
          // The login or token check failed (socket failures were reported by the connection core).
          if (!socketOpening) {
            if (!error.retryable) status.onError(error, 'fatal');
            status.setConnection('disconnected');
          }
          throw error;
        }
      };
      const done = run().finally(() => {
        if (connecting?.done === done) connecting = null;
      });
      connecting = { generation: started, done };
      return done;
    },

    disconnect() {
      generation += 1;
      directory.stop();
      signals.stop();
      core.close();
      if (store.getSnapshot().connection !== 'idle') status.setConnection('disconnected');
    },

    listConversations,

    view: (query = {}) => createConversationView({ query, state: store, fetchPage: listConversations }),

    async loadMessages(conversationId, history = {}) {
      if (!store.getSnapshot().conversations[conversationId])
        fetchUnknown(conversationId).catch(status.report);
      const page = await fetchMessages(core.http, conversationId, {
        afterSeq: history.afterSeq,
        beforeSeq: history.beforeSeq,
        limit: history.limit ?? DEFAULT_HISTORY_LIMIT,
      });
      applyMessages(conversationId, page.items, 'history');
      return page.items;
    },

    sendMessage,

    upload: attachments.upload,

    ...attachmentLinks(options),

    uploadLimits,

    retryMessage(clientMessageId) {
      return core.outbox.retry(clientMessageId);
    },

    discardMessage(clientMessageId) {
      return core.outbox.discard(clientMessageId);
    },

    ...actions,

    ...collaboration,

    ...createChannelControls({
      http: core.http,
      applyConversation: (conversation) => applyConversations([conversation], true),
      applyMessage: (message) => applyMessages(message.conversationId, [message], 'live'),
    }),

    ...createAgentContext({ http: core.http, sendMessage }),

    async updateProfile(profile) {
      const presence = await updateProfile(core.http, profile);
      directory.applyPresence(presence);
      return presence;
    },

    setTyping: signals.setTyping,

    markRead: signals.markRead,

    listQueues: directory.loadQueues,

    listAgents: directory.loadAgents,

    timeline(conversationId) {
      return fetchTimeline(core.http, conversationId);
    },

    async contact(conversationId) {
      const contact = await fetchContact(core.http, conversationId);
      applyContact(contact, false);
      return contact;
    },

    canned: canned.api,
  };
}
