// Where attachments are downloaded from. Kept apart from the uploader, which a page loads only
// when the visitor first picks a file, while every message with files needs these; downloading
// through the client is attachment-download.ts.
import type { Attachment } from '@switchboard/protocol';
import type { AttachmentControls, BaseClientOptions } from '../types.js';
import { normalizeServerUrl } from './http.js';
import { lazily } from './lazy.js';

/** The browser global read here, absent in Node. */
const page = globalThis as unknown as { location?: { href: string } };

/**
 * Where to download an attachment: its `url`, a path on the server, joined to the server URL the
 * way every API path is (so a server under `/chat` serves it under `/chat/v1/…`).
 */
export function attachmentUrl(serverUrl: string, attachment: Pick<Attachment, 'url'>): string {
  if (/^https?:\/\//i.test(attachment.url)) return attachment.url;
  // In a page, the server URL may itself be relative (`/`).
  return new URL(`${normalizeServerUrl(serverUrl)}${attachment.url}`, page.location?.href).href;
}

/** A client's `download` and `attachmentUrl`: neither needs a session, so both clients build them from their options. */
export function attachmentLinks(
  client: Pick<BaseClientOptions, 'serverUrl' | 'fetch'>,
): Pick<AttachmentControls, 'download' | 'attachmentUrl'> {
  return {
    // Loaded with the first download (see `lazily`): most apps link to the URL instead.
    download: lazily(async () => (await import('./attachment-download.js')).downloaderFor(client)),
    attachmentUrl: (attachment) => attachmentUrl(client.serverUrl, attachment),
  };
}
