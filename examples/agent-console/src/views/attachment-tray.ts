import { formatBytes } from '@switchboard/agent-sdk';
import type { DraftFile } from '../lib/attachment-drafts.js';
import { h, reconcile, setAttr, setText } from '../lib/dom.js';

export interface AttachButton {
  element: HTMLElement;
  setDisabled(disabled: boolean): void;
  /** The picker's `accept`: the server's types, once known. */
  setAccept(contentTypes: readonly string[]): void;
}

/**
 * "Attach file": a real button (focusable, Enter and Space work) that opens a file input kept out
 * of sight and out of the tab order.
 */
export function attachButton(onFiles: (files: File[]) => void): AttachButton {
  const input = h('input', {
    testId: 'attach-input',
    attrs: { type: 'file', multiple: '', tabindex: '-1', 'aria-hidden': 'true' },
  });
  input.hidden = true;
  const button = h('button', {
    className: 'button subtle attach-button',
    testId: 'attach-button',
    text: 'Attach file',
    attrs: { type: 'button', title: 'Attach files (or drop or paste them here)' },
  });
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    // Cleared, so that choosing the same file again is a change too.
    input.value = '';
    onFiles(files);
  });
  return {
    element: h('span', { className: 'attach' }, button, input),
    setDisabled(disabled) {
      button.disabled = disabled;
      input.disabled = disabled;
    },
    setAccept(contentTypes) {
      setAttr(input, 'accept', contentTypes.length > 0 ? contentTypes.join(',') : null);
    },
  };
}

export interface AttachmentTray {
  element: HTMLElement;
  render(drafts: readonly DraftFile[], notices: readonly string[]): void;
}

/** Above the text field: the files going with the next message, and why any were refused. */
export function attachmentTray(onRemove: (key: string) => void): AttachmentTray {
  const notice = h('p', {
    className: 'form-error attachment-notice',
    testId: 'attachment-notice',
    attrs: { role: 'alert' },
  });
  const list = h('ul', {
    className: 'attachment-drafts',
    testId: 'attachment-drafts',
    attrs: { 'aria-label': 'Files to send' },
  });
  const element = h('div', { className: 'attachment-tray' }, notice, list);
  const nodes = new Map<string, HTMLLIElement>();

  function create(draft: DraftFile): HTMLLIElement {
    const remove = h('button', {
      className: 'link-button attachment-remove',
      testId: 'attachment-remove',
      text: 'Remove',
      attrs: { type: 'button', 'aria-label': `Remove ${draft.name}` },
    });
    remove.addEventListener('click', () => onRemove(draft.key));
    const progress = h('progress', {
      className: 'attachment-progress',
      testId: 'attachment-progress',
      attrs: { max: '1', 'aria-label': `Uploading ${draft.name}` },
    });
    const item = h(
      'li',
      { className: 'attachment-draft', testId: 'attachment-draft', attrs: { 'data-key': draft.key } },
      h('span', {
        className: 'attachment-name',
        testId: 'attachment-draft-name',
        text: draft.name,
        attrs: { dir: 'auto' },
      }),
      h('span', { className: 'attachment-size', text: formatBytes(draft.size) }),
      progress,
      h('span', {
        className: 'attachment-draft-error',
        testId: 'attachment-draft-error',
        attrs: { role: 'alert' },
      }),
      remove,
    );
    update(item, draft);
    return item;
  }

  function update(item: HTMLLIElement, draft: DraftFile): void {
    setAttr(item, 'data-status', draft.status);
    const progress = item.querySelector('progress');
    if (progress) {
      progress.value = draft.progress;
      progress.hidden = draft.status !== 'uploading';
    }
    const error = item.querySelector<HTMLElement>('.attachment-draft-error');
    if (error) {
      setText(error, draft.error ?? '');
      error.hidden = draft.error === null;
    }
  }

  return {
    element,
    render(drafts, notices) {
      reconcile(list, nodes, drafts, (draft) => draft.key, create, update);
      setText(notice, notices.join(' '));
      notice.hidden = notices.length === 0;
      list.hidden = drafts.length === 0;
      element.hidden = drafts.length === 0 && notices.length === 0;
    },
  };
}
