// Outside business hours, under the header's status: a chunk of its own, fetched when the site
// says the team is away (with the site's settings, which come from the server anyway).
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import { reopensText } from './reopens.js';

/** That the team replies once back and, when the site knows it, when that is. */
export function renderAwayNotice(nextOpenAt: string | null, strings: Strings, lang: string): TemplateResult {
  const text = withPartStrings(strings);
  const back = reopensText(nextOpenAt, text, lang);
  return html`<p part="header-notice">
    ${text.headerAwayNotice}${back ? html` <span part="header-reopens">${back}</span>` : nothing}
  </p>`;
}
