import type { QuickReply } from '@switchboard/protocol';
import { html, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';

export interface QuickRepliesOptions {
  replies: readonly QuickReply[];
  text: Strings;
  /** Called with the chosen reply's `value`, which is sent as the visitor's message. */
  onChoose: (value: string) => void;
}

/** The bot's suggested answers, as a row of buttons under its message. */
export function renderQuickReplies({ replies, text, onChoose }: QuickRepliesOptions): TemplateResult {
  return html`<div part="quick-replies" role="group" aria-label=${text.quickReplies}>
    ${replies.map(
      (reply) =>
        html`<button part="quick-reply" type="button" @click=${() => onChoose(reply.value)}>
          ${reply.label}
        </button>`,
    )}
  </div>`;
}
