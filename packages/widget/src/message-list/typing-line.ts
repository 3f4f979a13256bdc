// Three dots and who is typing: a chunk of its own, with its words and its animation, fetched the
// first time an agent or the bot types.
import type { VisitorState } from '@switchboard/agent-sdk';
import { html, type TemplateResult } from 'lit/html.js';
import { addStyles } from '../element/add-styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import { typingLineStyles } from './typing-line.styles.js';

/** The typing indicator's content (see `renderTypingIndicator`). */
export function renderTypingLine(
  typing: NonNullable<VisitorState['agentTyping']>,
  strings: Strings,
): TemplateResult {
  const text = withPartStrings(strings);
  return html`<span class="typing-dots" aria-hidden="true"><span></span><span></span><span></span></span>
    <span class="typing-label">${typing.who === 'bot' ? text.typingBot : text.typingAgent}</span>`;
}

/** Gives the host's shadow root the indicator's styles, then draws its content. */
export function loadTypingLine(root: HTMLElement | DocumentFragment): typeof renderTypingLine {
  addStyles(root, [typingLineStyles]);
  return renderTypingLine;
}
