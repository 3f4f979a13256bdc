import type { ConversationStatus } from '@switchboard/protocol';
import { html, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';

/** Whether the visitor may start over: the conversation was resolved or abandoned. */
export function conversationEnded(status: ConversationStatus | undefined): boolean {
  return status === 'resolved' || status === 'abandoned';
}

export interface NewConversationOptions {
  text: Strings;
  /** Disabled while the new conversation is being started. */
  starting: boolean;
  // Lit calls event listeners with the host element as `this`, so hosts may pass methods.
  onStart: (event: Event) => void;
}

/** Under the rating prompt or its thanks: leaves the ended conversation for a fresh one. */
export function renderNewConversation({ text, starting, onStart }: NewConversationOptions): TemplateResult {
  return html`<button part="new-conversation" type="button" ?disabled=${starting} @click=${onStart}>
    ${text.newConversation}
  </button>`;
}
