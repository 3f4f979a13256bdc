import { formatBytes } from '@switchboard/agent-sdk';
import type { Attachment } from '@switchboard/protocol';
import { h } from '../lib/dom.js';

/** What a message needs to show its files. */
export interface MessageMedia {
  /** The attachment's absolute URL: the agent client's `attachmentUrl`. */
  url(attachment: Attachment): string;
  /** An image or a video learned its size: the thread may have to scroll to stay at the bottom. */
  onLoad(): void;
}

// Names reach the page only as text nodes and attribute values, never as HTML. Links open in a
// new tab; the server sends documents as downloads and sandboxes whatever is opened directly.
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer nofollow' };

/** Width and height reserve an image's or a video's box before it loads, so the thread does not jump. */
function sizeAttrs(attachment: Attachment): Record<string, string> {
  return attachment.width && attachment.height
    ? { width: String(attachment.width), height: String(attachment.height) }
    : {};
}

function fileLink(attachment: Attachment, href: string): HTMLAnchorElement {
  return h(
    'a',
    {
      className: 'attachment-file',
      testId: 'attachment-file',
      attrs: { href, download: attachment.name, ...NEW_TAB },
    },
    h('span', {
      className: 'attachment-name',
      testId: 'attachment-name',
      text: attachment.name,
      attrs: { dir: 'auto' },
    }),
    h('span', {
      className: 'attachment-size',
      testId: 'attachment-size',
      text: formatBytes(attachment.size),
    }),
  );
}

function image(attachment: Attachment, href: string, media: MessageMedia): HTMLElement {
  const img = h('img', {
    className: 'attachment-image',
    testId: 'attachment-image',
    attrs: { src: href, alt: attachment.name, loading: 'lazy', decoding: 'async', ...sizeAttrs(attachment) },
  });
  img.addEventListener('load', () => media.onLoad(), { once: true });
  return h('a', { className: 'attachment-image-link', attrs: { href, ...NEW_TAB } }, img);
}

function player(
  kind: 'audio' | 'video',
  attachment: Attachment,
  href: string,
  media: MessageMedia,
): HTMLElement {
  const element = h(kind, {
    className: `attachment-${kind}`,
    testId: `attachment-${kind}`,
    attrs: {
      src: href,
      preload: 'metadata',
      'aria-label': attachment.name,
      ...(kind === 'video' ? sizeAttrs(attachment) : {}),
    },
  });
  element.controls = true;
  if (kind === 'video') element.addEventListener('loadedmetadata', () => media.onLoad(), { once: true });
  return element;
}

function attachmentNodes(attachment: Attachment, media: MessageMedia): Node[] {
  const href = media.url(attachment);
  switch (attachment.kind) {
    case 'image':
      return [image(attachment, href, media)];
    // The player, and the link to save the file (with its name and size) under it.
    case 'audio':
    case 'video':
      return [player(attachment.kind, attachment, href, media), fileLink(attachment, href)];
    default:
      return [fileLink(attachment, href)];
  }
}

/**
 * A message's files, under its text: images as previews (opening the full image in a new tab),
 * sound and video as native players, anything else as a download link with its name and size.
 * Null for a message without files.
 */
export function attachmentList(attachments: readonly Attachment[], media: MessageMedia): HTMLElement | null {
  if (attachments.length === 0) return null;
  const list = h('ul', { className: 'attachments', testId: 'attachments', attrs: { 'aria-label': 'Files' } });
  for (const attachment of attachments)
    list.append(
      h(
        'li',
        {
          className: `attachment kind-${attachment.kind}`,
          testId: 'attachment',
          attrs: { 'data-attachment-id': attachment.id, 'data-kind': attachment.kind },
        },
        ...attachmentNodes(attachment, media),
      ),
    );
  return list;
}
