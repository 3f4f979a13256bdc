import { describe, expect, it } from 'vitest';
import { findLink, safeHref } from './link.js';

describe('safeHref', () => {
  it.each([
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ['http://EXAMPLE.com', 'http://example.com/'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
  ])('allows and normalises %j', (url, href) => {
    expect(safeHref(url)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    'blob:https://example.com/uuid',
    '&#106;avascript:alert(1)',
    '/relative',
    '',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });
});

describe('findLink', () => {
  it('finds nothing where no link prefix starts', () => {
    expect(findLink('see https://example.com', 0)).toBeUndefined();
    expect(findLink('javascript:alert(1)', 0)).toBeUndefined();
  });

  it('reports where a candidate ends, with or without a valid href', () => {
    expect(findLink('see https://example.com.', 4)).toEqual({ end: 23, href: 'https://example.com/' });
    expect(findLink('https://[x', 0)).toEqual({ end: 10, href: undefined });
    expect(findLink('www.!', 0)).toEqual({ end: 3, href: undefined });
  });
});
