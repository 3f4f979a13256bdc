// The visitor client as apps get it: a store they can watch at once, and the working part (the
// session, socket, outbox and conversation, `visitor-engine.ts`) imported when the visitor first
// needs it: a stored session to resume, a message, a form. A browser bundle keeps that part in a
// chunk of its own, so a page with a chat nobody has used yet loads less.
import type { SocketConnector } from '../core/socket.js';
import { attachmentLinks } from '../core/attachment-url.js';
import { fetchPublicSite } from '../core/api.js';
import { createEventHub } from '../core/emitter.js';
import { createHttpClient } from '../core/http.js';
import { loadOnce } from '../core/lazy.js';
import { readJson, removeKey } from '../core/storage.js';
import { createStore } from '../core/store.js';
import { singleFlight } from '../core/tasks.js';
import type { VisitorClient, VisitorClientEvents, VisitorClientOptions, VisitorState } from '../types.js';
import { INITIAL_VISITOR_STATE } from './initial-state.js';
import { createVisitorSessionStorage } from './session-storage.js';
import type { fromStored } from '../core/outbox-restore.js';
import type { createVisitorEngine, VisitorEngine } from './visitor-engine.js';

/** The engine with the sockets it runs on: imported together, so a browser bundle fetches one chunk. */
export interface EngineKit {
  createVisitorEngine: typeof createVisitorEngine;
  connector: SocketConnector;
  /**
   * Reads back stored outbox entries. Given with an eager engine; otherwise the shell imports it
   * only when the storage holds messages an earlier page left unsent.
   */
  fromStored?: typeof fromStored;
}

export { INITIAL_VISITOR_STATE } from './initial-state.js';

/**
 * The visitor client with the engine from `engineKit`, loaded on first need. The public
 * `createVisitorClient`s pick the connector, so that the one in `visitor-lite` never pulls
 * socket.io-client into a bundle.
 */
export function createVisitorClientCore(
  options: VisitorClientOptions,
  engineKit: () => Promise<EngineKit>,
  /** Creates the engine at once (its pending messages restored) rather than on first need. */
  eager?: EngineKit,
): VisitorClient {
  const store = createStore<VisitorState>(INITIAL_VISITOR_STATE);
  const hub = createEventHub<VisitorClientEvents>();
  // One for the shell and the engine, so that neither reads a credential the other forgot.
  const session = createVisitorSessionStorage(
    options.storage ?? null,
    options.storageKey ?? 'switchboard:',
    options.siteKey,
  );
  /** What an earlier page left in the outbox (its JSON), if anything. */
  const storedOutbox = () => (options.storage ? readJson(options.storage, session.outboxKey) : undefined);
  // `loadSite` is read when called, by then defined below.
  const create = (kit: EngineKit, fromStored = kit.fromStored) =>
    kit.createVisitorEngine(options, kit.connector, store, hub, session, () => loadSite(), fromStored);
  let engine: VisitorEngine | null = eager ? create(eager) : null;
  /** The engine, imported and created once; a failed import (offline) is tried again next time. */
  const load = loadOnce(async () => {
    if (engine) return engine;
    // Few pages find messages an earlier one left unsent: only those load the reader of them.
    const [kit, restore] = await Promise.all([
      engineKit(),
      storedOutbox() === undefined ? undefined : import('../core/outbox-restore.js'),
    ]);
    return (engine = create(kit, restore?.fromStored));
  });

  /** Runs `use` on the engine: at once when it is there (so a send is pending synchronously), else once loaded. */
  const withEngine = <Result>(use: (loaded: VisitorEngine) => Promise<Result>): Promise<Result> =>
    engine ? use(engine) : load().then(use);
  /** The engine's method `name`, called through `withEngine` (for methods that resolve a promise). */
  const viaEngine = <Name extends keyof VisitorEngine>(name: Name) =>
    ((...args: unknown[]) =>
      withEngine((loaded) =>
        (loaded[name] as (...args: unknown[]) => Promise<unknown>)(...args),
      )) as VisitorEngine[Name];

  /** Whether a page view must load the engine: a session to resume or messages still to send. */
  const stored = () => session.read() !== null || storedOutbox() !== undefined;

  // The site is public: read without a session, before or after the engine, and kept (a session
  // brings the same site along and replaces it).
  const http = createHttpClient(options);
  const loadSite = singleFlight(async () => {
    const held = store.getSnapshot().site;
    if (held) return held;
    const site = await fetchPublicSite(http, options.siteKey);
    if (!store.getSnapshot().site) store.setState({ site });
    return store.getSnapshot().site ?? site;
  });

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    select: store.select,
    on: hub.on,
    off: hub.off,

    async connect() {
      // Nothing to resume: stay idle (and small), so a page view costs the server nothing.
      if (engine || stored()) return withEngine((loaded) => loaded.connect());
    },
    disconnect: () => engine?.disconnect(),
    startConversation: viaEngine('startConversation'),
    startNewConversation: viaEngine('startNewConversation'),
    sendMessage: viaEngine('sendMessage'),
    submitOfflineForm: viaEngine('submitOfflineForm'),
    submitPreChat: viaEngine('submitPreChat'),
    loadSite,
    upload: viaEngine('upload'),
    ...attachmentLinks(options),
    identify: viaEngine('identify'),
    rate: viaEngine('rate'),
    loadOlder: async () => (engine ? engine.loadOlder() : false),
    setTyping(typing) {
      if (engine) engine.setTyping(typing);
      // Someone typing is about to send: fetch the engine now, so the message shows at once.
      else if (typing) load().catch(() => undefined);
    },
    markRead: () => engine?.markRead(),
    retryMessage: viaEngine('retryMessage'),
    discardMessage: (clientMessageId) => engine?.discardMessage(clientMessageId) ?? false,
    reset() {
      if (engine) return engine.reset();
      // Nothing loaded yet may still have been stored by an earlier page: forget it too.
      session.clear();
      if (options.storage) removeKey(options.storage, session.outboxKey);
      store.setState({ ...INITIAL_VISITOR_STATE });
    },
  };
}
