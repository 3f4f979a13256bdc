import type { Attachment } from '@switchboard/protocol';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Translation } from '../i18n/en.js';
import { formatFileSize } from './file-size.js';
import { fileIconPath } from './file-icons.js';

export interface AttachmentListOptions {
  attachments: readonly Attachment[];
  /** Whose message: `self`, `other` or `system`, for `::part(attachments-self)`. */
  side: string;
  /** The message is not stored yet: its files are dimmed like its text. */
  pending: boolean;
  text: Translation;
  lang: string;
  /** An attachment's absolute URL. */
  url: (attachment: Attachment) => string;
  /** An image or a video learned its size: the list may have to scroll to stay at the bottom. */
  onMediaLoad: () => void;
}

// Names reach the page only through lit bindings (a text node, an attribute), never as HTML.
// Links open in a new tab like every other link of the widget; the server sends documents as
// downloads and sandboxes whatever is opened directly.

function renderImage(attachment: Attachment, href: string, options: AttachmentListOptions): TemplateResult {
  // Width and height reserve the image's box before it loads, so the list does not jump.
  return html`<a part="attachment-image-link" href=${href} target="_blank" rel="noopener noreferrer nofollow"
    ><img
      part="attachment-image"
      src=${href}
      alt=${attachment.name}
      width=${attachment.width ?? nothing}
      height=${attachment.height ?? nothing}
      @load=${options.onMediaLoad}
    /><span class="visually-hidden"> (${options.text.opensInNewTab})</span></a
  >`;
}

function renderFile(attachment: Attachment, href: string, options: AttachmentListOptions): TemplateResult {
  return html`<a
    part="attachment-file"
    href=${href}
    target="_blank"
    rel="noopener noreferrer nofollow"
    download=${attachment.name}
    ><svg viewBox="0 0 24 24" aria-hidden="true"><path d=${fileIconPath}></path></svg
    ><span part="attachment-name" dir="auto">${attachment.name}</span
    ><span part="attachment-size">${formatFileSize(attachment.size, options.lang)}</span></a
  >`;
}

function renderAttachment(attachment: Attachment, options: AttachmentListOptions): TemplateResult {
  const href = options.url(attachment);
  switch (attachment.kind) {
    case 'image':
      return renderImage(attachment, href, options);
    case 'audio':
      return html`<audio
          part="attachment-audio"
          controls
          preload="metadata"
          src=${href}
          aria-label=${attachment.name}
        ></audio>
        ${renderFile(attachment, href, options)}`;
    case 'video':
      return html`<video
          part="attachment-video"
          controls
          preload="metadata"
          src=${href}
          width=${attachment.width ?? nothing}
          height=${attachment.height ?? nothing}
          aria-label=${attachment.name}
          @loadedmetadata=${options.onMediaLoad}
        ></video>
        ${renderFile(attachment, href, options)}`;
    default:
      return renderFile(attachment, href, options);
  }
}

// Parts, like the message's own, carry the state: `::part(attachments-pending)`.
function listParts(side: string, pending: boolean): string {
  return pending ? `attachments attachments-${side} attachments-pending` : `attachments attachments-${side}`;
}

/** The files of a message, under its text: images as previews, audio and video as players, others as links. */
export function renderAttachmentList(options: AttachmentListOptions): TemplateResult | typeof nothing {
  const { attachments, side, pending, text } = options;
  if (attachments.length === 0) return nothing;
  return html`<ul part=${listParts(side, pending)} aria-label=${text.attachments}>
    ${attachments.map(
      (attachment) => html`<li part="attachment">${renderAttachment(attachment, options)}</li>`,
    )}
  </ul>`;
}
