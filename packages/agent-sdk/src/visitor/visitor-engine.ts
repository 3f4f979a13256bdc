import {
  VISITOR_NAMESPACE,
  type Conversation,
  type PublicSite,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type {
  Emitter,
  PendingMessage,
  ReadableStore,
  VisitorClient,
  VisitorClientEvents,
  VisitorClientOptions,
  VisitorState,
} from '../types.js';
import { backoffDelay, reconnectionBackoff } from '../core/backoff.js';
import { createAttachments } from '../core/attachments.js';
import { createConnectionCore } from '../core/connection.js';
import type { SocketConnector } from '../core/socket.js';
import { isOpen } from '../core/conversations.js';
import type { EventHub } from '../core/emitter.js';
import { toSwitchboardError } from '../core/error-utils.js';
import { createStatus } from '../core/status.js';
import type { Store } from '../core/store.js';
import { INITIAL_VISITOR_STATE } from './initial-state.js';
import { lazily } from '../core/lazy.js';
import { createDelays, singleFlight } from '../core/tasks.js';
import { validateMessageText } from '../core/validate.js';
import type { VisitorSessionStorage } from './session-storage.js';
import { createVisitorConversation } from './visitor-conversation.js';
import { createVisitorIdentity } from './visitor-identity.js';
import { watchActivity } from './activity.js';
import { watchAgentProfiles } from './agent-profiles.js';
import { createVisitorSignals } from './visitor-signals.js';
import type { EngineParts } from './engine-parts.js';

/** A stored conversation answering a join with one of these is gone for this visitor. */
const GONE_ON_JOIN = new Set<SwitchboardError['code']>(['not_found', 'forbidden', 'conversation_closed']);
/** A send refused with one of these goes to a new conversation instead. */
const GONE_ON_SEND = new Set<SwitchboardError['code']>(['not_found', 'conversation_closed']);
/** A conversation the visitor may leave for a new one. */
const ENDED = new Set<Conversation['status']>(['resolved', 'abandoned']);
/** The visitor is using the chat (not idle, nor disconnected by the app): identify() reconnects. */
const ACTIVE = new Set<VisitorState['connection']>(['connecting', 'connected', 'reconnecting']);

/**
 * The methods the shell (`createVisitorClientCore`) hands to the engine. The store, the events,
 * the site and the attachments' URLs work without a session, so the shell serves them itself.
 */
export type VisitorEngine = Omit<
  VisitorClient,
  | keyof ReadableStore<VisitorState>
  | keyof Emitter<VisitorClientEvents>
  | 'loadSite'
  | 'download'
  | 'attachmentUrl'
>;

/**
 * The visitor client's working part: session, socket, outbox, conversation. `createVisitorClientCore`
 * loads it (as a chunk of its own in a browser bundle) when the visitor first needs it, and hands
 * it the store and event hub the app has been watching from the start.
 */
export function createVisitorEngine(
  options: VisitorClientOptions,
  connector: SocketConnector,
  store: Store<VisitorState>,
  hub: EventHub<VisitorClientEvents>,
  /** The shell's, which reads it to decide whether a page view must load the engine. */
  storage: VisitorSessionStorage,
  /** The shell's: the site is read the same way before and after the engine arrives. */
  loadSite: () => Promise<PublicSite>,
  /** Reads back the messages an earlier page left unsent; absent when the shell found none. */
  fromStored?: (value: unknown) => PendingMessage | null,
): VisitorEngine {
  const delays = createDelays();
  const backoff = reconnectionBackoff(options.reconnection);
  /** Set once the visitor writes; only then may a fresh session be created on our own. */
  let interacted = false;
  /** Bumped by disconnect() and reset() so work they interrupt winds down instead of resuming. */
  let generation = 0;

  const status = createStatus(store, hub, () => core.outbox);
  const getToken = () => identity.session?.token ?? null;

  const core = createConnectionCore<VisitorServerToClientEvents, VisitorClientToServerEvents>({
    client: options,
    namespace: VISITOR_NAMESPACE,
    connect: connector,
    getToken,
    refreshAuth: () => refreshSession(),
    resync,
    deliver: async (transport, entry) => {
      const payload = {
        clientMessageId: entry.clientMessageId,
        text: entry.text,
        // Left out when empty: the payload is strict, and older servers know no attachments.
        ...(entry.attachments.length > 0 && { attachmentIds: entry.attachments.map((file) => file.id) }),
      };
      const target = await ensureConversation();
      try {
        return await transport.request('message:send', { ...payload, conversationId: target.id });
      } catch (caught) {
        const error = toSwitchboardError(caught);
        if (!GONE_ON_SEND.has(error.code)) throw error;
        // The conversation ended or vanished while the message waited: carry the message into a
        // new one, under the same clientMessageId.
        conversation.drop(target.id);
        const fresh = await ensureConversation();
        return transport.request('message:send', { ...payload, conversationId: fresh.id });
      }
    },
    onDelivered: (message) => conversation.apply(message.conversationId, [message], 'live'),
    onPendingChange: (pending) => store.setState({ pending }),
    onStateChange: status.setConnection,
    onError: status.onError,
    outboxStorage: options.storage ? { storage: options.storage, key: storage.outboxKey, fromStored } : null,
  });
  store.setState({ pending: core.outbox.entries });

  const conversation = createVisitorConversation({
    store,
    hub,
    http: core.http,
    acknowledge: (messages) => core.outbox.acknowledge(messages),
    onTargetChange: () => identity.persist(),
    onError: status.report,
  });

  const identity = createVisitorIdentity({
    siteKey: options.siteKey,
    http: core.http,
    storage,
    store,
    user: options.identity,
    conversationId: () => conversation.targetId,
    interacted: () => interacted || core.outbox.entries.length > 0,
    onForgotten: () => conversation.drop(),
  });

  core.transport.on('message:created', conversation.receive);
  core.transport.on('queue:position', conversation.receivePosition);
  core.transport.on('conversation:updated', (update) => {
    if (update.id === store.getSnapshot().conversation?.id) conversation.adopt(update);
  });
  const signals = createVisitorSignals({ store, hub, transport: core.transport });
  core.transport.on('typing', signals.receiveTyping);
  core.transport.on('conversation:read', signals.receiveRead);
  core.transport.on('conversation:delivered', signals.receiveDelivered);
  watchAgentProfiles({ store, transport: core.transport });
  watchActivity({ store, http: core.http });

  // A 401 over HTTP or a refused handshake: the token expired, so mint another from the credential.
  const refreshSession = singleFlight(async (): Promise<boolean> => {
    if (!identity.session) return false;
    try {
      if (await identity.open()) return true;
    } catch (caught) {
      // A network blip while refreshing: worth another handshake later.
      if (toSwitchboardError(caught).retryable) return true;
      throw caught;
    }
    // Refused, and the visitor has nothing to send: back to idle, cleanly, rather than report an
    // error about a session nobody is using.
    stop();
    status.setConnection('idle');
    return false;
  });

  const ensureConversation = singleFlight(async (): Promise<Conversation> => {
    const held = store.getSnapshot().conversation;
    if (held) return held;
    const started = await core.transport.request('conversation:start', {});
    conversation.adopt(started);
    // `start` may hand back an open conversation that already has history.
    if (!conversation.loaded) await conversation.loadLatest(started.id).catch(status.report);
    return store.getSnapshot().conversation ?? started;
  });

  async function resync(): Promise<void> {
    const restoring = store.getSnapshot().conversation === null;
    const id = conversation.targetId;
    if (!id) return;
    let joined: Conversation;
    try {
      // Also re-enters the conversation's room, which a fresh server-side socket is not in.
      joined = await core.transport.request('conversation:join', { conversationId: id });
    } catch (caught) {
      const error = toSwitchboardError(caught);
      if (GONE_ON_JOIN.has(error.code)) return conversation.drop(id);
      throw error;
    }
    // A send started another conversation while the join was in flight: that one is current.
    const held = store.getSnapshot().conversation;
    if (held && held.id !== id) return;
    // One that closed while the visitor was away is history: their next message starts a new
    // one. One that closes while they watch stays on screen (writing again reopens it), and so
    // does one they rated, so that a reload shows their rating rather than an empty chat.
    if (restoring && !isOpen(joined) && !joined.csat) return conversation.drop(id);
    conversation.adopt(joined);
    await conversation.refresh(id);
  }

  const attachments = createAttachments({
    client: options,
    getToken,
    refreshAuth: refreshSession,
    // Uploading is interacting: it needs a session, and the session tells the site's limits.
    prepare: async () => {
      await start();
      return store.getSnapshot().site?.uploads ?? null;
    },
  });

  let activation: { generation: number; done: Promise<void> } | null = null;

  /** Gets from any state to connected and synced, retrying network failures with backoff. */
  function activate(): Promise<void> {
    // An activation interrupted by disconnect()/reset() is winding down; do not wait on it.
    if (activation?.generation === generation) return activation.done;
    const started = generation;
    const run = async (): Promise<void> => {
      for (let failures = 0; !identity.session; failures++) {
        status.setConnection('connecting');
        try {
          if (!(await identity.open())) return status.setConnection('idle');
        } catch (caught) {
          const error = toSwitchboardError(caught);
          if (started !== generation) return;
          if (!error.retryable) {
            status.onError(error, 'fatal');
            status.setConnection('disconnected');
            throw error;
          }
          if (!(await delays.wait(backoffDelay(failures, backoff)))) return;
        }
        if (started !== generation) return;
      }
      try {
        await core.open();
      } catch (caught) {
        // disconnect() or reset() during connect() is the app's own doing, not a failure.
        if (started !== generation) return;
        throw caught;
      }
    };
    const done = run().finally(() => {
      if (activation?.done === done) activation = null;
    });
    activation = { generation: started, done };
    return done;
  }

  function stop(): void {
    generation += 1;
    delays.cancelAll();
    signals.stop();
    core.close();
  }

  /** The visitor did something: from now on the session may be created and stored. */
  function interact(): void {
    interacted = true;
    // A session identify() created before the visitor interacted was kept in memory only.
    identity.persist();
  }

  async function start(): Promise<void> {
    interact();
    await activate();
  }

  async function startConversation(): Promise<Conversation> {
    await start();
    return ensureConversation();
  }

  // The forms, the rating, identify() and loadOlder() are loaded on first use (see `lazily`): most
  // visitors never need them.
  const parts: EngineParts = {
    store,
    core,
    conversation,
    identity,
    loadSite,
    activate,
    start,
    startConversation,
    stop,
    report: status.report,
  };
  const submitOfflineForm = lazily(async () => (await import('./offline-form.js')).offlineFormFor(parts));
  const submitPreChat = lazily(async () => (await import('./pre-chat.js')).preChatFor(parts));
  const rate = lazily(async () => (await import('./rating.js')).raterFor(parts));
  const identifyAs = lazily(async () => (await import('./identify.js')).identifierFor(parts));
  const loadOlder = lazily(async () => (await import('./load-older.js')).olderLoaderFor(parts));

  return {
    connect() {
      // Nothing to resume: stay idle, so a page view costs the server nothing.
      if (!identity.resumable && core.outbox.entries.length === 0) return Promise.resolve();
      // Without a stored conversation, the one identify() found (if any) is the one to join.
      conversation.restore(storage.read()?.conversationId ?? conversation.targetId);
      return activate();
    },

    disconnect() {
      stop();
      if (store.getSnapshot().connection !== 'idle') status.setConnection('disconnected');
    },

    startConversation,

    async startNewConversation() {
      const held = store.getSnapshot().conversation;
      // The server starts a new conversation whenever the contact has no open one.
      if (held && ENDED.has(held.status)) conversation.drop(held.id);
      return startConversation();
    },

    sendMessage(text, { attachmentIds = [] } = {}) {
      return attachments.withFiles(attachmentIds, (files) => {
        const invalid = validateMessageText(text, files.length > 0);
        if (invalid) return Promise.reject(invalid);
        interact();
        const sent = core.outbox.enqueue({
          conversationId: store.getSnapshot().conversation?.id ?? null,
          text,
          kind: 'text',
          attachments: files,
        });
        // Failures surface through the returned promise, `state.error` and 'error' events.
        activate().catch(() => undefined);
        return sent;
      });
    },

    submitOfflineForm,

    submitPreChat,

    upload: attachments.upload,

    identify(user) {
      // Read now, not once the module is in: whether the socket was in use when the app asked.
      return identifyAs(user, ACTIVE.has(store.getSnapshot().connection));
    },

    rate,

    loadOlder,

    setTyping: signals.setTyping,

    markRead: signals.markRead,

    reset() {
      stop();
      core.outbox.clear(new SwitchboardError('conflict', 'The conversation was reset'));
      // Forget the credential first, so dropping the conversation has nothing left to persist.
      identity.signOut();
      conversation.drop();
      interacted = false;
      store.setState({ ...INITIAL_VISITOR_STATE, connection: store.getSnapshot().connection });
      status.setConnection('idle');
    },

    retryMessage(clientMessageId) {
      const retried = core.outbox.retry(clientMessageId);
      activate().catch(() => undefined);
      return retried;
    },

    discardMessage(clientMessageId) {
      return core.outbox.discard(clientMessageId);
    },
  };
}
