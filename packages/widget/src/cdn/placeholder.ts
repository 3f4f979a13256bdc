import { launcherIconPath } from '../launcher/launcher.js';
import { launcherCss } from '../launcher/launcher.styles.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws a launcher identical to the element's own into the not yet defined element's shadow
 * root, so the page shows the chat at once while lit and the element load. The element clears
 * that shadow root when it upgrades. Draws nothing, returning null, if the element is already
 * drawn or defined.
 */
export function drawPlaceholder(
  host: HTMLElement,
  label: string,
  onActivate: (button: HTMLButtonElement) => void,
): HTMLButtonElement | null {
  // A constructed sheet passes a CSP that forbids inline styles. Browsers without them (before
  // Safari 16.4) go without a placeholder; the element itself still loads when idle, and
  // styles it with the loader tag's nonce (`litNonce`).
  if (host.shadowRoot || customElements.get(host.localName) || !('replaceSync' in CSSStyleSheet.prototype)) {
    return null;
  }
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(launcherCss);
  root.adoptedStyleSheets = [sheet];
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'launcher');
  button.setAttribute('aria-label', label);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', launcherIconPath);
  svg.append(path);
  button.append(svg);
  button.addEventListener('click', () => onActivate(button));
  root.append(button);
  return button;
}
