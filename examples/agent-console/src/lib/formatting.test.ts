import { describe, expect, it } from 'vitest';
import { parseFormatting } from './formatting.js';

describe('parseFormatting', () => {
  it('keeps plain text as one segment', () => {
    expect(parseFormatting('Hello there')).toEqual([{ style: 'plain', text: 'Hello there' }]);
  });

  it('splits out each style', () => {
    expect(parseFormatting('a *bold* _it_ ~gone~ `code()` z')).toEqual([
      { style: 'plain', text: 'a ' },
      { style: 'bold', text: 'bold' },
      { style: 'plain', text: ' ' },
      { style: 'italic', text: 'it' },
      { style: 'plain', text: ' ' },
      { style: 'strike', text: 'gone' },
      { style: 'plain', text: ' ' },
      { style: 'mono', text: 'code()' },
      { style: 'plain', text: ' z' },
    ]);
  });

  it('accepts markers at the edges and before punctuation', () => {
    expect(parseFormatting('*Hi*, (see _this_)!')).toEqual([
      { style: 'bold', text: 'Hi' },
      { style: 'plain', text: ', (see ' },
      { style: 'italic', text: 'this' },
      { style: 'plain', text: ')!' },
    ]);
  });

  it('leaves markers inside words, around spaces and across lines alone', () => {
    for (const text of ['snake_case_name', '2 * 3 * 4', '* not bold *', '*line\nbreak*', 'a*b*c']) {
      expect(parseFormatting(text)).toEqual([{ style: 'plain', text }]);
    }
  });

  it('never turns markup into anything but text', () => {
    expect(parseFormatting('*<img src=x onerror=alert(1)>*')).toEqual([
      { style: 'bold', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseFormatting('')).toEqual([]);
  });
});
