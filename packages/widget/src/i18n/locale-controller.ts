import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Strings } from './en.js';
import { loadedStrings, loadStrings } from './load-strings.js';
import { resolveLocale, textDirection, type ResolvedLocale, type TextDirection } from './locales.js';

export interface LocaleHost extends ReactiveControllerHost {
  /** A BCP 47 tag chosen by the page; empty (or null, once the attribute is removed) for the browser's. */
  readonly locale: string | null;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function timeFormatFor(tag: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Gives a host the strings, `lang`, `dir` and time format of its `locale`, or of the browser's
 * languages when it has none, and follows changes to either. Another language than English loads
 * lazily; until it has, the host keeps showing what it showed (English at first), never nothing.
 * The four fields change together, so `lang` and `dir` always describe the text on screen.
 */
export class LocaleController implements ReactiveController {
  strings: Strings = en;
  lang = 'en';
  dir: TextDirection = 'ltr';
  timeFormat: Intl.DateTimeFormat = timeFormatFor('en');

  private readonly host: LocaleHost;
  private readonly languages: () => readonly string[];
  /** The locale last asked for, which may still be loading. */
  private wanted: ResolvedLocale | null = null;
  private loading: Promise<unknown> = Promise.resolve();

  constructor(host: LocaleHost, languages: () => readonly string[] = browserLanguages) {
    this.host = host;
    this.languages = languages;
    host.addController(this);
  }

  /** Settles once the strings last asked for are shown (or failed to load). */
  async settled(): Promise<void> {
    await this.host.updateComplete;
    await this.loading;
    await this.host.updateComplete;
  }

  hostConnected(): void {
    if (typeof window !== 'undefined') window.addEventListener('languagechange', this.onLanguageChange);
  }

  hostDisconnected(): void {
    if (typeof window !== 'undefined') window.removeEventListener('languagechange', this.onLanguageChange);
  }

  hostUpdate(): void {
    const next = resolveLocale(this.host.locale ? [this.host.locale] : this.languages());
    if (next.tag === this.wanted?.tag) return;
    this.wanted = next;
    const strings = loadedStrings(next.locale);
    if (strings) {
      this.show(next, strings);
      return;
    }
    this.loading = loadStrings(next.locale).then(
      (loaded) => {
        if (this.wanted !== next) return; // asked for another one meanwhile
        this.show(next, loaded);
        this.host.requestUpdate();
      },
      (error: unknown) => console.warn(`[switchboard] could not load the "${next.locale}" strings`, error),
    );
  }

  private show({ locale, tag }: ResolvedLocale, strings: Strings): void {
    this.strings = strings;
    this.lang = tag;
    this.dir = textDirection(locale);
    this.timeFormat = timeFormatFor(tag);
  }

  // Only matters while the host follows the browser; an update re-resolves either way.
  private readonly onLanguageChange = (): void => this.host.requestUpdate();
}
