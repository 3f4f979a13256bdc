// Downloading an attachment's bytes through a client. Most apps link to `attachmentUrl` instead,
// so `attachmentLinks` loads this with the first download.
import type { Attachment } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { BaseClientOptions } from '../types.js';
import { attachmentUrl } from './attachment-url.js';
import { errorFromResponse } from './http.js';

/** A client's `download`: the attachment's URL is its own credential, so no token is sent. */
export function downloaderFor(
  client: Pick<BaseClientOptions, 'serverUrl' | 'fetch'>,
): (attachment: Pick<Attachment, 'url'>) => Promise<Blob> {
  return async (attachment) => {
    let response: Response;
    try {
      // Resolved per call and never called as a method: browsers throw "Illegal invocation"
      // when `window.fetch` is invoked with another `this`.
      const doFetch = client.fetch ?? globalThis.fetch;
      response = await doFetch(attachmentUrl(client.serverUrl, attachment));
    } catch (error) {
      throw new SwitchboardError('network', error instanceof Error ? error.message : 'The download failed');
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response.blob();
  };
}
