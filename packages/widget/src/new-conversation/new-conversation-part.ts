// "Start a new conversation", as the chat loads it: a chunk of its own, fetched once a
// conversation has ended (most visitors leave before theirs does).
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveControllerHost } from 'lit';
import { addStyles } from '../element/add-styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { conversationEnded } from './conversation-ended.js';
import { newConversationStyles } from './new-conversation.styles.js';

export interface NewConversationHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface NewConversationPart {
  /** Under the rating prompt or its thanks, while the conversation is over. */
  render(text: Strings): TemplateResult | typeof nothing;
}

/**
 * Leaves the ended conversation for a fresh one; the button is disabled while the server starts
 * it, and `onStarted` follows (the button is gone with the ended conversation). A failure shows in
 * the store's `error`.
 */
export function createNewConversationPart(
  host: NewConversationHost,
  visitor: Pick<VisitorController, 'state' | 'client'>,
  onStarted: () => void,
): NewConversationPart {
  addStyles(host.renderRoot, [newConversationStyles]);
  let starting = false;
  const start = () => {
    const client = visitor.client;
    if (!client) return;
    starting = true;
    host.requestUpdate();
    void client
      .startNewConversation()
      .catch(() => null)
      .finally(() => {
        starting = false;
        host.requestUpdate();
        onStarted();
      });
  };
  return {
    render: (text) =>
      conversationEnded(visitor.state.conversation?.status)
        ? html`<button part="new-conversation" type="button" ?disabled=${starting} @click=${start}>
            ${withPartStrings(text).newConversation}
          </button>`
        : nothing,
  };
}
