import type { AgentPresence } from '@switchboard/protocol';
import { h, setAttr } from '../lib/dom.js';
import { mentionQuery, preferredHandle, suggestAgents } from '../lib/mention-text.js';

export interface MentionSuggestions {
  element: HTMLElement;
  /**
   * Handles a key in the text field: Tab (or Enter) takes the first suggestion while there are
   * some, Escape closes them. Returns whether it handled the key.
   */
  handleKey(event: KeyboardEvent): boolean;
  /** Reads the `@word` at the caret again (after input or a caret move). */
  update(): void;
}

/**
 * Who an `@` being typed in `field` could be: up to five colleagues, each inserted as the handle
 * the server resolves to them (`preferredHandle`).
 */
export function mentionSuggestions(
  field: HTMLTextAreaElement,
  agents: () => readonly AgentPresence[],
): MentionSuggestions {
  const element = h('ul', {
    className: 'mention-suggestions',
    testId: 'mention-suggestions',
    attrs: { role: 'listbox', 'aria-label': 'Mention a colleague' },
  });
  element.hidden = true;
  let current: { start: number; candidates: AgentPresence[] } | null = null;

  function insert(agent: AgentPresence): void {
    if (current === null) return;
    const handle = `@${preferredHandle(agent, agents())} `;
    const caret = field.selectionStart;
    field.value = field.value.slice(0, current.start) + handle + field.value.slice(caret);
    const at = current.start + handle.length;
    field.setSelectionRange(at, at);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.focus();
  }

  function update(): void {
    const query = mentionQuery(field.value, field.selectionStart);
    const candidates = query === null ? [] : suggestAgents(query.query, agents());
    current = query === null || candidates.length === 0 ? null : { start: query.start, candidates };
    element.hidden = current === null;
    setAttr(field, 'aria-expanded', current === null ? 'false' : 'true');
    element.replaceChildren(
      ...(current?.candidates ?? []).map((agent, index) => {
        const option = h('li', {
          className: `mention-suggestion${index === 0 ? ' is-first' : ''}`,
          testId: 'mention-suggestion',
          text: `${agent.name} · @${preferredHandle(agent, agents())}`,
          attrs: { role: 'option', 'aria-selected': String(index === 0) },
        });
        // mousedown, not click: the field must not lose focus (and its caret) first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          insert(agent);
        });
        return option;
      }),
    );
  }

  return {
    element,
    update,
    handleKey(event) {
      if (current === null) return false;
      if (event.key === 'Escape') {
        current = null;
        element.hidden = true;
        return true;
      }
      const first = current.candidates[0];
      if ((event.key === 'Tab' || event.key === 'Enter') && first) {
        insert(first);
        return true;
      }
      return false;
    },
  };
}
