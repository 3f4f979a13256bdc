import { describe, expect, it } from 'vitest';
import { CONVERSATION_STATUSES } from '@switchboard/protocol';
import { canTransition, statusesLeadingTo } from './lifecycle.js';

describe('the lifecycle', () => {
  it('follows DESIGN.md', () => {
    expect(canTransition('bot', 'queued')).toBe(true);
    expect(canTransition('queued', 'active')).toBe(true);
    expect(canTransition('queued', 'abandoned')).toBe(true);
    expect(canTransition('active', 'pending')).toBe(true);
    expect(canTransition('pending', 'active')).toBe(true);
    expect(canTransition('active', 'queued')).toBe(true);
    expect(canTransition('resolved', 'queued')).toBe(true);
    expect(canTransition('resolved', 'bot')).toBe(true);
  });

  it('refuses what DESIGN.md does not allow', () => {
    expect(canTransition('resolved', 'active')).toBe(false);
    expect(canTransition('abandoned', 'active')).toBe(false);
    expect(canTransition('active', 'abandoned')).toBe(false);
    expect(canTransition('resolved', 'resolved')).toBe(false);
    expect(canTransition('queued', 'bot')).toBe(false);
  });

  it('lets every state be left except into itself unless it is a transfer', () => {
    for (const status of CONVERSATION_STATUSES) expect(statusesLeadingTo(status).length).toBeGreaterThan(0);
    expect(statusesLeadingTo('resolved').sort()).toEqual(['active', 'bot', 'pending', 'queued']);
    expect(statusesLeadingTo('abandoned')).toEqual(['queued']);
  });
});
