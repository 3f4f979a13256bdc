import { describe, expect, it } from 'vitest';
import { candidate } from '../../test-support/routing.js';
import { pickAgent } from './strategies.js';
import type { RoutingCursor, Waiting } from './types.js';

const agent = candidate;

const chat = (requiredSkills: readonly string[] = []): Waiting => ({
  conversationId: 'c1',
  priority: 'normal',
  queuedAt: 0,
  requiredSkills,
});

const start: RoutingCursor = { lastAgentId: null };
const after = (lastAgentId: string): RoutingCursor => ({ lastAgentId });

describe('pickAgent: round_robin', () => {
  const team = [agent('carol'), agent('alice'), agent('bob')];

  it('starts with the first agent id when there is no cursor', () => {
    expect(pickAgent('round_robin', chat(), team, start)).toBe('alice');
  });

  it('takes the next agent id after the cursor, wrapping around to the first', () => {
    expect(pickAgent('round_robin', chat(), team, after('alice'))).toBe('bob');
    expect(pickAgent('round_robin', chat(), team, after('bob'))).toBe('carol');
    expect(pickAgent('round_robin', chat(), team, after('carol'))).toBe('alice');
  });

  it('continues from where a departed agent would have been', () => {
    expect(pickAgent('round_robin', chat(), team, after('bill'))).toBe('bob');
    expect(pickAgent('round_robin', chat(), team, after('zed'))).toBe('alice');
  });

  it('passes over agents who are full, not available or lacking a skill', () => {
    const mixed = [
      agent('alice', { load: 3 }),
      agent('bob', { status: 'away' }),
      agent('carol', { skills: ['billing'] }),
      agent('dave', { skills: ['Billing'] }),
    ];
    expect(pickAgent('round_robin', chat(), mixed, start)).toBe('carol');
    expect(pickAgent('round_robin', chat(['billing']), mixed, after('carol'))).toBe('dave');
    expect(pickAgent('round_robin', chat(['billing']), mixed, after('dave'))).toBe('carol');
  });

  it('ignores load when choosing', () => {
    const uneven = [agent('alice', { load: 2 }), agent('bob', { load: 0 })];
    expect(pickAgent('round_robin', chat(), uneven, start)).toBe('alice');
  });

  it('returns null when nobody is eligible', () => {
    expect(pickAgent('round_robin', chat(), [], start)).toBeNull();
    expect(pickAgent('round_robin', chat(['french']), team, start)).toBeNull();
  });
});

describe.each(['least_busy', 'priority'] as const)('pickAgent: %s', (strategy) => {
  it('takes the agent with the fewest conversations', () => {
    const team = [
      agent('alice', { load: 2 }),
      agent('bob', { load: 1, capacity: 2 }),
      agent('carol', { load: 2 }),
    ];
    expect(pickAgent(strategy, chat(), team, start)).toBe('bob');
  });

  it('breaks a load tie by the lower load to capacity ratio', () => {
    const team = [agent('alice', { load: 2, capacity: 3 }), agent('bob', { load: 2, capacity: 5 })];
    expect(pickAgent(strategy, chat(), team, start)).toBe('bob');
  });

  it('then by the oldest last assignment, never assigned counting as oldest', () => {
    const team = [
      agent('alice', { lastAssignedAt: 2_000 }),
      agent('bob', { lastAssignedAt: 1_000 }),
      agent('carol', { lastAssignedAt: 3_000 }),
    ];
    expect(pickAgent(strategy, chat(), team, start)).toBe('bob');
    expect(pickAgent(strategy, chat(), [...team, agent('zoe', { lastAssignedAt: null })], start)).toBe('zoe');
  });

  it('then by agent id, whatever the input order', () => {
    const team = [agent('carol'), agent('alice'), agent('bob')];
    expect(pickAgent(strategy, chat(), team, start)).toBe('alice');
    expect(pickAgent(strategy, chat(), [...team].reverse(), start)).toBe('alice');
  });

  it('does not let an idle but full or unavailable agent win', () => {
    const team = [
      agent('alice', { capacity: 0 }),
      agent('bob', { status: 'busy' }),
      agent('carol', { status: 'offline' }),
      agent('dave', { load: 2 }),
    ];
    expect(pickAgent(strategy, chat(), team, start)).toBe('dave');
  });

  it('only considers agents holding every required skill', () => {
    const team = [
      agent('alice', { skills: ['billing'] }),
      agent('bob', { load: 2, skills: ['billing', 'French'] }),
    ];
    expect(pickAgent(strategy, chat(['billing', 'french']), team, start)).toBe('bob');
  });

  it('ignores the round robin cursor', () => {
    const team = [agent('alice'), agent('bob')];
    expect(pickAgent(strategy, chat(), team, after('alice'))).toBe('alice');
  });

  it('returns null when nobody is eligible', () => {
    expect(pickAgent(strategy, chat(), [agent('alice', { load: 3 })], start)).toBeNull();
  });
});

describe('pickAgent: manual', () => {
  it('never picks anyone, however idle the team', () => {
    const team = [agent('alice'), agent('bob', { capacity: 100 })];
    expect(pickAgent('manual', chat(), team, start)).toBeNull();
    expect(pickAgent('manual', chat(), team, after('alice'))).toBeNull();
  });
});
