import { describe, expect, it } from 'vitest';
import { cannedMatchRank, cannedSearchText, searchCannedResponses, searchKey } from './canned-search.js';
import type { CannedResponse } from './schemas/canned.js';

const response = (shortcut: string, fields: Partial<CannedResponse> = {}): CannedResponse => ({
  id: `id-${shortcut}`,
  siteId: 'site-1',
  shortcut,
  title: shortcut,
  body: `Body of ${shortcut}`,
  category: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('searchKey', () => {
  it('ignores case, accents and runs of whitespace', () => {
    expect(searchKey('  Café\n\tCRÈME  brûlée ')).toBe('cafe creme brulee');
    expect(searchKey('İstanbul')).toBe('istanbul');
    expect(searchKey('ﬁle')).toBe('file');
  });

  it('keeps one field per line in a search text', () => {
    expect(cannedSearchText({ shortcut: 'Refund', title: 'Réfund  policy', body: 'Two\nlines' })).toBe(
      'refund\nrefund policy\ntwo lines',
    );
  });
});

describe('cannedMatchRank', () => {
  const refund = response('refund-policy', {
    title: 'Refunds and returns',
    body: 'Sixty days, no questions.',
  });

  it('ranks shortcut over title over body', () => {
    expect(cannedMatchRank(refund, 'REFUND-POLICY')).toBe(0);
    expect(cannedMatchRank(refund, 'refund')).toBe(1);
    expect(cannedMatchRank(refund, 'policy')).toBe(2);
    expect(cannedMatchRank(refund, 'returns')).toBe(3);
    expect(cannedMatchRank(refund, 'questions')).toBe(4);
    expect(cannedMatchRank(refund, 'shipping')).toBeNull();
  });

  it('matches everything for a blank query', () => {
    expect(cannedMatchRank(refund, '   ')).toBe(0);
  });
});

describe('searchCannedResponses', () => {
  const list = [
    response('shipping', { body: 'We refund shipping on returns.' }),
    response('refund-policy', { category: 'Billing' }),
    response('greeting', { siteId: 'site-2' }),
    response('Refund', { category: 'Billing', siteId: 'site-2' }),
    response('apology', { title: 'Sorry for the refund delay' }),
  ];

  it('returns the best matches first, then by shortcut', () => {
    expect(searchCannedResponses(list, 'refund').map((r) => r.shortcut)).toEqual([
      'Refund',
      'refund-policy',
      'apology',
      'shipping',
    ]);
  });

  it('keeps everything for a blank query, ordered by shortcut', () => {
    expect(searchCannedResponses(list, '').map((r) => r.shortcut)).toEqual([
      'apology',
      'greeting',
      'Refund',
      'refund-policy',
      'shipping',
    ]);
  });

  it('narrows to a site and an exact category', () => {
    expect(searchCannedResponses(list, '', { siteId: 'site-2' }).map((r) => r.shortcut)).toEqual([
      'greeting',
      'Refund',
    ]);
    expect(searchCannedResponses(list, 'ref', { category: 'Billing' }).map((r) => r.shortcut)).toEqual([
      'Refund',
      'refund-policy',
    ]);
    expect(searchCannedResponses(list, '', { category: 'billing' })).toEqual([]);
  });
});
