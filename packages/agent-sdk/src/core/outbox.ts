// The sender's half of delivery guarantee 1 (DESIGN.md): a message stays here, under the
// clientMessageId minted when it was written, until the server acknowledges it. Every retry reuses
// that id, so the server's UNIQUE(conversation_id, client_message_id) turns retries into no-ops.
import { ulid, type Attachment, type Card, type Message } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { KeyValueStorage, PendingMessage } from '../types.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { isDeliveryOf } from './message-log.js';
import { toSwitchboardError } from './error-utils.js';
import { toStored } from './outbox-serialization.js';
import { readJson, removeKey, writeJson } from './storage.js';

export interface OutboxInput {
  conversationId: string | null;
  text: string;
  kind: PendingMessage['kind'];
  /** Uploads sent with the message. @default [] */
  attachments?: readonly Attachment[];
  /** Cards an agent sends with the message. @default none */
  cards?: readonly Card[];
  /** Reuse an id minted elsewhere; a fresh ULID when absent. */
  clientMessageId?: string;
}

export interface OutboxOptions {
  /** Sends one entry and resolves with the stored message from the ack. */
  deliver: (entry: PendingMessage) => Promise<Message>;
  /** Whether sending can be attempted now (the socket is connected). */
  canSend: () => boolean;
  /** Called with the new entry list after every change. */
  onChange: (entries: readonly PendingMessage[]) => void;
  /** Called with the ack's message, before the entry disappears, so it can be merged first. */
  onDelivered: (message: Message) => void;
  /** Called when an entry fails for good. */
  onFailed?: (error: SwitchboardError) => void;
  backoff: BackoffOptions;
  /** @default null (memory only) */
  storage?: KeyValueStorage | null;
  /** The storage key the entries are kept under. @default 'switchboard:outbox' */
  storageKey?: string;
  /**
   * Reads a stored entry back (`fromStored` of outbox-restore.ts). Without it, entries are stored
   * but none is restored: a client that found nothing stored need not load the reader.
   */
  fromStored?: ((value: unknown) => PendingMessage | null) | undefined;
  /** @default Math.random */
  random?: () => number;
}

export interface Outbox {
  readonly entries: readonly PendingMessage[];
  /** Adds an entry (or returns the promise of the entry already holding that id) and flushes. */
  enqueue(input: OutboxInput): Promise<Message>;
  /** Sends entries in order while `canSend()`; call after every (re)connect. */
  flush(): void;
  /** Settles the entries these messages are the stored copies of (e.g. a broadcast beat the ack). */
  acknowledge(messages: readonly Message[]): void;
  /** Clears a failed entry's error and sends it again, with the same id. */
  retry(clientMessageId: string): Promise<Message>;
  /** Removes an entry; its promise rejects with `reason`. Returns whether it existed. */
  discard(clientMessageId: string, reason?: SwitchboardError): boolean;
  /**
   * Marks every entry not yet failed with `error` and rejects its promise, e.g. when the session
   * itself was refused; `retry` sends one again later.
   */
  failAll(error: SwitchboardError): void;
  /** Cancels the scheduled retry, e.g. on disconnect; entries stay. */
  pause(): void;
  /** Removes every entry; their promises reject with `reason`. */
  clear(reason: SwitchboardError): void;
}

interface Deferred {
  promise: Promise<Message>;
  resolve: (message: Message) => void;
  reject: (error: SwitchboardError) => void;
}

function defer(): Deferred {
  let resolve!: (message: Message) => void;
  let reject!: (error: SwitchboardError) => void;
  const promise = new Promise<Message>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Entries restored from storage have no caller awaiting them; a final failure there must not
  // surface as an unhandled rejection. Callers who do await still see the rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export function createOutbox(options: OutboxOptions): Outbox {
  const storage = options.storage ?? null;
  const storageKey = options.storageKey ?? 'switchboard:outbox';
  const deferreds = new Map<string, Deferred>();
  let entries: readonly PendingMessage[] = [];
  let flushing = false;
  let flushRequested = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let persisted = false;

  const { fromStored } = options;
  if (storage && fromStored) {
    const stored = readJson(storage, storageKey);
    if (Array.isArray(stored)) {
      entries = stored.map(fromStored).filter((entry): entry is PendingMessage => entry !== null);
      persisted = entries.length > 0;
    }
  }

  const deferredFor = (clientMessageId: string): Deferred => {
    let deferred = deferreds.get(clientMessageId);
    if (!deferred) {
      deferred = defer();
      deferreds.set(clientMessageId, deferred);
    }
    return deferred;
  };

  const commit = (next: readonly PendingMessage[]): void => {
    entries = next;
    if (storage) {
      // Writing only on change keeps a visitor who never typed anything free of storage writes.
      if (next.length > 0) persisted = writeJson(storage, storageKey, next.map(toStored)) || persisted;
      else if (persisted) {
        removeKey(storage, storageKey);
        persisted = false;
      }
    }
    options.onChange(next);
  };

  const replace = (clientMessageId: string, patch: Partial<PendingMessage>): PendingMessage | null => {
    let updated: PendingMessage | null = null;
    commit(
      entries.map((entry) => {
        if (entry.clientMessageId !== clientMessageId) return entry;
        updated = { ...entry, ...patch };
        return updated;
      }),
    );
    return updated;
  };

  const holds = (clientMessageId: string): boolean =>
    entries.some((entry) => entry.clientMessageId === clientMessageId);

  const remove = (clientMessageId: string): boolean => {
    if (!holds(clientMessageId)) return false;
    commit(entries.filter((entry) => entry.clientMessageId !== clientMessageId));
    return true;
  };

  /** Resolves the entry's promise with its stored message, or rejects it with an error. */
  const settle = (clientMessageId: string, outcome: Message | SwitchboardError): void => {
    const deferred = deferreds.get(clientMessageId);
    if (!deferred) return;
    deferreds.delete(clientMessageId);
    if (outcome instanceof SwitchboardError) deferred.reject(outcome);
    else deferred.resolve(outcome);
  };

  const cancelRetry = (): void => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };

  const scheduleRetry = (): void => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        flush();
      },
      backoffDelay(failures - 1, options.backoff, options.random),
    );
  };

  const run = async (): Promise<void> => {
    while (options.canSend()) {
      flushRequested = false;
      // Strictly in order: the head entry blocks the rest until it is acked or fails for good,
      // so the server assigns seqs in the order the user wrote.
      const head = entries.find((entry) => entry.error === null);
      if (!head) return;
      const attempt = replace(head.clientMessageId, { attempts: head.attempts + 1 }) ?? head;
      let message: Message;
      try {
        message = await options.deliver(attempt);
      } catch (caught) {
        const error = toSwitchboardError(caught);
        // Settled meanwhile (a broadcast carried it, or it was discarded): move on.
        if (!holds(head.clientMessageId)) continue;
        if (error.retryable) {
          failures += 1;
          // A flush asked for while this attempt was failing means a fresh connection: go now.
          if (flushRequested && options.canSend()) continue;
          scheduleRetry();
          return;
        }
        replace(head.clientMessageId, { error });
        settle(head.clientMessageId, error);
        options.onFailed?.(error);
        continue;
      }
      failures = 0;
      if (holds(head.clientMessageId)) {
        options.onDelivered(message);
        remove(head.clientMessageId);
        settle(head.clientMessageId, message);
      }
    }
  };

  function retry(clientMessageId: string): Promise<Message> {
    const entry = entries.find((candidate) => candidate.clientMessageId === clientMessageId);
    if (!entry)
      return Promise.reject(new SwitchboardError('not_found', `No pending message ${clientMessageId}`));
    const deferred = deferredFor(clientMessageId);
    if (entry.error) replace(clientMessageId, { error: null });
    flush();
    return deferred.promise;
  }

  function start(): void {
    if (!options.canSend()) return;
    flushing = true;
    void run().finally(() => {
      flushing = false;
      // An entry queued while the loop was winding down found it still "flushing" and was left
      // to us. (The loop only ends with sendable entries when it is waiting out a backoff.)
      if (retryTimer === undefined && entries.some((entry) => entry.error === null)) start();
    });
  }

  /** A new entry: send it unless sending is under way or a backoff is being waited out. */
  function kick(): void {
    if (flushing || retryTimer !== undefined) return;
    start();
  }

  /** A (re)connect or an explicit retry: cut any backoff short. */
  function flush(): void {
    if (flushing) {
      flushRequested = true;
      return;
    }
    cancelRetry();
    start();
  }

  return {
    get entries() {
      return entries;
    },

    enqueue(input) {
      const clientMessageId = input.clientMessageId ?? ulid();
      // The same id again is a retry of the same message, never a second message.
      if (holds(clientMessageId)) return retry(clientMessageId);
      const deferred = deferredFor(clientMessageId);
      commit([
        ...entries,
        {
          clientMessageId,
          conversationId: input.conversationId,
          text: input.text,
          kind: input.kind,
          attachments: input.attachments ?? [],
          ...(input.cards !== undefined && input.cards.length > 0 && { cards: input.cards }),
          createdAt: new Date().toISOString(),
          attempts: 0,
          error: null,
        },
      ]);
      kick();
      return deferred.promise;
    },

    flush,

    acknowledge(messages) {
      for (const message of messages) {
        const entry = entries.find((candidate) => isDeliveryOf(message, candidate));
        if (!entry) continue;
        remove(entry.clientMessageId);
        settle(entry.clientMessageId, message);
      }
    },

    retry,

    discard(clientMessageId, reason = new SwitchboardError('conflict', 'The message was discarded')) {
      if (!remove(clientMessageId)) return false;
      settle(clientMessageId, reason);
      return true;
    },

    failAll(error) {
      const failing = entries.filter((entry) => entry.error === null);
      if (failing.length === 0) return;
      commit(entries.map((entry) => (entry.error === null ? { ...entry, error } : entry)));
      for (const entry of failing) settle(entry.clientMessageId, error);
    },

    pause: cancelRetry,

    clear(reason) {
      cancelRetry();
      const dropped = entries;
      failures = 0;
      commit([]);
      for (const entry of dropped) settle(entry.clientMessageId, reason);
    },
  };
}
