import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';
import type { HeaderStatus } from './header-status.js';
import { renderAgentAvatar } from './agent-avatar.js';
import { initials } from './header-status.js';
import type { HeaderLines } from './header-lines.js';

/** A robot's head, 24×24, as on the bot's messages: a bot is never taken for a person. */
const botIconPath =
  'M11 2h2v3h4a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V8a3 3 0 0 1 3-3h4V2Zm-2 9a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z';

/** What the status line says; empty while the queue's words load. */
function statusText(status: HeaderStatus, text: Strings, lines: HeaderLines | null): string {
  switch (status.kind) {
    case 'bot':
      return text.bot;
    case 'agent':
      return status.name;
    case 'queue':
      return lines?.queueText(status.position, status.waitSeconds, text) ?? '';
    case 'team':
      return text.headerTeam;
    case 'away':
      return text.headerAway;
  }
}

function renderAvatar(
  status: HeaderStatus,
  text: Strings,
  serverUrl: string,
): TemplateResult | typeof nothing {
  // Decorative: the status line next to it names who it stands for.
  if (status.kind === 'bot')
    return html`<span part="header-avatar header-avatar-bot" aria-hidden="true"
      ><svg viewBox="0 0 24 24"><path d=${botIconPath}></path></svg
    ></span>`;
  if (status.kind === 'agent') return renderAgentAvatar(status, serverUrl, 'header');
  if (status.kind === 'team')
    return html`<span part="header-avatar" aria-hidden="true">${initials(text.headerTeam)}</span>`;
  return nothing;
}

export interface HeaderOptions {
  /** The site's name, or the `heading` the page set. */
  title: string;
  status: HeaderStatus | null;
  text: Strings;
  /** The absolute server URL, against which an avatar on the server resolves. */
  serverUrl: string;
  /** The widget's language tag, for the time the team is back. */
  lang: string;
  /** The queue's line and the away notice, once their chunk has loaded (see header-lines.ts). */
  lines: HeaderLines | null;
}

/**
 * The avatar, the title and under it who answers (the bot, the team), the visitor's place in the
 * queue, or that nobody is in and when they are back. The status is a polite live region, so a
 * screen reader hears the queue move and an agent join.
 */
export function renderHeaderIdentity({
  title,
  status,
  text,
  serverUrl,
  lang,
  lines,
}: HeaderOptions): TemplateResult {
  const said = status ? statusText(status, text, lines) : '';
  return html`${status ? renderAvatar(status, text, serverUrl) : nothing}
    <div part="header-text">
      <h2 part="title">${title}</h2>
      <div part="header-status" role="status" aria-live="polite" ?hidden=${said === ''}>${said}</div>
      ${status?.kind === 'away' ? lines?.renderAwayNotice(status.nextOpenAt, text, lang) : nothing}
    </div>`;
}
