import type { ReactiveController } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { LocaleController, type LocaleHost } from './locale-controller.js';

/** A host that runs its controllers' `hostUpdate` the way lit does, on demand. */
class FakeHost implements LocaleHost {
  locale: string | null = '';
  updates = 0;
  readonly controllers: ReactiveController[] = [];
  updateComplete: Promise<boolean> = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
    this.update();
  }
  update(): void {
    for (const controller of this.controllers) controller.hostUpdate?.();
  }
}

function setup(languages: readonly string[] = []) {
  const host = new FakeHost();
  const i18n = new LocaleController(host, () => languages);
  return { host, i18n };
}

const shown = (i18n: LocaleController) => ({ strings: i18n.strings, lang: i18n.lang, dir: i18n.dir });

describe('LocaleController', () => {
  it('shows English, left to right, before any update', () => {
    const { i18n } = setup(['ar']);
    expect(shown(i18n)).toEqual({ strings: en, lang: 'en', dir: 'ltr' });
  });

  it('follows the browser when the host names no locale', async () => {
    const { host, i18n } = setup(['fr-FR', 'de-DE', 'en']);
    host.update();
    await i18n.settled();
    expect(shown(i18n)).toEqual({ strings: de, lang: 'de-DE', dir: 'ltr' });
  });

  it('keeps English on screen until a lazy locale has loaded, then asks for a render', async () => {
    const { host, i18n } = setup();
    host.locale = 'es-MX';
    host.update();
    expect(i18n.strings).toBe(en); // same tick: the chunk is still loading
    await i18n.settled();
    expect(shown(i18n)).toEqual({ strings: es, lang: 'es-MX', dir: 'ltr' });
    expect(host.updates).toBeGreaterThan(0);
  });

  it('turns right to left with Arabic and back', async () => {
    const { host, i18n } = setup();
    host.locale = 'ar';
    host.update();
    await i18n.settled();
    expect(shown(i18n)).toEqual({ strings: ar, lang: 'ar', dir: 'rtl' });
    host.locale = 'en';
    host.update();
    expect(shown(i18n)).toEqual({ strings: en, lang: 'en', dir: 'ltr' });
  });

  it('shows English for an unknown locale, even when the browser speaks a supported one', async () => {
    const { host, i18n } = setup(['de']);
    host.locale = 'fr';
    host.update();
    await i18n.settled();
    expect(shown(i18n)).toEqual({ strings: en, lang: 'en', dir: 'ltr' });
  });

  it('goes back to the browser when the locale is removed', async () => {
    const { host, i18n } = setup(['es']);
    host.locale = 'ar';
    host.update();
    await i18n.settled();
    host.locale = null;
    host.update();
    await i18n.settled();
    expect(shown(i18n)).toEqual({ strings: es, lang: 'es', dir: 'ltr' });
  });

  it('ignores a locale that finishes loading after another was chosen', async () => {
    const { host, i18n } = setup();
    host.locale = 'de';
    host.update();
    host.locale = 'en';
    host.update();
    await i18n.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown(i18n)).toEqual({ strings: en, lang: 'en', dir: 'ltr' });
  });

  it('formats times in the chosen locale, region included', async () => {
    const { host, i18n } = setup();
    const at = new Date(2026, 0, 2, 15, 4);
    host.locale = 'en-US';
    host.update();
    expect(i18n.timeFormat.format(at)).toMatch(/^03:04\sPM$/);
    host.locale = 'de';
    host.update();
    await i18n.settled();
    expect(i18n.timeFormat.format(at)).toBe('15:04');
    expect(i18n.timeFormat.resolvedOptions().locale).toBe('de');
  });

  it('re-resolves when the browser reports new languages', () => {
    const host = new FakeHost();
    const update = vi.spyOn(host, 'requestUpdate');
    const i18n = new LocaleController(host, () => []);
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('window', {
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
    });
    try {
      i18n.hostConnected();
      listeners.get('languagechange')?.();
      expect(update).toHaveBeenCalledOnce();
      i18n.hostDisconnected();
      expect(listeners.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
