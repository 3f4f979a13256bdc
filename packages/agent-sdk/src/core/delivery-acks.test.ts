import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeliveryAcks } from './delivery-acks.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createDeliveryAcks', () => {
  it('sends one receipt per conversation for a burst, with the highest seq', () => {
    const sent: [string, number][] = [];
    const acks = createDeliveryAcks((id, seq) => {
      sent.push([id, seq]);
      return Promise.resolve();
    }, 200);
    for (let seq = 1; seq <= 5; seq += 1) acks.note('a', seq);
    acks.note('b', 2);
    acks.note('a', 3);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([
      ['a', 5],
      ['b', 2],
    ]);
  });

  it('never sends a seq again, nor a lower one; a steady stream is acked once per window', () => {
    const sent: number[] = [];
    const acks = createDeliveryAcks((_id, seq) => {
      sent.push(seq);
      return Promise.resolve();
    }, 200);
    acks.note('a', 4);
    vi.advanceTimersByTime(200);
    acks.note('a', 4);
    acks.note('a', 2);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([4]);
    for (let seq = 5; seq <= 14; seq += 1) {
      acks.note('a', seq);
      vi.advanceTimersByTime(100);
    }
    expect(sent).toEqual([4, 6, 8, 10, 12, 14]);
  });

  it('tries again after a failed receipt', async () => {
    const sent: number[] = [];
    let fail = true;
    const acks = createDeliveryAcks((_id, seq) => {
      sent.push(seq);
      return fail ? Promise.reject(new Error('offline')) : Promise.resolve();
    }, 200);
    acks.note('a', 3);
    await vi.advanceTimersByTimeAsync(200);
    fail = false;
    acks.note('a', 3);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([3, 3]);
  });

  it('sends nothing once stopped', () => {
    const send = vi.fn(() => Promise.resolve());
    const acks = createDeliveryAcks(send, 200);
    acks.note('a', 1);
    acks.stop();
    vi.advanceTimersByTime(1000);
    expect(send).not.toHaveBeenCalled();
  });
});
