import { canAdoptSheets, type Css } from './css.js';

const added = new WeakMap<ShadowRoot, Set<Css>>();

/**
 * Adds styles to the element's shadow root, once each: its own when it first renders, and those of
 * a part loaded later (see `Lazy`). Each is a constructed sheet, or a `<style>` with the page's
 * nonce where sheets cannot be adopted, so a strict CSP still holds. The nonce is read from
 * `window.litNonce`, the name lit uses, which the script-tag build sets from its own tag.
 */
export function addStyles(root: HTMLElement | DocumentFragment, styles: readonly Css[]): void {
  if (!(root instanceof ShadowRoot)) return;
  const held = added.get(root) ?? new Set<Css>();
  added.set(root, held);
  for (const style of styles) {
    if (held.has(style)) continue;
    held.add(style);
    const sheet = canAdoptSheets ? style.styleSheet : undefined;
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      continue;
    }
    const element = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) element.setAttribute('nonce', nonce);
    element.textContent = style.cssText;
    // Before the rendered content, which lit owns up to the end of the root.
    const firstRendered = [...root.childNodes].find((node) => !(node instanceof HTMLStyleElement));
    root.insertBefore(element, firstRendered ?? null);
  }
}
