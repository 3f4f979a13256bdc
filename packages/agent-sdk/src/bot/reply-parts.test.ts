import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { createReplyParts, MAX_REPLIES_PER_DELIVERY } from './reply-parts.js';

describe('reply parts', () => {
  it('numbers replies from 0 in call order', () => {
    const parts = createReplyParts();
    expect([parts.next(), parts.next(), parts.next()]).toEqual([0, 1, 2]);
  });

  it('starts every run over at 0, so a repeated run reuses the same keys', () => {
    const first = createReplyParts();
    const second = createReplyParts();
    first.next();
    first.next();
    expect(second.next()).toBe(0);
  });

  it('refuses an eleventh reply with invalid_payload, as the server would', () => {
    const parts = createReplyParts();
    for (let i = 0; i < MAX_REPLIES_PER_DELIVERY; i++) expect(parts.next()).toBe(i);
    expect(() => parts.next()).toThrow(SwitchboardError);
    try {
      parts.next();
    } catch (error) {
      expect((error as SwitchboardError).code).toBe('invalid_payload');
    }
  });
});
