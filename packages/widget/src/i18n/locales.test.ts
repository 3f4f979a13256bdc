import { describe, expect, it } from 'vitest';
import { LOCALES, resolveLocale, textDirection } from './locales.js';

describe('resolveLocale', () => {
  it('serves a supported language as it is asked for', () => {
    for (const locale of LOCALES) expect(resolveLocale([locale])).toEqual({ locale, tag: locale });
  });

  it('serves a regional variant by its language and keeps the region for formatting', () => {
    expect(resolveLocale(['es-MX'])).toEqual({ locale: 'es', tag: 'es-MX' });
    expect(resolveLocale(['de-CH'])).toEqual({ locale: 'de', tag: 'de-CH' });
    expect(resolveLocale(['ar-EG'])).toEqual({ locale: 'ar', tag: 'ar-EG' });
    expect(resolveLocale(['en-GB'])).toEqual({ locale: 'en', tag: 'en-GB' });
  });

  it('canonicalises case, underscores and surrounding spaces', () => {
    expect(resolveLocale(['ES-mx'])).toEqual({ locale: 'es', tag: 'es-MX' });
    expect(resolveLocale(['de_AT'])).toEqual({ locale: 'de', tag: 'de-AT' });
    expect(resolveLocale([' ar '])).toEqual({ locale: 'ar', tag: 'ar' });
  });

  it('takes the first supported language of a preference list', () => {
    expect(resolveLocale(['fr-FR', 'fr', 'de-DE', 'es'])).toEqual({ locale: 'de', tag: 'de-DE' });
  });

  it('falls back to English for unknown, malformed or missing languages', () => {
    const english = { locale: 'en', tag: 'en' };
    expect(resolveLocale(['fr'])).toEqual(english);
    expect(resolveLocale(['zh-Hant-TW', 'ja'])).toEqual(english);
    expect(resolveLocale(['', 'not a tag', '123', 'e'])).toEqual(english);
    expect(resolveLocale([])).toEqual(english);
  });

  it('skips a malformed tag and goes on to the next one', () => {
    expect(resolveLocale(['es-', 'de'])).toEqual({ locale: 'de', tag: 'de' });
  });
});

describe('textDirection', () => {
  it('is right to left for Arabic only', () => {
    expect(LOCALES.map((locale) => [locale, textDirection(locale)])).toEqual([
      ['en', 'ltr'],
      ['es', 'ltr'],
      ['de', 'ltr'],
      ['ar', 'rtl'],
    ]);
  });
});
