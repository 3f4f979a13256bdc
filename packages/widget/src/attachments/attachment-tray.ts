import type { Attachment } from '@switchboard/protocol';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Translation } from '../i18n/en.js';
import type { DraftAttachment } from './draft-attachment.js';
import { renderNote, type FileNote } from './file-note.js';
import { fill } from './fill.js';
import { formatFileSize } from './file-size.js';
import { fileIconPath, removeIconPath } from './file-icons.js';

export interface AttachmentTrayOptions {
  drafts: readonly DraftAttachment[];
  /** Files refused before uploading. */
  notices: readonly FileNote[];
  text: Translation;
  lang: string;
  url: (attachment: Attachment) => string;
  /** Called from a closure, not as a listener: pass an arrow function, not a method. */
  onRemove: (key: string) => void;
}

function renderPreview(draft: DraftAttachment, url: AttachmentTrayOptions['url']): TemplateResult {
  const attachment = draft.attachment;
  // Previews come from the server once uploaded: no blob: URLs, which a strict CSP would block.
  if (attachment?.kind === 'image')
    return html`<img part="attachment-thumbnail" src=${url(attachment)} alt="" />`;
  return html`<svg part="attachment-thumbnail" viewBox="0 0 24 24" aria-hidden="true">
    <path d=${fileIconPath}></path>
  </svg>`;
}

function renderDraft(draft: DraftAttachment, options: AttachmentTrayOptions): TemplateResult {
  const { text, lang } = options;
  return html`<li part="attachment-draft attachment-draft-${draft.status}">
    ${renderPreview(draft, options.url)}
    <span class="draft-text">
      <span part="attachment-draft-name" dir="auto">${draft.name}</span>
      ${
        draft.status === 'failed'
          ? html`<span part="attachment-draft-error" role="alert"
              >${draft.error && renderNote(draft.error)}</span
            >`
          : html`<span part="attachment-draft-size">${formatFileSize(draft.size, lang)}</span>`
      }
      ${
        draft.status === 'uploading'
          ? html`<progress
              part="attachment-progress"
              max="1"
              .value=${draft.progress}
              aria-label=${fill(text.uploading, { name: draft.name })}
            ></progress>`
          : nothing
      }
    </span>
    <button
      part="attachment-remove"
      type="button"
      aria-label=${fill(text.removeAttachment, { name: draft.name })}
      title=${fill(text.removeAttachment, { name: draft.name })}
      @click=${() => options.onRemove(draft.key)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${removeIconPath}></path></svg>
    </button>
  </li>`;
}

/** Above the composer: the files waiting to go with the next message, and why any were refused. */
export function renderAttachmentTray(options: AttachmentTrayOptions): TemplateResult | typeof nothing {
  const { drafts, notices, text } = options;
  if (drafts.length === 0 && notices.length === 0) return nothing;
  return html`<div part="attachment-tray">
    ${
      notices.length > 0
        ? html`<p part="attachment-error" role="alert">
            ${notices.map((notice) => html`<span>${renderNote(notice)}</span>`)}
          </p>`
        : nothing
    }
    ${
      drafts.length > 0
        ? html`<ul part="attachment-drafts" aria-label=${text.attachments}>
            ${drafts.map((draft) => renderDraft(draft, options))}
          </ul>`
        : nothing
    }
  </div>`;
}
