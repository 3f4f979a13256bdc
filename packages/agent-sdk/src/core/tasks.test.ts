import { describe, expect, it } from 'vitest';
import { createDelays, mapLimit, singleFlight } from './tasks.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('singleFlight', () => {
  it('shares one run between concurrent callers, and starts afresh after', async () => {
    let runs = 0;
    const refresh = singleFlight(async () => {
      runs += 1;
      await tick();
      return runs;
    });
    expect(await Promise.all([refresh(), refresh(), refresh()])).toEqual([1, 1, 1]);
    expect(await refresh()).toBe(2);
  });
});

describe('mapLimit', () => {
  it('keeps order and never exceeds the limit', async () => {
    let active = 0;
    let peak = 0;
    const result = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      active += 1;
      peak = Math.max(peak, active);
      await tick();
      active -= 1;
      return n * 10;
    });
    expect(result).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
  });
});

describe('createDelays', () => {
  it('cuts every pending wait short', async () => {
    const delays = createDelays();
    const waiting = delays.wait(60_000);
    delays.cancelAll();
    await expect(waiting).resolves.toBe(false);
    await expect(delays.wait(1)).resolves.toBe(true);
  });
});
