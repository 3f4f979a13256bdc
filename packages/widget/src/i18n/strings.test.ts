import { describe, expect, it } from 'vitest';
import { en, type Translation } from './en.js';
import { enParts, withPartStrings } from './en-parts.js';
import { loadedStrings, loadStrings } from './load-strings.js';
import { LOCALES } from './locales.js';

const english: Translation = { ...en, ...enParts };
const keys = Object.keys(english).sort();

/** The `{name}` placeholders of a string, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const loaded = await Promise.all(LOCALES.map(async (locale) => [locale, await loadStrings(locale)] as const));
// English comes in two halves (the parts' strings load with the parts); the other languages'
// files are typed `Translation`, whole.
const tables = loaded.map(
  ([locale, strings]) => [locale, locale === 'en' ? english : (strings as Translation)] as const,
);

describe.each(tables)('the %s strings', (locale, strings: Translation) => {
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
      const text = strings[key as keyof Translation];
      expect(placeholders(text), key).toEqual(placeholders(english[key as keyof Translation]));
      // A brace that is not a placeholder is a typo such as `{score` or `{{max}}`.
      expect(text.replace(/\{(\w+)\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });
});

describe.each(tables.filter(([locale]) => locale !== 'en'))(
  'the %s translation',
  (_locale, strings: Translation) => {
    it('leaves no English behind, bar words that read the same', () => {
      const same = keys.filter(
        (key) => strings[key as keyof Translation] === english[key as keyof Translation],
      );
      // "Chat" is German and Spanish for chat, and "Support" German for support.
      expect(same.filter((key) => !['title', 'agent'].includes(key))).toEqual([]);
    });
  },
);

describe('loadStrings', () => {
  it('keeps what it loaded for synchronous use', () => {
    for (const [locale, strings] of loaded) expect(loadedStrings(locale)).toBe(strings);
  });
});

describe('withPartStrings', () => {
  it("fills in the parts' English, and leaves a whole translation as it is", async () => {
    expect(withPartStrings(en)).toEqual(english);
    const es = await loadStrings('es');
    expect(withPartStrings(es)).toEqual(es);
  });

  it('answers the same object for the same strings', () => {
    expect(withPartStrings(en)).toBe(withPartStrings(en));
  });
});
