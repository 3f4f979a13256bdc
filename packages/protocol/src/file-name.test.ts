import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_NAME } from './constants.js';
import { shortenFileName } from './file-name.js';

describe('shortenFileName', () => {
  it('leaves names within the limit alone', () => {
    expect(shortenFileName('invoice.pdf')).toBe('invoice.pdf');
    expect(shortenFileName('x'.repeat(MAX_ATTACHMENT_NAME))).toHaveLength(MAX_ATTACHMENT_NAME);
  });

  it('keeps a short extension and whole characters', () => {
    const long = shortenFileName(`${'a'.repeat(400)}.pdf`);
    expect(long).toHaveLength(MAX_ATTACHMENT_NAME);
    expect(long.endsWith('a.pdf')).toBe(true);
    expect(shortenFileName(`${'😀'.repeat(200)}.txt`)).toBe(`${'😀'.repeat(125)}.txt`);
    expect(shortenFileName('abcdef', 4)).toBe('abcd');
    expect(shortenFileName(`name.${'e'.repeat(20)}`, 10)).toBe('name.eeeee');
  });
});
