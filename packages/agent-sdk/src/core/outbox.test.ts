import type { Message } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SwitchboardError } from '../errors.js';
import type { PendingMessage } from '../types.js';
import { message } from '../testing/factories.js';
import { MemoryStorage } from '../testing/memory-storage.js';
import { createOutbox, type OutboxOptions } from './outbox.js';
import { fromStored } from './outbox-restore.js';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** An outbox whose deliveries the test answers by hand, one call at a time. */
function harness(overrides: Partial<OutboxOptions> = {}) {
  let connected = true;
  let seq = 0;
  const calls: { entry: PendingMessage; resolve: (m: Message) => void; reject: (e: unknown) => void }[] = [];
  const delivered: Message[] = [];
  const changes: (readonly PendingMessage[])[] = [];
  const outbox = createOutbox({
    deliver: (entry) =>
      new Promise<Message>((resolve, reject) => {
        calls.push({ entry, resolve, reject });
      }),
    canSend: () => connected,
    onChange: (entries) => changes.push(entries),
    onDelivered: (m) => delivered.push(m),
    backoff: { minDelayMs: 100, maxDelayMs: 1000 },
    random: () => 0.5,
    ...overrides,
  });
  const ack = (index: number): Message => {
    const call = calls[index]!;
    const stored = message(++seq, { clientMessageId: call.entry.clientMessageId, text: call.entry.text });
    call.resolve(stored);
    return stored;
  };
  return {
    outbox,
    calls,
    delivered,
    changes,
    ack,
    setConnected: (value: boolean) => {
      connected = value;
    },
  };
}

const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('outbox', () => {
  it('mints a ULID per message and sends strictly in order, one at a time', async () => {
    const h = harness();
    h.setConnected(false);
    const a = h.outbox.enqueue({ conversationId: 'c1', text: 'a', kind: 'text' });
    const b = h.outbox.enqueue({ conversationId: 'c1', text: 'b', kind: 'text' });
    const c = h.outbox.enqueue({ conversationId: 'c1', text: 'c', kind: 'text' });
    expect(h.calls).toHaveLength(0);
    expect(h.outbox.entries.map((e) => e.text)).toEqual(['a', 'b', 'c']);
    for (const entry of h.outbox.entries) expect(entry.clientMessageId).toMatch(ULID);

    h.setConnected(true);
    h.outbox.flush();
    await settle();
    expect(h.calls.map((call) => call.entry.text)).toEqual(['a']);
    h.ack(0);
    await settle();
    expect(h.calls.map((call) => call.entry.text)).toEqual(['a', 'b']);
    h.ack(1);
    await settle();
    h.ack(2);
    await expect(Promise.all([a, b, c])).resolves.toHaveLength(3);
    expect(h.outbox.entries).toEqual([]);
    expect(h.delivered.map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('sends a message queued just after a flush that found nothing to send', async () => {
    const h = harness();
    h.outbox.flush();
    void h.outbox.enqueue({ conversationId: 'c1', text: 'right after', kind: 'text' });
    await settle();
    expect(h.calls.map((call) => call.entry.text)).toEqual(['right after']);
  });

  it('retries a timed-out send after a backoff with the same clientMessageId', async () => {
    const h = harness();
    const sent = h.outbox.enqueue({ conversationId: 'c1', text: 'hello', kind: 'text' });
    await settle();
    const id = h.calls[0]!.entry.clientMessageId;
    h.calls[0]!.reject(new SwitchboardError('timeout', 'no ack'));
    await settle();
    expect(h.outbox.entries).toHaveLength(1);
    expect(h.outbox.entries[0]).toMatchObject({ clientMessageId: id, attempts: 1, error: null });
    expect(h.calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(99);
    expect(h.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.entry.clientMessageId).toBe(id);
    expect(h.calls[1]!.entry.attempts).toBe(2);

    const stored = h.ack(1);
    await expect(sent).resolves.toBe(stored);
  });

  it('backs off further on every consecutive retryable failure', async () => {
    const h = harness();
    h.outbox.enqueue({ conversationId: 'c1', text: 'x', kind: 'text' }).catch(() => undefined);
    await settle();
    h.calls[0]!.reject(new SwitchboardError('rate_limited', 'slow down'));
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls).toHaveLength(2);
    h.calls[1]!.reject(new SwitchboardError('internal', 'oops'));
    await vi.advanceTimersByTimeAsync(199);
    expect(h.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls).toHaveLength(3);
    expect(new Set(h.calls.map((call) => call.entry.clientMessageId)).size).toBe(1);
  });

  it('waits for the next connect after a network failure, then resends the same id', async () => {
    const h = harness();
    const sent = h.outbox.enqueue({ conversationId: 'c1', text: 'x', kind: 'text' });
    await settle();
    h.setConnected(false);
    h.calls[0]!.reject(new SwitchboardError('network', 'dropped'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.calls).toHaveLength(1);

    h.setConnected(true);
    h.outbox.flush();
    await settle();
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.entry.clientMessageId).toBe(h.calls[0]!.entry.clientMessageId);
    h.ack(1);
    await expect(sent).resolves.toMatchObject({ text: 'x' });
  });

  it('holds later messages behind one being retried, keeping the order', async () => {
    const h = harness();
    void h.outbox.enqueue({ conversationId: 'c1', text: 'first', kind: 'text' });
    void h.outbox.enqueue({ conversationId: 'c1', text: 'second', kind: 'text' });
    await settle();
    h.calls[0]!.reject(new SwitchboardError('timeout', 'no ack'));
    await settle();
    expect(h.calls.map((call) => call.entry.text)).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.map((call) => call.entry.text)).toEqual(['first', 'first']);
    h.ack(1);
    await settle();
    expect(h.calls.map((call) => call.entry.text)).toEqual(['first', 'first', 'second']);
  });

  it('marks a message that fails for good, rejects its promise and moves on', async () => {
    const onFailed = vi.fn();
    const h = harness({ onFailed });
    const bad = h.outbox.enqueue({ conversationId: 'c1', text: 'bad', kind: 'text' });
    const good = h.outbox.enqueue({ conversationId: 'c1', text: 'good', kind: 'text' });
    await settle();
    const refusal = new SwitchboardError('conversation_closed', 'closed');
    h.calls[0]!.reject(refusal);
    await expect(bad).rejects.toBe(refusal);
    await settle();
    expect(h.outbox.entries[0]).toMatchObject({ text: 'bad', error: refusal });
    expect(onFailed).toHaveBeenCalledWith(refusal);
    expect(h.calls.map((call) => call.entry.text)).toEqual(['bad', 'good']);
    h.ack(1);
    await expect(good).resolves.toMatchObject({ text: 'good' });
    // The failed one stays visible (with its error) until retried or discarded.
    expect(h.outbox.entries.map((e) => e.text)).toEqual(['bad']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.calls).toHaveLength(2);
  });

  it('retry() clears the error and resends under the same id', async () => {
    const h = harness();
    const first = h.outbox.enqueue({ conversationId: 'c1', text: 'x', kind: 'text' });
    await settle();
    h.calls[0]!.reject(new SwitchboardError('forbidden', 'nope'));
    await expect(first).rejects.toThrow('nope');
    const id = h.outbox.entries[0]!.clientMessageId;

    const again = h.outbox.retry(id);
    expect(h.outbox.entries[0]!.error).toBeNull();
    await settle();
    expect(h.calls[1]!.entry.clientMessageId).toBe(id);
    h.ack(1);
    await expect(again).resolves.toMatchObject({ clientMessageId: id });
  });

  it('treats enqueueing an id it already holds as the same message', () => {
    const h = harness();
    h.setConnected(false);
    const a = h.outbox.enqueue({
      conversationId: 'c1',
      text: 'x',
      kind: 'text',
      clientMessageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    });
    const b = h.outbox.enqueue({
      conversationId: 'c1',
      text: 'x',
      kind: 'text',
      clientMessageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    });
    expect(h.outbox.entries).toHaveLength(1);
    expect(b).toBe(a);
  });

  it('settles an entry when its stored copy arrives first (broadcast before ack)', async () => {
    const h = harness();
    const sent = h.outbox.enqueue({ conversationId: 'c1', text: 'x', kind: 'text' });
    await settle();
    const stored = message(1, { clientMessageId: h.calls[0]!.entry.clientMessageId });
    h.outbox.acknowledge([stored]);
    await expect(sent).resolves.toBe(stored);
    expect(h.outbox.entries).toEqual([]);
    // The late ack of the same message changes nothing.
    h.calls[0]!.resolve(stored);
    await settle();
    expect(h.delivered).toEqual([]);
  });

  it('discard() and clear() drop entries and reject their promises', async () => {
    const h = harness();
    h.setConnected(false);
    const a = h.outbox.enqueue({ conversationId: 'c1', text: 'a', kind: 'text' });
    const b = h.outbox.enqueue({ conversationId: 'c1', text: 'b', kind: 'text' });
    expect(h.outbox.discard(h.outbox.entries[0]!.clientMessageId)).toBe(true);
    await expect(a).rejects.toBeInstanceOf(SwitchboardError);
    h.outbox.clear(new SwitchboardError('conflict', 'reset'));
    await expect(b).rejects.toThrow('reset');
    expect(h.outbox.entries).toEqual([]);
    expect(h.outbox.discard('nope')).toBe(false);
  });

  it('failAll() rejects every waiting message but keeps them for a later retry', async () => {
    const h = harness();
    h.setConnected(false);
    const a = h.outbox.enqueue({ conversationId: 'c1', text: 'a', kind: 'text' });
    h.outbox.failAll(new SwitchboardError('origin_not_allowed', 'bad origin'));
    await expect(a).rejects.toThrow('bad origin');
    expect(h.outbox.entries[0]!.error?.code).toBe('origin_not_allowed');
  });
});

describe('outbox persistence', () => {
  it('writes nothing until a message is queued', () => {
    const storage = new MemoryStorage();
    harness({ storage, storageKey: 'sb:outbox' });
    expect(storage.writes).toEqual([]);
  });

  it('survives a reload and resends with the original ids, then cleans up', async () => {
    const storage = new MemoryStorage();
    const before = harness({ storage, storageKey: 'sb:outbox' });
    before.setConnected(false);
    void before.outbox.enqueue({ conversationId: 'c1', text: 'one', kind: 'text' });
    void before.outbox.enqueue({ conversationId: null, text: 'two', kind: 'note' });
    const ids = before.outbox.entries.map((e) => e.clientMessageId);
    expect(storage.map.has('sb:outbox')).toBe(true);

    // A new page: a fresh outbox over the same storage.
    const after = harness({ storage, storageKey: 'sb:outbox', fromStored });
    expect(after.outbox.entries.map((e) => [e.clientMessageId, e.conversationId, e.text, e.kind])).toEqual([
      [ids[0], 'c1', 'one', 'text'],
      [ids[1], null, 'two', 'note'],
    ]);
    after.outbox.flush();
    await settle();
    after.ack(0);
    await settle();
    after.ack(1);
    await settle();
    expect(after.calls.map((call) => call.entry.clientMessageId)).toEqual(ids);
    expect(after.outbox.entries).toEqual([]);
    expect(storage.map.has('sb:outbox')).toBe(false);
  });

  it('restores nothing without a reader of stored entries (a page that found none stored)', () => {
    const storage = new MemoryStorage();
    const before = harness({ storage, storageKey: 'sb:outbox' });
    void before.outbox.enqueue({ conversationId: 'c1', text: 'one', kind: 'text' });
    expect(harness({ storage, storageKey: 'sb:outbox' }).outbox.entries).toEqual([]);
  });

  it('restores a final error as a SwitchboardError', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'sb:outbox',
      JSON.stringify([
        {
          clientMessageId: 'X',
          conversationId: 'c1',
          text: 't',
          kind: 'text',
          createdAt: '',
          attempts: 2,
          error: { code: 'forbidden', message: 'no' },
        },
      ]),
    );
    const h = harness({ storage, storageKey: 'sb:outbox', fromStored });
    const error = h.outbox.entries[0]!.error;
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error?.code).toBe('forbidden');
    expect(error?.retryable).toBe(false);
  });

  it('ignores unreadable storage instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem('sb:outbox', '{not json');
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    };
    expect(harness({ storage, storageKey: 'sb:outbox' }).outbox.entries).toEqual([]);
    const h = harness({ storage: throwing, storageKey: 'sb:outbox' });
    h.setConnected(false);
    void h.outbox.enqueue({ conversationId: 'c1', text: 'still works', kind: 'text' });
    expect(h.outbox.entries).toHaveLength(1);
  });
});
