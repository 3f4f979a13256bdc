import { html, type TemplateResult } from 'lit/html.js';
import { resolveCardUrl } from '../cards/card-url.js';
import { initials } from './header-status.js';

/**
 * An agent's picture, or their initials when they have none (or it is not an https URL or a path
 * on the server: the server filters too, the widget does not take that on trust). Decorative:
 * the name is always written next to it. `place` picks the parts: the header's or an author line's.
 */
export function renderAgentAvatar(
  agent: { name: string; avatarUrl: string | null },
  serverUrl: string,
  place: 'header' | 'author',
): TemplateResult {
  const src = resolveCardUrl(agent.avatarUrl ?? undefined, serverUrl, ['https:']);
  if (place === 'header')
    return src
      ? html`<img part="header-avatar header-avatar-image" src=${src} alt="" aria-hidden="true" />`
      : html`<span part="header-avatar" aria-hidden="true">${initials(agent.name)}</span>`;
  return src
    ? html`<img part="author-avatar author-avatar-image" src=${src} alt="" aria-hidden="true" />`
    : html`<span part="author-avatar" aria-hidden="true">${initials(agent.name)}</span>`;
}
