import { describe, expect, it } from 'vitest';
import { notificationBody } from './notification-text.js';

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
