import type { VisitorState } from '@switchboard/agent-sdk';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';

/**
 * Three dots and a line saying who is typing, after the messages. The element stays in place
 * (hidden) while nobody types, so that screen readers know the live region before it speaks.
 */
export function renderTypingIndicator(typing: VisitorState['agentTyping'], text: Strings): TemplateResult {
  return html`<div part="typing-indicator" role="status" aria-live="polite" ?hidden=${typing === null}>
    ${
      typing
        ? html`<span class="typing-dots" aria-hidden="true"><span></span><span></span><span></span></span>
            <span class="typing-label">${typing.who === 'bot' ? text.typingBot : text.typingAgent}</span>`
        : nothing
    }
  </div>`;
}
