import { supportsAdoptingStyleSheets, type CSSResult } from 'lit';

const added = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds the styles of a part loaded later (see `Lazy`) to the element's shadow root, once each, as
 * lit adds the element's own: a constructed sheet, or a `<style>` with lit's nonce where sheets
 * cannot be adopted, so a strict CSP still holds.
 */
export function addStyles(root: HTMLElement | DocumentFragment, styles: readonly CSSResult[]): void {
  if (!(root instanceof ShadowRoot)) return;
  const held = added.get(root) ?? new Set<CSSResult>();
  added.set(root, held);
  for (const style of styles) {
    if (held.has(style)) continue;
    held.add(style);
    const sheet = supportsAdoptingStyleSheets ? style.styleSheet : undefined;
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      continue;
    }
    const element = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) element.setAttribute('nonce', nonce);
    element.textContent = style.cssText;
    // Before lit's rendered content, which it owns up to the end of the root.
    const firstRendered = [...root.childNodes].find((node) => !(node instanceof HTMLStyleElement));
    root.insertBefore(element, firstRendered ?? null);
  }
}
