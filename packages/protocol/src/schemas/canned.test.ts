import { describe, expect, it } from 'vitest';
import {
  CannedResponseListQuery,
  CreateCannedResponseRequest,
  UpdateCannedResponseRequest,
} from './canned.js';

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('CreateCannedResponseRequest', () => {
  const valid = { siteId: 's1', shortcut: 'refund-policy', title: 'Refunds', body: 'Sixty days.' };

  it('trims the fields and makes a missing or blank category null', () => {
    expect(
      CreateCannedResponseRequest.parse({
        ...valid,
        shortcut: ' Refund_2 ',
        title: ' Refunds ',
        body: '\nHi\n',
      }),
    ).toEqual({ ...valid, shortcut: 'Refund_2', title: 'Refunds', body: 'Hi', category: null });
    expect(CreateCannedResponseRequest.parse({ ...valid, category: '  ' }).category).toBeNull();
    expect(CreateCannedResponseRequest.parse({ ...valid, category: ' Billing ' }).category).toBe('Billing');
  });

  it.each([
    ['a shortcut with a space', { shortcut: 'refund policy' }, 'shortcut'],
    ['a shortcut starting with "/"', { shortcut: '/refund' }, 'shortcut'],
    ['a shortcut starting with "-"', { shortcut: '-refund' }, 'shortcut'],
    ['a non-ASCII shortcut', { shortcut: 'rückgabe' }, 'shortcut'],
    ['a 65-character shortcut', { shortcut: 'a'.repeat(65) }, 'shortcut'],
    ['a blank title', { title: '  ' }, 'title'],
    ['a blank body', { body: ' ' }, 'body'],
    ['a body over 4000 characters', { body: 'x'.repeat(4001) }, 'body'],
    ['an unknown variable', { body: 'Hi {{contact.frist_name}}' }, 'body'],
    ['a malformed placeholder', { body: 'Hi {{contact.first_name || there}}' }, 'body'],
    ['a 61-character category', { category: 'c'.repeat(61) }, 'category'],
    ['an unknown field', { tags: ['x'] }, ''],
  ])('refuses %s', (_label, change, path) => {
    expect(issues(CreateCannedResponseRequest.safeParse({ ...valid, ...change }))).toEqual([path]);
  });
});

describe('UpdateCannedResponseRequest', () => {
  it('takes any of the fields, and null to remove the category', () => {
    expect(UpdateCannedResponseRequest.parse({ title: ' New ' })).toEqual({ title: 'New' });
    expect(UpdateCannedResponseRequest.parse({ category: null })).toEqual({ category: null });
  });

  it('refuses an empty change and a siteId', () => {
    expect(UpdateCannedResponseRequest.safeParse({}).success).toBe(false);
    expect(UpdateCannedResponseRequest.safeParse({ siteId: 's2' }).success).toBe(false);
  });
});

describe('CannedResponseListQuery', () => {
  it('treats a blank q as no search', () => {
    expect(CannedResponseListQuery.parse({ q: '  ' })).toEqual({});
    expect(CannedResponseListQuery.parse({ q: ' refund ', category: 'Billing' })).toEqual({
      q: ' refund ',
      category: 'Billing',
    });
  });
});
