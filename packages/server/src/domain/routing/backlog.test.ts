import type { Priority } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { orderBacklog } from './backlog.js';
import type { Waiting } from './types.js';

const chat = (conversationId: string, priority: Priority, queuedAt: number): Waiting => ({
  conversationId,
  priority,
  queuedAt,
  requiredSkills: [],
});

const ids = (waiting: readonly Waiting[]): string[] => waiting.map((w) => w.conversationId);

const backlog: readonly Waiting[] = [
  chat('low-old', 'low', 100),
  chat('normal-new', 'normal', 500),
  chat('urgent-new', 'urgent', 400),
  chat('high-mid', 'high', 300),
  chat('normal-old', 'normal', 200),
  chat('urgent-old', 'urgent', 350),
  chat('b-tie', 'high', 300),
];

describe('orderBacklog', () => {
  it('serves urgent > high > normal > low under priority, longest waiting first within one', () => {
    expect(ids(orderBacklog('priority', backlog))).toEqual([
      'urgent-old',
      'urgent-new',
      'b-tie',
      'high-mid',
      'normal-old',
      'normal-new',
      'low-old',
    ]);
  });

  it.each(['round_robin', 'least_busy', 'manual'] as const)('is first in, first out under %s', (strategy) => {
    expect(ids(orderBacklog(strategy, backlog))).toEqual([
      'low-old',
      'normal-old',
      'b-tie',
      'high-mid',
      'urgent-old',
      'urgent-new',
      'normal-new',
    ]);
  });

  it('breaks exact ties by conversation id, whatever the input order', () => {
    const tied = [chat('c', 'high', 1), chat('a', 'high', 1), chat('b', 'high', 1)];
    expect(ids(orderBacklog('priority', tied))).toEqual(['a', 'b', 'c']);
    expect(ids(orderBacklog('priority', [...tied].reverse()))).toEqual(['a', 'b', 'c']);
    expect(ids(orderBacklog('round_robin', tied))).toEqual(['a', 'b', 'c']);
  });

  it('never mutates its input', () => {
    const input = [...backlog];
    const frozen = Object.freeze([...backlog]);
    const ordered = orderBacklog('priority', input);
    expect(input).toEqual(backlog);
    expect(ordered).not.toBe(input);
    expect(() => orderBacklog('priority', frozen)).not.toThrow();
  });

  it('returns an empty backlog as empty', () => {
    expect(orderBacklog('priority', [])).toEqual([]);
  });
});
