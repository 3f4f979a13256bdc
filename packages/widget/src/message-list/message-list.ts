import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { VisitorState } from '@switchboard/agent-sdk';
import type { Strings } from '../i18n/en.js';
import { renderAgentAvatar } from '../header/agent-avatar.js';
import { botIconPath } from '../header/bot-icon.js';
import type { Attachment } from '@switchboard/protocol';
import { isEmojiOnly } from '../emoji/emoji-set.js';
import { renderMessageText } from '../formatting/render.js';
import type { MessageGroup, MessageRow, MessageSide } from './group-messages.js';
import type { OwnReceipt } from './own-receipt.js';

export interface MessageListOptions {
  groups: readonly MessageGroup[];
  text: Strings;
  /** Formats the time a message was sent, shown as its tooltip. */
  timeFormat: Intl.DateTimeFormat;
  /** The Switchboard server's absolute URL, against which cards' and avatars' paths resolve. */
  serverUrl: string;
  /** Agents' public profiles, for the name and picture over their messages. */
  agents: VisitorState['agents'];
  /** The widget's language tag, for file sizes. */
  lang: string;
  /** An attachment's absolute URL. */
  attachmentUrl: (attachment: Attachment) => string;
  /** An image or a video under a message learned its size. */
  onMediaLoad: () => void;
  // Lit calls event listeners with the host element as `this`, so hosts may pass methods.
  onScroll: (event: Event) => void;
  /** Sends a failed message again; called with its client message id. */
  onRetry: (key: string) => void;
  /** Drops a failed message; called with its client message id. */
  onDiscard: (key: string) => void;
  /** "Sent", "Delivered" or "Read" under the visitor's latest stored message; null for none. */
  receipt?: OwnReceipt | null;
  /** What the conversation asks of the visitor now (quick replies, a form), after the messages. */
  footer?: unknown;
  /** Draws messages' files and cards; until it has loaded, messages show their text alone. */
  media?: MessageMedia | null;
}

/** What draws the files and cards under a message (see `createMessageMedia`). */
export interface MessageMedia {
  render(row: MessageRow, side: MessageSide, options: MessageListOptions): unknown;
}

/** The id of a failed message's Retry button, by its client message id (see `MessageRow.key`). */
export function retryButtonId(key: string): string {
  return `retry-${key}`;
}

function timeOf(timestamp: string, format: Intl.DateTimeFormat): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

// Parts, not classes, carry the state so that pages can theme each kind: `::part(message-self)`,
// `::part(message-pending)`.
function partsOf(side: MessageSide, row: MessageRow): string {
  const parts =
    row.status === 'sent' ? `message message-${side}` : `message message-${side} message-${row.status}`;
  // A lone 👍 is a whole answer: shown large, without a bubble.
  return isEmojiOnly(row.text) ? `${parts} message-emoji` : parts;
}

function renderRow(side: MessageSide, row: MessageRow, options: MessageListOptions): TemplateResult {
  const { text } = options;
  if (row.activity)
    return html`<p part="activity" title=${timeOf(row.createdAt, options.timeFormat)}>${row.text}</p>`;
  // The text's formatting is parsed into nodes and drawn through lit bindings, so markup in a
  // message stays text. It sits in an inline <span>, which formatters treat as
  // whitespace-sensitive, because the bubble keeps the visitor's own spacing (pre-wrap) and must
  // not gain any of its own. A message keeps its own direction: English quoted in an Arabic
  // chat still reads left to right.
  // Files, or an agent's shared product, may come without text: then there is no bubble.
  return html`${
    row.text === '' && (row.attachments.length > 0 || row.cards.length > 0)
      ? nothing
      : html`<div
          part=${partsOf(side, row)}
          dir="auto"
          title=${row.status === 'pending' ? text.sending : timeOf(row.createdAt, options.timeFormat)}
        >
          <span class="text">${renderMessageText(row.text)}</span>
        </div>`
  }
  ${options.media?.render(row, side, options) ?? nothing}
  ${
    row.status === 'failed'
      ? html`<span part="message-status"
          >${text.failed}
          <button
            part="retry-button"
            id=${retryButtonId(row.key)}
            type="button"
            @click=${() => options.onRetry(row.key)}
          >
            ${text.retry}
          </button>
          <button part="discard-button" type="button" @click=${() => options.onDiscard(row.key)}>
            ${text.discard}
          </button>
        </span>`
      : renderReceipt(row, options)
  }`;
}

function renderReceipt(
  row: MessageRow,
  { receipt, text }: MessageListOptions,
): TemplateResult | typeof nothing {
  if (!receipt || receipt.key !== row.key || row.status !== 'sent') return nothing;
  return html`<span part="message-status message-status-${receipt.state}">${text[receipt.state]}</span>`;
}

function renderAuthor(group: MessageGroup, options: MessageListOptions): TemplateResult | typeof nothing {
  const { text } = options;
  if (group.side !== 'other') return nothing;
  if (group.authorKind === 'bot')
    return html`<span part="author author-bot"
      ><svg viewBox="0 0 24 24" aria-hidden="true"><path d=${botIconPath}></path></svg>${text.bot}</span
    >`;
  // Until their profile arrives (or if they were deleted), an agent is "Agent".
  const agent = group.authorId ? options.agents[group.authorId] : undefined;
  return agent
    ? html`<span part="author author-agent"
        >${renderAgentAvatar(agent, options.serverUrl, 'author')}${agent.name}</span
      >`
    : html`<span part="author author-agent">${text.agent}</span>`;
}

function renderGroup(group: MessageGroup, options: MessageListOptions): TemplateResult {
  return html`<div part="group group-${group.side}" class="group ${group.side}">
    ${renderAuthor(group, options)} ${group.rows.map((row) => renderRow(group.side, row, options))}
  </div>`;
}

/** The scrolling conversation: a greeting while it is empty, then one block per group. */
export function renderMessageList(options: MessageListOptions): TemplateResult {
  const { groups, text } = options;
  return html`<div
    part="messages"
    role="log"
    aria-live="polite"
    aria-label=${text.messages}
    tabindex="0"
    @scroll=${options.onScroll}
  >
    ${groups.length === 0 ? html`<p part="empty">${text.greeting}</p>` : groups.map((group) => renderGroup(group, options))}
    ${options.footer ?? nothing}
  </div>`;
}
