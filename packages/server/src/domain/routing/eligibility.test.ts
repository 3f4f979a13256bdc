import { describe, expect, it } from 'vitest';
import { hasSkills, isEligible } from './eligibility.js';
import type { Candidate, Waiting } from './types.js';

const agent = (overrides: Partial<Candidate> = {}): Candidate => ({
  agentId: 'a',
  status: 'available',
  capacity: 2,
  load: 0,
  skills: [],
  lastAssignedAt: null,
  ...overrides,
});

const chat = (requiredSkills: readonly string[] = []): Waiting => ({
  conversationId: 'c',
  priority: 'normal',
  queuedAt: 0,
  requiredSkills,
});

describe('isEligible', () => {
  it('takes an available agent with room', () => {
    expect(isEligible(agent({ load: 1, capacity: 2 }), chat())).toBe(true);
  });

  it('treats load equal to capacity as full, and capacity 0 as never', () => {
    expect(isEligible(agent({ load: 2, capacity: 2 }), chat())).toBe(false);
    expect(isEligible(agent({ load: 3, capacity: 2 }), chat())).toBe(false);
    expect(isEligible(agent({ load: 0, capacity: 0 }), chat())).toBe(false);
  });

  it.each(['busy', 'away', 'offline'] as const)('never takes a %s agent', (status) => {
    expect(isEligible(agent({ status, capacity: 10 }), chat())).toBe(false);
  });

  it('lets anyone take a conversation that requires no skills', () => {
    expect(isEligible(agent({ skills: [] }), chat([]))).toBe(true);
    expect(isEligible(agent({ skills: ['billing'] }), chat([]))).toBe(true);
  });

  it('requires every skill, not just one', () => {
    expect(isEligible(agent({ skills: ['billing'] }), chat(['billing', 'french']))).toBe(false);
    expect(isEligible(agent({ skills: ['french', 'billing', 'vip'] }), chat(['billing', 'french']))).toBe(
      true,
    );
  });

  it('matches skills case-insensitively', () => {
    expect(isEligible(agent({ skills: ['Billing', 'FRENCH'] }), chat(['billing', 'French']))).toBe(true);
  });
});

describe('hasSkills', () => {
  it('compares whole skill names, not substrings', () => {
    expect(hasSkills(['billing-eu'], ['billing'])).toBe(false);
    expect(hasSkills(['billing'], ['BILLING'])).toBe(true);
    expect(hasSkills([], ['billing'])).toBe(false);
  });
});
