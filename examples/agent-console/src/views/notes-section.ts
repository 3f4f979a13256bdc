import type { AgentClient } from '@switchboard/agent-sdk';
import { MAX_MESSAGE_TEXT, type Message } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h, reconcile } from '../lib/dom.js';
import { mentionSegments } from '../lib/mention-text.js';
import { formatClockTime, formatFullTime } from '../lib/relative-time.js';
import { Disposer, watch } from '../lib/watch.js';
import { detailsSection, formError, showError } from './details-section.js';
import { mentionSuggestions } from './mention-suggestions.js';

export interface NotesSection {
  element: HTMLElement;
  show(conversationId: string | null): void;
  /** Puts the caret in the note field (Ctrl+N). */
  focus(): void;
  dispose(): void;
}

/**
 * Internal notes of the open conversation, and a field to write one: agents only, never the
 * visitor. `@handle` names a colleague, who is notified; handles are suggested as you type.
 */
export function notesSection(client: AgentClient, selfId: () => string | null): NotesSection {
  const list = h('ol', { className: 'notes', testId: 'notes', attrs: { 'aria-label': 'Internal notes' } });
  const empty = h('p', { className: 'details-empty', text: 'No notes yet.' });
  const field = h('textarea', {
    className: 'details-input note-input',
    testId: 'note-input',
    attrs: {
      rows: '2',
      maxlength: String(MAX_MESSAGE_TEXT),
      'aria-label': 'Internal note',
      'aria-keyshortcuts': 'Control+N',
      'aria-autocomplete': 'list',
      placeholder: 'Internal note — @name notifies a colleague (Ctrl+N)',
    },
  });
  const add = h('button', {
    className: 'button',
    testId: 'note-add',
    text: 'Add note',
    attrs: { type: 'submit' },
  });
  const error = formError('note-error');
  const agents = () => Object.values(client.getSnapshot().agents).filter((agent) => agent.id !== selfId());
  const suggestions = mentionSuggestions(field, agents);
  const form = h('form', { className: 'note-form' }, field, suggestions.element, add);
  const element = detailsSection('notes-section', 'Internal notes', list, empty, form, error);
  const nodes = new Map<string, HTMLLIElement>();
  const watchers = new Disposer();
  let current: string | null = null;

  function noteItem(message: Message): HTMLLIElement {
    const author =
      message.authorId === selfId()
        ? 'You'
        : (client.getSnapshot().agents[message.authorId ?? '']?.name ?? 'An agent');
    const text = h('p', { className: 'note-text' });
    for (const segment of mentionSegments(message.text, Object.values(client.getSnapshot().agents))) {
      text.append(
        segment.agentId === null
          ? document.createTextNode(segment.text)
          : h('mark', {
              // Yours only when a colleague wrote it: nobody is notified of their own name.
              className: `mention${segment.agentId === selfId() && message.authorId !== selfId() ? ' is-me' : ''}`,
              text: segment.text,
            }),
      );
    }
    return h(
      'li',
      { className: 'note', testId: 'note', attrs: { 'data-message-id': message.id } },
      h('span', {
        className: 'note-meta',
        text: `${author} · ${formatClockTime(message.createdAt)}`,
        attrs: { title: formatFullTime(message.createdAt) },
      }),
      text,
    );
  }

  function render(messages: readonly Message[] | undefined): void {
    const notes = (messages ?? []).filter((message) => message.kind === 'note');
    reconcile(list, nodes, notes, (message) => message.id, noteItem);
    empty.hidden = notes.length > 0;
  }

  function submit(): void {
    const text = field.value;
    if (current === null || text.trim() === '') return;
    field.value = '';
    suggestions.update();
    showError(error, null);
    client.sendNote(current, text).catch((reason: unknown) => {
      if (field.value === '') field.value = text;
      showError(error, describeError(reason));
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  field.addEventListener('keydown', (event) => {
    if (event.isComposing || suggestions.handleKey(event)) {
      if (!event.isComposing) event.preventDefault();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  });
  field.addEventListener('input', () => suggestions.update());
  field.addEventListener('click', () => suggestions.update());
  field.addEventListener('blur', () => {
    suggestions.element.hidden = true;
  });

  return {
    element,
    show(id) {
      if (id === current) return;
      watchers.dispose();
      nodes.clear();
      list.replaceChildren();
      current = id;
      field.value = '';
      showError(error, null);
      suggestions.update();
      if (id !== null) watchers.add(watch(client, (state) => state.messages[id], render));
    },
    focus() {
      field.focus();
    },
    dispose: () => watchers.dispose(),
  };
}
