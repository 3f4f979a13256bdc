import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';
import type { HeaderStatus } from './header-status.js';
import { waitMinutes } from './header-status.js';
import { renderAgentAvatar } from './agent-avatar.js';
import { botIconPath } from './bot-icon.js';
import { initials } from './header-status.js';
import type { renderAwayNotice } from './away-notice.js';

/** The queue line, with the estimate only when the queue has history to base one on. */
export function queueText(position: number, waitSeconds: number | null, text: Strings): string {
  if (waitSeconds === null) return text.headerQueue.replace('{position}', String(position));
  const minutes = waitMinutes(waitSeconds);
  const wait = minutes === 0 ? text.waitUnderMinute : text.waitMinutes.replace('{minutes}', String(minutes));
  return text.headerQueueWait.replace('{position}', String(position)).replace('{wait}', wait);
}

function statusText(status: HeaderStatus, text: Strings): string {
  switch (status.kind) {
    case 'bot':
      return text.bot;
    case 'agent':
      return status.name;
    case 'queue':
      return queueText(status.position, status.waitSeconds, text);
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
  /** Draws the away notice, once its chunk has loaded (see away-notice.ts). */
  awayNotice: typeof renderAwayNotice | null;
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
  awayNotice,
}: HeaderOptions): TemplateResult {
  return html`${status ? renderAvatar(status, text, serverUrl) : nothing}
    <div part="header-text">
      <h2 part="title">${title}</h2>
      <div part="header-status" role="status" aria-live="polite" ?hidden=${status === null}>
        ${status ? statusText(status, text) : nothing}
      </div>
      ${status?.kind === 'away' ? awayNotice?.(status.nextOpenAt, text, lang) : nothing}
    </div>`;
}
