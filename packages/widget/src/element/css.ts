/**
 * A style sheet's text, with the constructed sheet made from it on first use and then shared by
 * every shadow root that adopts it.
 */
export class Css {
  private sheet: CSSStyleSheet | undefined;

  constructor(readonly cssText: string) {}

  /** The constructed sheet, where the browser has them (see `canAdoptSheets`). */
  get styleSheet(): CSSStyleSheet {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(this.cssText);
    }
    return this.sheet;
  }
}

/**
 * Styles as a tagged template. Only other `css` results and numbers may be interpolated, so
 * nothing from outside (a page's string, a message) ever becomes CSS by accident.
 */
export function css(strings: TemplateStringsArray, ...values: readonly (Css | number)[]): Css {
  return new Css(
    strings.reduce((text, part, index) => {
      const value = values[index - 1]!;
      return text + (typeof value === 'number' ? value : value.cssText) + part;
    }),
  );
}

/** CSS the widget itself wrote as a string (the loader's launcher, the theme palette). */
export function unsafeCSS(cssText: string): Css {
  return new Css(cssText);
}

/**
 * Shadow roots take constructed sheets everywhere the widget runs but in browsers before Safari
 * 16.4; there styles go in `<style>` elements carrying the page's nonce (see `addStyles`).
 */
export const canAdoptSheets =
  typeof ShadowRoot === 'function' &&
  'adoptedStyleSheets' in Document.prototype &&
  'replaceSync' in CSSStyleSheet.prototype;
