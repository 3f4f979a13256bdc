import type { VisitorState } from '@switchboard/agent-sdk';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';
import type { renderTypingLine } from './typing-line.js';

/**
 * After the messages, the live region that says who is typing. It stays in place (hidden) while
 * nobody types, so that screen readers know it before it speaks; what it says, and its dots, load
 * the first time somebody types (see typing-line.ts).
 */
export function renderTypingIndicator(
  typing: VisitorState['agentTyping'],
  text: Strings,
  typingLine: typeof renderTypingLine | null,
): TemplateResult {
  const line = typing && typingLine ? typingLine(typing, text) : null;
  return html`<div part="typing-indicator" role="status" aria-live="polite" ?hidden=${line === null}>
    ${line ?? nothing}
  </div>`;
}
