// The bot's suggested answers: a chunk of its own, fetched when a bot message first offers some.
import type { QuickReply } from '@switchboard/protocol';
import { html, type TemplateResult } from 'lit/html.js';
import { addStyles } from '../element/add-styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import { quickRepliesStyles } from './quick-replies.styles.js';

export interface QuickRepliesOptions {
  replies: readonly QuickReply[];
  text: Strings;
  /** Called with the chosen reply's `value`, which is sent as the visitor's message. */
  onChoose: (value: string) => void;
}

/** The bot's suggested answers, as a row of buttons under its message. */
export function renderQuickReplies({ replies, text, onChoose }: QuickRepliesOptions): TemplateResult {
  return html`<div part="quick-replies" role="group" aria-label=${withPartStrings(text).quickReplies}>
    ${replies.map(
      (reply) =>
        html`<button part="quick-reply" type="button" @click=${() => onChoose(reply.value)}>
          ${reply.label}
        </button>`,
    )}
  </div>`;
}

/** Gives the host's shadow root the buttons' styles, then draws them (see `renderQuickReplies`). */
export function loadQuickReplies(root: HTMLElement | DocumentFragment): typeof renderQuickReplies {
  addStyles(root, [quickRepliesStyles]);
  return renderQuickReplies;
}
