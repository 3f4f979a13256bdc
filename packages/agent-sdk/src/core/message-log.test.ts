import { describe, expect, it } from 'vitest';
import type { PendingMessage } from '../types.js';
import { message } from '../testing/factories.js';
import {
  firstSeq,
  hasGapBefore,
  isGap,
  lastSeq,
  mergeMessages,
  mergeNew,
  removeDelivered,
} from './message-log.js';

const seqs = (list: readonly { seq: number }[]): number[] => list.map((m) => m.seq);

function pending(clientMessageId: string, conversationId: string | null = 'c1'): PendingMessage {
  return {
    clientMessageId,
    conversationId,
    text: 'hi',
    kind: 'text',
    attachments: [],
    createdAt: '',
    attempts: 1,
    error: null,
  };
}

describe('mergeMessages', () => {
  it('appends newer messages in order', () => {
    const merged = mergeMessages([message(1), message(2)], [message(3), message(4)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it('orders by seq whatever the arrival order', () => {
    const merged = mergeMessages([message(2), message(5)], [message(4), message(1), message(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps exactly one copy of a message delivered twice (ack and broadcast)', () => {
    const ack = message(3);
    const broadcast = { ...ack };
    const once = mergeMessages([message(1), message(2)], [ack]);
    const twice = mergeMessages(once, [broadcast]);
    expect(seqs(twice)).toEqual([1, 2, 3]);
    expect(twice.filter((m) => m.id === ack.id)).toHaveLength(1);
  });

  it('dedupes within one batch and against a catch-up page overlapping the live ones', () => {
    const held = [message(1), message(2), message(3)];
    const page = [message(2), message(3), message(4), message(4)];
    expect(seqs(mergeMessages(held, page))).toEqual([1, 2, 3, 4]);
  });

  it('takes a later delivery state of a channel message, and never an earlier one', () => {
    const at = (iso: string, state: 'pending' | 'sent' | 'read') => ({
      ...message(2),
      delivery: { state, error: null, updatedAt: iso },
    });
    const pending = at('2026-01-01T00:00:00.000Z', 'pending');
    const read = at('2026-01-01T00:00:02.000Z', 'read');
    const held = mergeMessages([message(1), pending], [read]);
    expect(held[1]?.delivery?.state).toBe('read');
    // A late copy (the send's ack, an older history page) leaves the newer state alone.
    const late = mergeMessages(held, [at('2026-01-01T00:00:01.000Z', 'sent'), pending]);
    expect(late).toBe(held);
  });

  it('returns the same array when nothing is new, so selectors see no change', () => {
    const held = [message(1), message(2)];
    expect(mergeMessages(held, [])).toBe(held);
    expect(mergeMessages(held, [message(1), { ...message(2) }])).toBe(held);
  });

  it('never mutates its inputs', () => {
    const held = Object.freeze([message(1), message(3)]);
    const incoming = Object.freeze([message(2)]);
    const merged = mergeMessages(held, incoming);
    expect(seqs(held)).toEqual([1, 3]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
  });

  it('prepends older history', () => {
    expect(seqs(mergeMessages([message(51), message(52)], [message(49), message(50)]))).toEqual([
      49, 50, 51, 52,
    ]);
  });
});

describe('mergeNew', () => {
  it('lists what a merge adds, each once, in the order given', () => {
    const { messages, added } = mergeNew([message(1)], [message(1), message(2), message(2)]);
    expect(seqs(added)).toEqual([2]);
    expect(seqs(messages)).toEqual([1, 2]);
    expect(seqs(mergeNew([message(1)], [message(3), message(2)]).added)).toEqual([3, 2]);
    expect(mergeNew([message(1)], [message(2), message(3)]).added).toHaveLength(2);
  });

  it('adds nothing for a later version of a held message', () => {
    const sent = message(1, {
      delivery: { state: 'sent', error: null, updatedAt: '2025-01-01T00:00:00.000Z' },
    });
    const read = {
      ...sent,
      delivery: { state: 'read' as const, error: null, updatedAt: '2025-01-01T00:01:00.000Z' },
    };
    const { messages, added } = mergeNew([sent], [read]);
    expect(added).toEqual([]);
    expect(messages).toEqual([read]);
  });
});

describe('gap detection', () => {
  it('flags an incoming seq beyond the next one', () => {
    expect(isGap(3, 4)).toBe(false);
    expect(isGap(3, 5)).toBe(true);
    expect(isGap(0, 1)).toBe(false);
    expect(isGap(0, 2)).toBe(true);
  });

  it('does not flag duplicates or older messages', () => {
    expect(isGap(5, 5)).toBe(false);
    expect(isGap(5, 2)).toBe(false);
  });

  it('compares against the last message held', () => {
    const held = [message(1), message(2)];
    expect(hasGapBefore(held, message(3))).toBe(false);
    expect(hasGapBefore(held, message(4))).toBe(true);
    expect(lastSeq(held)).toBe(2);
    expect(lastSeq([])).toBe(0);
    expect(firstSeq(held)).toBe(1);
    expect(firstSeq([])).toBeNull();
  });
});

describe('removeDelivered', () => {
  it('drops the pending entry once a message with its clientMessageId arrives', () => {
    const stored = message(7, { clientMessageId: 'A' });
    const left = removeDelivered([pending('A'), pending('B')], [stored]);
    expect(left.map((p) => p.clientMessageId)).toEqual(['B']);
  });

  it('matches an entry queued before its conversation existed', () => {
    const stored = message(1, { clientMessageId: 'A', conversationId: 'new' });
    expect(removeDelivered([pending('A', null)], [stored])).toEqual([]);
  });

  it('does not match the same clientMessageId in another conversation', () => {
    const list = [pending('A', 'c1')];
    expect(removeDelivered(list, [message(1, { clientMessageId: 'A', conversationId: 'c2' })])).toBe(list);
  });

  it('returns the same array when nothing matched', () => {
    const list = [pending('A')];
    expect(removeDelivered(list, [message(1, { clientMessageId: 'Z' })])).toBe(list);
  });
});
