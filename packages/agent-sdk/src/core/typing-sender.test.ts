import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSender } from './typing-sender.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createTypingSender', () => {
  it('sends true once per refresh window however often the user types, then false', () => {
    const sent: boolean[] = [];
    const sender = createTypingSender((typing) => sent.push(typing), {
      refreshMs: 2500,
      idleMs: 3000,
      now: Date.now,
    });
    for (let i = 0; i < 10; i += 1) {
      sender.set(true);
      vi.advanceTimersByTime(200);
    }
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(600);
    sender.set(true);
    expect(sent).toEqual([true, true]);
    sender.set(false);
    sender.set(false);
    expect(sent).toEqual([true, true, false]);
  });

  it('stops by itself after the idle time without a keystroke', () => {
    const sent: boolean[] = [];
    const sender = createTypingSender((typing) => sent.push(typing), { idleMs: 3000 });
    sender.set(true);
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
  });

  it('forgets silently on reset, and false without typing sends nothing', () => {
    const sent: boolean[] = [];
    const sender = createTypingSender((typing) => sent.push(typing));
    sender.set(false);
    sender.set(true);
    sender.reset();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true]);
  });
});
