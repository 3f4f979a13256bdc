import { describe, expect, it } from 'vitest';
import { notificationBody, shouldNotify } from './notification-text.js';

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

describe('notificationBody', () => {
  it('drops formatting marks and line breaks', () => {
    expect(notificationBody('*Good news:*\n\nyour order _ships_ today')).toBe(
      'Good news: your order ships today',
    );
  });

  it('shortens long text at a word, with an ellipsis', () => {
    const body = notificationBody(`${'word '.repeat(60)}end`);
    expect(body.length).toBeLessThanOrEqual(141);
    expect(body.endsWith('word…')).toBe(true);
  });

  it('keeps markup as the text it is', () => {
    expect(notificationBody('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
