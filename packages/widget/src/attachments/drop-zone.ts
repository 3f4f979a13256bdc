import { html, type TemplateResult } from 'lit/html.js';
import type { Translation } from '../i18n/en.js';

/** Covers the panel while files are dragged onto it (the panel itself takes the drop). */
export function renderDropZone(text: Translation): TemplateResult {
  return html`<div part="drop-zone" aria-hidden="true">${text.dropFiles}</div>`;
}
