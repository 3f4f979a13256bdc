// The connection core both clients share: one socket, one outbox, and the rule that ties them
// together (DESIGN.md, delivery guarantee 4): after every connect that socket.io could not
// recover, re-sync state over HTTP, then flush the outbox.
import type { Message } from '@switchboard/protocol';
import type { SwitchboardError } from '../errors.js';
import type { BaseClientOptions, ConnectionState, KeyValueStorage, PendingMessage } from '../types.js';
import { backoffDelay, reconnectionBackoff } from './backoff.js';
import { createHttpClient, type HttpClient } from './http.js';
import { toSwitchboardError } from './error-utils.js';
import { createOutbox, type Outbox, type OutboxOptions } from './outbox.js';
import type { SocketConnector } from './socket.js';
import { createDelays } from './tasks.js';
import { createTransport, type Transport } from './transport.js';

export const DEFAULT_ACK_TIMEOUT_MS = 8000;

export type ErrorKind = 'fatal' | 'sync' | 'message';

export interface ConnectionCoreOptions<Listen, Emit> {
  client: BaseClientOptions;
  /** `/visitor` or `/agent`. */
  namespace: string;
  /** Makes the socket. */
  connect: SocketConnector;
  /** The current bearer token, read on every HTTP call and every socket handshake. */
  getToken: () => string | null;
  /** Gets a fresh token after a 401 or a refused handshake; resolves whether to try again. */
  refreshAuth: () => Promise<boolean>;
  /** Brings the state up to date; runs after the first connect and every unrecovered reconnect. */
  resync: () => Promise<void>;
  /** Sends one outbox entry over the socket. */
  deliver: (transport: Transport<Listen, Emit>, entry: PendingMessage) => Promise<Message>;
  /** The ack of an outbox entry, to merge into state. */
  onDelivered: (message: Message) => void;
  onPendingChange: (pending: readonly PendingMessage[]) => void;
  onStateChange: (state: ConnectionState) => void;
  /**
   * `fatal`: the connection gave up. `sync`: a re-sync failed (retried when retryable). `message`:
   * an outbox entry failed for good.
   */
  onError: (error: SwitchboardError, kind: ErrorKind) => void;
  /** Where the outbox is persisted, and how its entries are read back (see `OutboxOptions`). @default memory only */
  outboxStorage?: (Pick<OutboxOptions, 'fromStored'> & { storage: KeyValueStorage; key: string }) | null;
}

export interface ConnectionCore<Listen, Emit> {
  readonly http: HttpClient;
  readonly transport: Transport<Listen, Emit>;
  readonly outbox: Outbox;
  /** Opens the socket; resolves once connected and the first sync has run. */
  open(): Promise<void>;
  /** Closes the socket; pending messages stay in the outbox. */
  close(): void;
}

export function createConnectionCore<Listen, Emit>(
  options: ConnectionCoreOptions<Listen, Emit>,
): ConnectionCore<Listen, Emit> {
  const { client } = options;
  const backoff = reconnectionBackoff(client.reconnection);
  let closed = true;
  let syncedOnce = false;
  let lastSync: Promise<void> = Promise.resolve();
  let syncing: Promise<void> | null = null;
  let syncAgain = false;
  // Backoff pauses that close() cuts short, so a closed client never leaves a sync hanging.
  const delays = createDelays();

  const http = createHttpClient({ ...client, getToken: options.getToken, refreshAuth: options.refreshAuth });

  // namespace, connect, getToken and onStateChange go to the transport as they are.
  const transport: Transport<Listen, Emit> = createTransport<Listen, Emit>({
    ...options,
    serverUrl: client.serverUrl,
    reconnection: backoff,
    ackTimeoutMs: client.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
    onConnect: (recovered) => {
      // Recovery replays what the socket missed, but it is an optimisation: without it, or
      // before the first sync, only an HTTP re-sync restores the guarantee.
      if (recovered && syncedOnce) {
        outbox.flush();
        return;
      }
      lastSync = sync();
      // Flush after the sync: a visitor's sends need the conversation the sync re-joins.
      lastSync.finally(() => outbox.flush()).catch(() => undefined);
    },
    onRejected: async (error) => (error.code === 'unauthorized' ? options.refreshAuth() : false),
    onFatal: (error) => {
      outbox.pause();
      options.onError(error, 'fatal');
    },
  });

  const outbox: Outbox = createOutbox({
    deliver: (entry) => options.deliver(transport, entry),
    // Not during a sync: sends wait until the state they depend on (a re-joined room) is back.
    canSend: () => !closed && transport.connected && syncing === null,
    onChange: options.onPendingChange,
    onDelivered: options.onDelivered,
    onFailed: (error) => options.onError(error, 'message'),
    backoff,
    storage: options.outboxStorage?.storage ?? null,
    storageKey: options.outboxStorage?.key,
    fromStored: options.outboxStorage?.fromStored,
  });

  // One sync at a time; a connect during a sync asks for one more run after it.
  const sync = (): Promise<void> => {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      let failures = 0;
      try {
        do {
          syncAgain = false;
          try {
            await options.resync();
            syncedOnce = true;
            failures = 0;
          } catch (caught) {
            const error = toSwitchboardError(caught);
            // Dropped mid-sync: the next connect starts a fresh one.
            if (closed || !transport.connected) return;
            options.onError(error, 'sync');
            if (!error.retryable) throw error;
            await delays.wait(backoffDelay(failures++, backoff));
            syncAgain = true;
          }
        } while (syncAgain && !closed && transport.connected);
      } finally {
        syncing = null;
      }
    })();
    return syncing;
  };

  return {
    http,
    transport,
    outbox,

    async open() {
      closed = false;
      await transport.open();
      await lastSync;
    },

    close() {
      closed = true;
      delays.cancelAll();
      outbox.pause();
      transport.close();
    },
  };
}
