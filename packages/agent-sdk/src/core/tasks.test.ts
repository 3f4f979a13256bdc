import { describe, expect, it } from 'vitest';
import { createDelays, createKeyedRunner, mapLimit, singleFlight } from './tasks.js';

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

describe('createKeyedRunner', () => {
  it('runs once per key at a time, with exactly one more run for asks during a run', async () => {
    const log: string[] = [];
    const run = createKeyedRunner<string>(async (key) => {
      log.push(`start ${key}`);
      await tick();
      log.push(`end ${key}`);
    });
    await Promise.all([run('a'), run('a'), run('a'), run('b')]);
    expect(log.filter((l) => l === 'start a')).toHaveLength(2);
    expect(log.filter((l) => l === 'start b')).toHaveLength(1);
    // The second run of `a` starts only after the first one ended.
    expect(log.indexOf('end a')).toBeLessThan(log.lastIndexOf('start a'));
  });

  it('still runs the queued ask when the running one fails', async () => {
    let calls = 0;
    const run = createKeyedRunner<string>(async () => {
      calls += 1;
      await tick();
      if (calls === 1) throw new Error('first fails');
    });
    const first = run('a');
    const second = run('a');
    await expect(first).rejects.toThrow('first fails');
    await expect(second).resolves.toBeUndefined();
    expect(calls).toBe(2);
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
