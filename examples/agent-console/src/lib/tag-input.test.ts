import { describe, expect, it } from 'vitest';
import { parseTagInput } from './tag-input.js';

describe('parseTagInput', () => {
  it('splits on commas, normalises and drops duplicates', () => {
    expect(parseTagInput(' #VIP, billing  issue,vip,, ')).toEqual({
      tags: ['vip', 'billing issue'],
      problem: null,
    });
  });

  it('explains what is wrong', () => {
    expect(parseTagInput(' , ')).toEqual({ tags: [], problem: 'Type a tag first' });
    expect(parseTagInput('ok, ' + 'x'.repeat(41)).problem).toMatch(/at most 40/);
  });
});
