import type { Agent, Queue } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { presence } from '../testing/factories.js';
import {
  applyQueueWaiting,
  mergeAgentList,
  mergeQueueList,
  selfFromPresence,
  upsertAgentPresence,
} from './directory-state.js';

function queue(id: string, overrides: Partial<Queue> = {}): Queue {
  return {
    id,
    siteId: 'site_1',
    name: `Queue ${id}`,
    strategy: 'round_robin',
    memberIds: ['agent_1'],
    waiting: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const never = (): boolean => false;

describe('queues', () => {
  it('takes a fetched list, dropping queues it no longer has', () => {
    const held = { a: queue('a'), gone: queue('gone') };
    const next = mergeQueueList(held, [queue('a'), queue('b', { waiting: 2 })], never);
    expect(Object.keys(next)).toEqual(['a', 'b']);
    expect(next.a).toBe(held.a);
    expect(next.b?.waiting).toBe(2);
  });

  it('keeps the held directory when the list says nothing new', () => {
    const held = { a: queue('a', { memberIds: ['x', 'y'] }) };
    expect(mergeQueueList(held, [queue('a', { memberIds: ['x', 'y'] })], never)).toBe(held);
  });

  it('keeps a live waiting count that changed while the list was in flight', () => {
    const held = { a: queue('a', { waiting: 4 }), b: queue('b', { waiting: 4 }) };
    const list = [queue('a', { waiting: 1, name: 'Sales' }), queue('b', { waiting: 1 })];
    const next = mergeQueueList(held, list, (id) => id === 'a');
    expect(next.a).toMatchObject({ waiting: 4, name: 'Sales' });
    expect(next.b?.waiting).toBe(1);
  });

  it('applies queue:updated to known queues only', () => {
    const queues = { a: queue('a', { waiting: 1 }) };
    expect(applyQueueWaiting(queues, { queueId: 'a', waiting: 3 }).a?.waiting).toBe(3);
    expect(applyQueueWaiting(queues, { queueId: 'a', waiting: 1 })).toBe(queues);
    expect(applyQueueWaiting(queues, { queueId: 'unknown', waiting: 1 })).toBe(queues);
  });
});

describe('agents', () => {
  it('keeps a presence that a live event changed while the list was in flight', () => {
    const held = { a: presence('a', { status: 'busy' }), b: presence('b') };
    const list = [presence('a', { status: 'available' }), presence('b', { load: 2 })];
    const next = mergeAgentList(held, list, (id) => id === 'a');
    expect(next.a).toBe(held.a);
    expect(next.b?.load).toBe(2);
  });

  it('upserts a presence, keeping identity when nothing changed', () => {
    const agents = { a: presence('a') };
    expect(upsertAgentPresence(agents, presence('a'))).toBe(agents);
    const next = upsertAgentPresence(agents, presence('a', { status: 'away' }));
    expect(next.a?.status).toBe('away');
    expect(upsertAgentPresence(next, presence('b')).b).toEqual(presence('b'));
  });

  it('updates the signed-in agent from their own presence, without the load', () => {
    const { load: _load, ...self } = presence('me');
    const me: Agent = self;
    expect(selfFromPresence(me, presence('someone', { status: 'away' }))).toBe(me);
    expect(selfFromPresence(me, presence('me', { load: 3 }))).toBe(me);
    expect(selfFromPresence(null, presence('me'))).toBeNull();
    const updated = selfFromPresence(me, presence('me', { status: 'busy', capacity: 2 }));
    expect(updated).toEqual({ ...me, status: 'busy', capacity: 2 });
    expect(updated).not.toHaveProperty('load');
  });
});
