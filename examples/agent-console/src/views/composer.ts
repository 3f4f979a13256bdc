import { MAX_MESSAGE_TEXT } from '@switchboard/protocol';
import type { AttachmentDrafts } from '../lib/attachment-drafts.js';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';
import { carriesFiles, droppedFiles, pastedFiles } from '../lib/file-transfer.js';
import { attachButton, attachmentTray } from './attachment-tray.js';

export interface ComposerOptions {
  /**
   * Sends to the current conversation, with the ids of the files uploaded for it (the text may
   * then be blank); a rejection is shown under the composer and the text and files restored.
   */
  onSend(text: string, kind: 'text' | 'note', attachmentIds: readonly string[]): Promise<unknown>;
  /** The files waiting for each conversation; the composer shows and sends the current one's. */
  files: AttachmentDrafts;
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
  dispose(): void;
}

const WAIT_FOR_UPLOADS = 'Wait for the files to finish uploading.';

/**
 * Enter sends, Shift+Enter adds a line; drafts, text and files, are kept per conversation while
 * the tab lives. Files come from "Attach file", a drop on the composer or a paste into the text
 * field, and start uploading at once, so that sending is instant.
 */
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
  const { files } = options;
  const attach = attachButton((picked) => addFiles(picked));
  const tray = attachmentTray((key) => {
    if (conversationId !== null) files.remove(conversationId, key);
    textarea.focus();
  });
  const form = h(
    'form',
    { className: 'composer', testId: 'composer-form' },
    tray.element,
    textarea,
    h(
      'div',
      { className: 'composer-actions' },
      attach.element,
      h('label', { className: 'composer-note' }, note, document.createTextNode(' Internal note')),
      send,
    ),
    error,
  );

  const drafts = new Map<string, string>();
  let conversationId: string | null = null;
  let notesOnly = false;
  /** The limits are asked for with the first conversation, so the file picker offers what the server takes. */
  let askedLimits = false;

  function addFiles(picked: readonly File[]): void {
    if (conversationId === null || picked.length === 0) return;
    error.hidden = true;
    void files.add(conversationId, picked);
  }

  function refresh(): void {
    const disabled = conversationId === null;
    if (notesOnly) note.checked = true;
    const list = conversationId === null ? [] : files.list(conversationId);
    tray.render(list, conversationId === null ? [] : files.notices(conversationId));
    const uploading = list.some((draft) => draft.status === 'uploading');
    const ready = list.some((draft) => draft.status === 'ready');
    textarea.disabled = disabled;
    note.disabled = disabled || notesOnly;
    attach.setDisabled(disabled);
    if (!uploading && error.textContent === WAIT_FOR_UPLOADS) error.hidden = true;
    send.disabled = disabled || uploading || (textarea.value.trim() === '' && !ready);
    form.classList.toggle('is-note', note.checked);
    textarea.placeholder = notesOnly
      ? 'The bot is answering: write an internal note, or Intervene to reply'
      : note.checked
        ? 'Write an internal note — only agents see it'
        : 'Write a reply… (Enter to send, Shift+Enter for a new line)';
  }

  function submit(): void {
    if (conversationId === null) return;
    const text = textarea.value;
    if (files.uploading(conversationId)) {
      error.textContent = WAIT_FOR_UPLOADS;
      error.hidden = false;
      return;
    }
    if (text.trim() === '' && files.ready(conversationId).length === 0) return;
    const kind = note.checked ? 'note' : 'text';
    const target = conversationId;
    // The SDK shows the message as pending at once (files too), so the draft can go now.
    const sent = files.take(target);
    textarea.value = '';
    drafts.delete(target);
    error.hidden = true;
    refresh();
    options.onTyping?.(false);
    const ids = sent.map((draft) => draft.attachment.id);
    options.onSend(text, kind, ids).catch((reason: unknown) => {
      // Rejected before it was queued: nothing else holds the text and files, so give them back,
      // to the conversation they were written for.
      files.restore(target, sent);
      if (conversationId !== target) {
        if (!drafts.has(target)) drafts.set(target, text);
        return;
      }
      error.textContent = describeError(reason);
      error.hidden = false;
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
  // A screenshot or a copied file; pasted text is left to the text field.
  textarea.addEventListener('paste', (event) => {
    const pasted = pastedFiles(event.clipboardData);
    if (pasted.length === 0 || conversationId === null) return;
    event.preventDefault();
    addFiles(pasted);
  });
  // Files dragged onto the composer; a drag of text or a link is the browser's as usual.
  const onDragOver = (event: DragEvent) => {
    if (conversationId === null || !carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    form.classList.add('is-dragging');
  };
  form.addEventListener('dragenter', onDragOver);
  form.addEventListener('dragover', onDragOver);
  form.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget)))
      form.classList.remove('is-dragging');
  });
  form.addEventListener('drop', (event) => {
    form.classList.remove('is-dragging');
    if (conversationId === null || !carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    addFiles(droppedFiles(event.dataTransfer));
  });
  const stopFiles = files.subscribe(refresh);
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
      if (id !== null && !askedLimits) {
        askedLimits = true;
        void files.loadLimits().then((limits) => attach.setAccept(limits?.contentTypes ?? []));
      }
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
    dispose() {
      stopFiles();
    },
  };
}
