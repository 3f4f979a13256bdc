/** The languages the widget speaks. English ships with the element; the others load on demand. */
export type Locale = 'en' | 'es' | 'de' | 'ar';

export const LOCALES: readonly Locale[] = ['en', 'es', 'de', 'ar'];

export type TextDirection = 'ltr' | 'rtl';

export interface ResolvedLocale {
  /** Whose strings to show. */
  locale: Locale;
  /**
   * The canonical tag that matched (`es-MX`), or `en` when none did: the `lang` of the text and
   * the locale of its dates, so a Mexican visitor reads Spanish with Mexican times.
   */
  tag: string;
}

function isLocale(language: string): language is Locale {
  return (LOCALES as readonly string[]).includes(language);
}

/**
 * Picks the first supported language among `requested`, most preferred first, as
 * `navigator.languages` lists them: `es-MX` is served by `es`. Malformed tags are skipped, and
 * English is the answer when nothing fits.
 */
export function resolveLocale(requested: readonly string[]): ResolvedLocale {
  for (const candidate of requested) {
    let tag: string | undefined;
    try {
      // Canonical tags are what `lang` and Intl expect; `es_mx` becomes `es-MX`.
      [tag] = Intl.getCanonicalLocales(candidate.trim().replaceAll('_', '-'));
    } catch {
      continue; // a RangeError: not a language tag
    }
    const language = tag?.split('-')[0]?.toLowerCase() ?? '';
    if (tag && isLocale(language)) return { locale: language, tag };
  }
  return { locale: 'en', tag: 'en' };
}

export function textDirection(locale: Locale): TextDirection {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
