import { en, type Strings } from './en.js';
import type { Locale } from './locales.js';

// Each import() is a chunk of its own in the script-tag build, so a page downloads only the
// language it shows. A locale missing here is a compile error.
const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Strings>>> = {
  es: () => import('./es.js').then((module) => module.es),
  de: () => import('./de.js').then((module) => module.de),
  ar: () => import('./ar.js').then((module) => module.ar),
};

// Shared by every element on the page, so switching back to a language shows it at once.
const loaded = new Map<Locale, Strings>([['en', en]]);

/** The strings for `locale` if they have loaded already; English always has. */
export function loadedStrings(locale: Locale): Strings | undefined {
  return loaded.get(locale);
}

/** Loads the strings for `locale`; rejects only when its chunk cannot be fetched. */
export async function loadStrings(locale: Locale): Promise<Strings> {
  let strings = loaded.get(locale);
  if (!strings && locale !== 'en') {
    strings = await LOADERS[locale]();
    loaded.set(locale, strings);
  }
  return strings ?? en;
}
