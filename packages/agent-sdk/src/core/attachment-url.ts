// Where attachments are downloaded from. Kept apart from the uploader, which a page loads only
// when the visitor first picks a file, while every message with files needs these.
import type { Attachment } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { AttachmentControls, BaseClientOptions } from '../types.js';
import { errorFromResponse, normalizeServerUrl } from './http.js';

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

/** Downloads an attachment's bytes; its URL is its own credential, so no token is sent. */
export async function downloadAttachment(
  serverUrl: string,
  attachment: Pick<Attachment, 'url'>,
  doFetch: typeof fetch = globalThis.fetch,
): Promise<Blob> {
  let response: Response;
  try {
    response = await doFetch(attachmentUrl(serverUrl, attachment));
  } catch (error) {
    throw new SwitchboardError('network', error instanceof Error ? error.message : 'The download failed');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response.blob();
}

/** A client's `download` and `attachmentUrl`: neither needs a session, so both clients build them from their options. */
export function attachmentLinks(
  client: Pick<BaseClientOptions, 'serverUrl' | 'fetch'>,
): Pick<AttachmentControls, 'download' | 'attachmentUrl'> {
  // Resolve fetch per call and never call it as a method: browsers throw "Illegal invocation"
  // when `window.fetch` is invoked with another `this`.
  const doFetch: typeof fetch = (input, init) => (client.fetch ?? globalThis.fetch)(input, init);
  return {
    download: (attachment) => downloadAttachment(client.serverUrl, attachment, doFetch),
    attachmentUrl: (attachment) => attachmentUrl(client.serverUrl, attachment),
  };
}
