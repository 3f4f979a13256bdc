import type { Candidate } from '../domain/routing/index.js';

/** A routing candidate: available, capacity 3, no load, no skills unless overridden. */
export const candidate = (agentId: string, overrides: Partial<Candidate> = {}): Candidate => ({
  agentId,
  status: 'available',
  capacity: 3,
  load: 0,
  skills: [],
  lastAssignedAt: null,
  ...overrides,
});
