import { describe, expect, it } from 'vitest';
import { TagsPayload } from './schemas/tag.js';
import { normalizeTag, tagProblem } from './tags.js';

describe('normalizeTag', () => {
  it('lowercases, trims, collapses spaces and drops a leading #', () => {
    expect(normalizeTag('  #VIP  Customer ')).toBe('vip customer');
    expect(normalizeTag('ＢＩＬＬＩＮＧ')).toBe('billing');
    expect(normalizeTag('##')).toBe('');
  });

  it('refuses blank, long, comma and control characters', () => {
    expect(tagProblem('')).toBe('must not be blank');
    expect(tagProblem('x'.repeat(41))).toMatch(/at most 40/);
    expect(tagProblem('a,b')).toMatch(/comma/);
    expect(tagProblem('a\nb')).toMatch(/control/);
    expect(tagProblem('refund')).toBeNull();
  });
});

describe('TagsPayload', () => {
  it('parses tags into their normalised form', () => {
    expect(TagsPayload.parse({ conversationId: 'c1', tags: [' #Refund '] })).toEqual({
      conversationId: 'c1',
      tags: ['refund'],
    });
    const refused = TagsPayload.safeParse({ conversationId: 'c1', tags: ['ok', ' # '] });
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual([['tags', 1]]);
  });
});
