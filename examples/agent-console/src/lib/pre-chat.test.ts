import { describe, expect, it } from 'vitest';
import { consentText } from './pre-chat.js';

describe('consentText', () => {
  it('quotes the wording agreed to, with when and a short version', () => {
    const text = consentText(
      {
        givenAt: '2025-03-04T10:15:00.000Z',
        text: 'I agree to the privacy policy.',
        url: 'https://example.com/privacy',
        version: 'ab12cd34ef56'.padEnd(64, '0'),
      },
      'en-GB',
    );
    expect(text).toMatch(
      /^Agreed to “I agree to the privacy policy\.” on 4 Mar 2025, \d\d:\d\d \(version ab12cd34\)\.$/,
    );
  });

  it('says when none was given', () => {
    expect(consentText(null)).toBe('No consent given in the pre-chat form.');
  });
});
