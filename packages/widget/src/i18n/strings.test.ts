import { describe, expect, it } from 'vitest';
import { en, type Strings } from './en.js';
import { loadedStrings, loadStrings } from './load-strings.js';
import { LOCALES } from './locales.js';

const keys = Object.keys(en).sort();

/** The `{name}` placeholders of a string, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const tables = await Promise.all(LOCALES.map(async (locale) => [locale, await loadStrings(locale)] as const));

describe.each(tables)('the %s strings', (locale, strings: Strings) => {
  it('have exactly the English keys', () => {
    expect(Object.keys(strings).sort()).toEqual(keys);
  });

  it('say something for every key, without stray whitespace', () => {
    for (const [key, text] of Object.entries(strings)) {
      expect(typeof text, key).toBe('string');
      expect(text.trim(), key).not.toBe('');
      expect(text, key).toBe(text.trim());
    }
  });

  it('use the same placeholders as English, and only known ones', () => {
    for (const key of keys) {
      const text = strings[key as keyof Strings];
      expect(placeholders(text), key).toEqual(placeholders(en[key as keyof Strings]));
      // A brace that is not a placeholder is a typo such as `{score` or `{{max}}`.
      expect(text.replace(/\{(\w+)\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });
});

describe.each(tables.filter(([locale]) => locale !== 'en'))(
  'the %s translation',
  (_locale, strings: Strings) => {
    it('leaves no English behind, bar words that read the same', () => {
      const same = keys.filter((key) => strings[key as keyof Strings] === en[key as keyof Strings]);
      // "Chat" is German and Spanish for chat, and "Support" German for support.
      expect(same.filter((key) => !['title', 'agent'].includes(key))).toEqual([]);
    });
  },
);

describe('loadStrings', () => {
  it('keeps what it loaded for synchronous use', () => {
    for (const [locale, strings] of tables) expect(loadedStrings(locale)).toBe(strings);
  });
});
