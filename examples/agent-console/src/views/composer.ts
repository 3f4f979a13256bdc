import { MAX_MESSAGE_TEXT } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';

export interface ComposerOptions {
  /** Sends to the current conversation; a rejection is shown under the composer and the text restored. */
  onSend(text: string, kind: 'text' | 'note'): Promise<unknown>;
  /** Whether the agent is writing a reply (an internal note does not count: the visitor never sees it). */
  onTyping?(typing: boolean): void;
}

export interface Composer {
  element: HTMLElement;
  /** Switches the draft to another conversation (or disables the composer with null). */
  setConversation(conversationId: string | null): void;
  /**
   * Only internal notes, e.g. while the bot answers the visitor: a reply would talk over it, so
   * replying means intervening first.
   */
  setNotesOnly(notesOnly: boolean): void;
  focus(): void;
}

/** Enter sends, Shift+Enter adds a line; drafts are kept per conversation while the tab lives. */
export function composer(options: ComposerOptions): Composer {
  const textarea = h('textarea', {
    className: 'composer-input',
    testId: 'composer',
    attrs: {
      rows: '2',
      maxlength: String(MAX_MESSAGE_TEXT),
      'aria-label': 'Message',
      placeholder: 'Write a reply… (Enter to send, Shift+Enter for a new line)',
    },
  });
  const note = h('input', { testId: 'composer-note', attrs: { type: 'checkbox' } });
  const send = h('button', {
    className: 'button primary',
    testId: 'send',
    text: 'Send',
    attrs: { type: 'submit' },
  });
  const error = h('p', { className: 'form-error', testId: 'composer-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const form = h(
    'form',
    { className: 'composer' },
    textarea,
    h(
      'div',
      { className: 'composer-actions' },
      h('label', { className: 'composer-note' }, note, document.createTextNode(' Internal note')),
      send,
    ),
    error,
  );

  const drafts = new Map<string, string>();
  let conversationId: string | null = null;
  let notesOnly = false;

  function refresh(): void {
    const disabled = conversationId === null;
    if (notesOnly) note.checked = true;
    textarea.disabled = disabled;
    note.disabled = disabled || notesOnly;
    send.disabled = disabled || textarea.value.trim() === '';
    form.classList.toggle('is-note', note.checked);
    textarea.placeholder = notesOnly
      ? 'The bot is answering: write an internal note, or Intervene to reply'
      : note.checked
        ? 'Write an internal note — only agents see it'
        : 'Write a reply… (Enter to send, Shift+Enter for a new line)';
  }

  function submit(): void {
    const text = textarea.value;
    if (conversationId === null || text.trim() === '') return;
    const kind = note.checked ? 'note' : 'text';
    // The SDK shows the message as pending at once, so the draft can go now.
    textarea.value = '';
    drafts.delete(conversationId);
    error.hidden = true;
    refresh();
    const target = conversationId;
    options.onTyping?.(false);
    options.onSend(text, kind).catch((reason: unknown) => {
      if (conversationId !== target) return;
      error.textContent = describeError(reason);
      error.hidden = false;
      // Rejected before it was queued: nothing else holds the text, so give it back.
      if (textarea.value === '') {
        textarea.value = text;
        refresh();
      }
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  textarea.addEventListener('keydown', (event) => {
    // isComposing: Enter that confirms an IME candidate must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  const typing = () => options.onTyping?.(!note.checked && textarea.value.trim() !== '');
  textarea.addEventListener('input', () => {
    if (conversationId !== null) drafts.set(conversationId, textarea.value);
    refresh();
    typing();
  });
  textarea.addEventListener('blur', () => options.onTyping?.(false));
  note.addEventListener('change', () => {
    refresh();
    typing();
  });
  refresh();

  return {
    element: form,
    setConversation(id) {
      if (id === conversationId) return;
      conversationId = id;
      textarea.value = id === null ? '' : (drafts.get(id) ?? '');
      note.checked = false;
      error.hidden = true;
      refresh();
    },
    setNotesOnly(next) {
      if (next === notesOnly) return;
      notesOnly = next;
      // Leaving notes-only (the agent intervened) goes back to replying.
      if (!next) note.checked = false;
      refresh();
    },
    focus() {
      textarea.focus();
    },
  };
}
