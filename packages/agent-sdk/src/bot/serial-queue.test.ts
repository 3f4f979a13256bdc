import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue.js';

/** A task that finishes when the test says so, recording when it starts and ends. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const task = async () => {
    log.push(`start ${name}`);
    await opened;
    log.push(`end ${name}`);
    return name;
  };
  return { task, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serial queue', () => {
  it('runs the tasks of one key in order, each after the previous has finished', async () => {
    const queue = createSerialQueue<string>();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = queue.run('c1', a.task);
    const second = queue.run('c1', b.task);
    await tick();
    expect(log).toEqual(['start a']);
    b.open();
    await tick();
    expect(log).toEqual(['start a']);
    a.open();
    await expect(first).resolves.toBe('a');
    await expect(second).resolves.toBe('b');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = createSerialQueue<string>();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = queue.run('c1', a.task);
    const second = queue.run('c2', b.task);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.open();
    await second;
    a.open();
    await first;
  });

  it('goes on after a failed task, which rejects only its own caller', async () => {
    const queue = createSerialQueue<string>();
    const failing = queue.run('c1', () => Promise.reject(new Error('boom')));
    const next = queue.run('c1', () => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('forgets a key once its tasks are done', async () => {
    const queue = createSerialQueue<string>();
    await queue.run('c1', () => Promise.resolve());
    await tick();
    expect(queue.size).toBe(0);
  });
});
