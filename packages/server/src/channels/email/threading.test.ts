import { describe, expect, it } from 'vitest';
import { derivedMessageIdFor, displaySubject, normalizeMessageId, parseIdList } from './threading.js';

describe('email threading', () => {
  it('writes every Message-ID with its angle brackets, and refuses what is not one', () => {
    expect(normalizeMessageId('abc@mail.example.com')).toBe('<abc@mail.example.com>');
    expect(normalizeMessageId('  <abc@mail.example.com> ')).toBe('<abc@mail.example.com>');
    expect(normalizeMessageId('')).toBeNull();
    expect(normalizeMessageId('two ids@x')).toBeNull();
    expect(normalizeMessageId(undefined)).toBeNull();
  });

  it('lists In-Reply-To first, then References, once each', () => {
    expect(parseIdList('<c@x>', '<a@x> <b@x>\r\n <c@x>')).toEqual(['<c@x>', '<a@x>', '<b@x>']);
    expect(parseIdList(undefined, ['<a@x>', '<b@x>'])).toEqual(['<a@x>', '<b@x>']);
    // Bare ids, as a few scripts write them.
    expect(parseIdList('a@x, b@x')).toEqual(['<a@x>', '<b@x>']);
    expect(parseIdList(undefined, '')).toEqual([]);
  });

  it('shows the subject without the reply and forward prefixes clients stack up', () => {
    expect(displaySubject('Re: Fwd: RE: Order 42')).toBe('Order 42');
    expect(displaySubject('AW: Re[2]: Rechnung')).toBe('Rechnung');
    expect(displaySubject('Receipt for order 42')).toBe('Receipt for order 42');
    expect(displaySubject('Re:')).toBeUndefined();
    expect(displaySubject(undefined)).toBeUndefined();
  });

  it('derives the same stand-in id for the same mail, a different one for another', () => {
    const one = derivedMessageIdFor('ada@example.com', '1', 'Hi', 'Hello');
    expect(one).toMatch(/^<[0-9a-f]{32}@switchboard\.invalid>$/);
    expect(derivedMessageIdFor('ada@example.com', '1', 'Hi', 'Hello')).toBe(one);
    expect(derivedMessageIdFor('ada@example.com', '1', 'Hi', 'Hello!')).not.toBe(one);
  });
});
