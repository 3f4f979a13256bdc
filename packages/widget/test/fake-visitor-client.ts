import {
  createStore,
  INITIAL_VISITOR_STATE,
  type PendingMessage,
  type VisitorClient,
  type VisitorClientEvents,
  type VisitorState,
} from '@switchboard/agent-sdk';
import type { Conversation, PublicSite } from '@switchboard/protocol';

/** One call the widget made on its client. */
export interface Call {
  method: keyof VisitorClient;
  args: unknown[];
}

/**
 * A visitor client without a server: the SDK's own store holds the state, tests change it as
 * server events would, and every call the widget makes is recorded.
 */
export interface FakeVisitorClient extends VisitorClient {
  readonly calls: Call[];
  /** The arguments of each call to `method`, in order. */
  callsTo(method: keyof VisitorClient): unknown[][];
  /** Changes the state as the SDK does on a server event; the widget re-renders. */
  setState(update: Partial<VisitorState>): void;
  /** Emits a client event (`message:created`, …) as the SDK does. */
  emit<Name extends keyof VisitorClientEvents>(name: Name, payload: VisitorClientEvents[Name]): void;
}

let counter = 0;

/** A client message id (a ULID's 26 characters). */
function clientMessageId(): string {
  counter++;
  return `FAKE${String(counter).padStart(22, '0')}`;
}

const notFaked = (method: string) => () =>
  Promise.reject(new Error(`fakeVisitorClient: ${method} was not given a behaviour`));

/**
 * `state` starts the store; `methods` replace the default behaviours. By default `sendMessage`
 * queues the text as pending (as the SDK's outbox does) and never hears back, `connect` resolves,
 * and the requests that would need a server answer (`rate`, `submitOfflineForm`, …) reject.
 */
export function fakeVisitorClient(
  state: Partial<VisitorState> = {},
  methods: Partial<VisitorClient> = {},
): FakeVisitorClient {
  const store = createStore<VisitorState>({ ...INITIAL_VISITOR_STATE, ...state });
  const listeners = new Map<keyof VisitorClientEvents, Set<(payload: never) => void>>();
  const calls: Call[] = [];

  const defaults: Omit<VisitorClient, 'getSnapshot' | 'subscribe' | 'select' | 'on' | 'off'> = {
    connect: () => Promise.resolve(),
    disconnect: () => {},
    sendMessage: (text) => {
      const pending: PendingMessage = {
        clientMessageId: clientMessageId(),
        conversationId: store.getSnapshot().conversation?.id ?? null,
        text,
        kind: 'text',
        attachments: [],
        createdAt: new Date().toISOString(),
        attempts: 1,
        error: null,
      };
      store.setState((current) => ({ pending: [...current.pending, pending] }));
      return new Promise(() => {});
    },
    startConversation: notFaked('startConversation'),
    startNewConversation: notFaked('startNewConversation'),
    submitOfflineForm: notFaked('submitOfflineForm'),
    submitPreChat: notFaked('submitPreChat'),
    upload: notFaked('upload'),
    download: notFaked('download'),
    attachmentUrl: (attachment) => attachment.url,
    // A site without a pre-chat form unless the test's state says otherwise.
    loadSite: () => Promise.resolve(store.getSnapshot().site ?? site()),
    rate: notFaked('rate'),
    identify: notFaked('identify'),
    retryMessage: notFaked('retryMessage'),
    discardMessage: (id) => {
      const before = store.getSnapshot().pending;
      store.setState({ pending: before.filter((message) => message.clientMessageId !== id) });
      return before.some((message) => message.clientMessageId === id);
    },
    loadOlder: () => Promise.resolve(false),
    setTyping: () => {},
    markRead: () => {},
    reset: () => store.setState({ ...INITIAL_VISITOR_STATE }),
  };

  const recorded = Object.fromEntries(
    Object.entries({ ...defaults, ...methods }).map(([method, behaviour]) => [
      method,
      (...args: unknown[]) => {
        calls.push({ method: method as keyof VisitorClient, args });
        return (behaviour as (...args: unknown[]) => unknown)(...args);
      },
    ]),
  ) as typeof defaults;

  return {
    ...recorded,
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    select: store.select,
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    off(name, listener) {
      listeners.get(name)?.delete(listener);
    },
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method).map((call) => call.args),
    setState: (update) => store.setState(update),
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) (listener as (payload: unknown) => void)(payload);
    },
  };
}

/** A conversation of the fake's site; `status` and the rest can be overridden. */
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    siteId: 'site1',
    contactId: 'contact1',
    channel: 'web',
    status: 'bot',
    priority: 'normal',
    queueId: null,
    assigneeId: null,
    requiredSkills: [],
    queuedAt: null,
    assignedAt: null,
    resolvedAt: null,
    resolveReason: null,
    handoff: null,
    csat: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    visitorDeliveredSeq: 0,
    agentDeliveredSeq: 0,
    tags: [],
    labelIds: [],
    lastMessageAt: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The site as the server describes it to visitors; `open: false` is outside business hours, and
 * `nextOpenAt` when the team is back.
 */
export function site(open = true, nextOpenAt: string | null = null): PublicSite {
  return {
    id: 'site1',
    name: 'Acme',
    availability: { open, afterHoursMode: open ? null : 'offline_form', nextOpenAt },
    preChat: null,
    uploads: { maxBytes: 10 * 1024 * 1024, maxAttachments: 10, contentTypes: ['image/png'] },
  };
}
