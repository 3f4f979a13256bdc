import { MAX_MESSAGE_TEXT, type CannedResponse } from '@switchboard/protocol';
import type { AttachmentDrafts } from '../lib/attachment-drafts.js';
import { replaceRange, slashTrigger, type PickerMode } from '../lib/canned-picker.js';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';
import { carriesFiles, droppedFiles, pastedFiles } from '../lib/file-transfer.js';
import { attachButton, attachmentTray } from './attachment-tray.js';
import { cannedPicker } from './canned-picker.js';

/** The canned replies the composer offers on `/` and Ctrl+/, for the open conversation. */
export interface ComposerCanned {
  /** Matches, best first. */
  search(query: string): readonly CannedResponse[];
  /** What a reply would insert now, for the list. */
  preview(response: CannedResponse): string;
  /** Whether the replies have been fetched yet. */
  loaded(): boolean;
  /** The picker opened: fetch the replies if they are not there (the first fetch may have failed). */
  ensureLoaded(): void;
  /** The reply filled in for the open conversation's contact and the agent. */
  render(response: CannedResponse): Promise<string>;
}

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
  /** Canned replies to offer; without them, `/` is just a character. */
  canned?: ComposerCanned;
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
  /** The canned replies changed: the open picker filters again. */
  cannedChanged(): void;
  dispose(): void;
}

const WAIT_FOR_UPLOADS = 'Wait for the files to finish uploading.';

/**
 * Enter sends, Shift+Enter adds a line; drafts, text and files, are kept per conversation while
 * the tab lives. Files come from "Attach file", a drop on the composer or a paste into the text
 * field, and start uploading at once, so that sending is instant. `/` at the start of the text,
 * or Ctrl+/ anywhere, offers the canned replies; the chosen one goes in filled in.
 */
export function composer(options: ComposerOptions): Composer {
  const replyPlaceholder = options.canned
    ? 'Write a reply… (Enter to send, Shift+Enter for a new line, / for canned replies)'
    : 'Write a reply… (Enter to send, Shift+Enter for a new line)';
  const textarea = h('textarea', {
    className: 'composer-input',
    testId: 'composer',
    attrs: {
      rows: '2',
      maxlength: String(MAX_MESSAGE_TEXT),
      'aria-label': 'Message',
      placeholder: replyPlaceholder,
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
  const canned = options.canned;
  const picker = canned
    ? cannedPicker({
        input: textarea,
        search: (query) => canned.search(query),
        preview: (response) => canned.preview(response),
        loaded: () => canned.loaded(),
        onPick: (response, mode) => insertCanned(canned, response, mode),
        onClose: (mode, reason) => {
          // Escape on `/word` leaves the word alone until it ends; the palette gives the caret back.
          if (mode === 'slash' && reason === 'escape') slashDismissed = true;
          if (mode === 'palette') {
            textarea.focus();
            textarea.setSelectionRange(paletteRange.start, paletteRange.end);
          }
        },
      })
    : null;
  if (picker) {
    textarea.setAttribute('aria-controls', 'canned-options');
    textarea.setAttribute('aria-expanded', 'false');
    textarea.setAttribute('aria-keyshortcuts', 'Control+/');
  }
  const form = h(
    'form',
    { className: 'composer', testId: 'composer-form' },
    ...(picker ? [picker.element] : []),
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
  /** Escape closed the picker on this `/word`: it stays closed until the word ends. */
  let slashDismissed = false;
  /** Where a reply picked from the Ctrl+/ palette goes: the selection when it opened. */
  let paletteRange = { start: 0, end: 0 };
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
        : replyPlaceholder;
  }

  /** Opens, filters or closes the picker for a `/word` at the start of the text. */
  function followSlash(): void {
    if (!picker || picker.mode === 'palette') return;
    const trigger = conversationId === null ? null : slashTrigger(textarea.value, textarea.selectionStart);
    if (trigger === null) {
      slashDismissed = false;
      if (picker.mode === 'slash') picker.close();
      return;
    }
    if (slashDismissed) return;
    if (picker.mode === null) canned?.ensureLoaded();
    picker.open('slash', trigger.query);
  }

  function openPalette(): void {
    if (!picker || conversationId === null) return;
    paletteRange = { start: textarea.selectionStart, end: textarea.selectionEnd };
    canned?.ensureLoaded();
    picker.open('palette');
  }

  function insertCanned(source: ComposerCanned, response: CannedResponse, mode: PickerMode): void {
    const target = conversationId;
    const before = textarea.value;
    const range =
      mode === 'palette'
        ? paletteRange
        : { start: 0, end: slashTrigger(before, textarea.selectionStart)?.end ?? 0 };
    void source.render(response).then((text) => {
      if (conversationId !== target || target === null) return;
      // Typed on while the contact loaded: the reply goes where the caret is now.
      const caret = textarea.selectionStart;
      const { start, end } = textarea.value === before ? range : { start: caret, end: caret };
      const next = replaceRange(textarea.value, start, end, text);
      textarea.value = next.value;
      textarea.focus();
      textarea.setSelectionRange(next.caret, next.caret);
      drafts.set(target, textarea.value);
      refresh();
      typing();
    });
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
    // The open `/` list takes the arrows, Enter, Tab and Escape.
    if (picker?.handleKey(event)) return;
    if (event.key === '/' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      openPalette();
      return;
    }
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
    followSlash();
  });
  // The caret moving out of (or back into) the `/word`.
  textarea.addEventListener('click', followSlash);
  textarea.addEventListener('keyup', (event) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) followSlash();
  });
  textarea.addEventListener('blur', () => {
    options.onTyping?.(false);
    // Clicking an option keeps the focus here; anywhere else closes the `/` list.
    if (picker?.mode === 'slash') picker.close();
  });
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
      picker?.close();
      slashDismissed = false;
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
    cannedChanged() {
      picker?.refresh();
    },
    dispose() {
      stopFiles();
    },
  };
}
