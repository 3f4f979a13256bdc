import { describe, expect, it } from 'vitest';
import { createKeyedRunner } from './keyed-runner.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
