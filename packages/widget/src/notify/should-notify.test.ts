import { describe, expect, it } from 'vitest';
import { shouldNotify } from './should-notify.js';

describe('shouldNotify', () => {
  it('notifies of agents, bots and system messages only while the page is hidden', () => {
    for (const authorKind of ['agent', 'bot', 'system'] as const) {
      expect(shouldNotify({ authorKind, kind: 'text' }, true)).toBe(true);
      expect(shouldNotify({ authorKind, kind: 'text' }, false)).toBe(false);
    }
  });

  it('never for the visitor’s own messages (another tab of theirs) nor for notes', () => {
    expect(shouldNotify({ authorKind: 'visitor', kind: 'text' }, true)).toBe(false);
    expect(shouldNotify({ authorKind: 'agent', kind: 'note' }, true)).toBe(false);
  });
});
