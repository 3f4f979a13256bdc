// What both clients do with files they send: upload them (checked against the server's limits),
// and remember what was uploaded so that a send by id can show the files while it is pending.
// Downloading needs no session: see `attachmentLinks`.
import { MAX_ATTACHMENTS, type Attachment, type UploadLimits } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { AttachmentControls, BaseClientOptions } from '../types.js';
import { lazily } from './lazy.js';

export interface AttachmentsOptions {
  client: BaseClientOptions;
  getToken: () => string | null;
  refreshAuth: () => Promise<boolean>;
  /** Whatever must happen before an upload (a session); resolves the limits to check against. */
  prepare: () => Promise<UploadLimits | null>;
}

export interface Attachments extends Pick<AttachmentControls, 'upload'> {
  /** The uploaded attachments these ids name, in order; rejects for an id this client did not upload. */
  resolve(ids: readonly string[]): readonly Attachment[];
}

export function createAttachments(options: AttachmentsOptions): Attachments {
  const { client } = options;
  // Most visitors never send a file: the uploader is fetched with the first one.
  const upload = lazily(async () => {
    const { createUploader } = await import('./upload.js');
    const uploader = createUploader({
      serverUrl: client.serverUrl,
      fetch: client.fetch,
      getToken: options.getToken,
      refreshAuth: options.refreshAuth,
    });
    return (...args: Parameters<typeof uploader.upload>) => uploader.upload(...args);
  });
  const uploaded = new Map<string, Attachment>();

  return {
    async upload(file, uploadOptions = {}) {
      const limits = await options.prepare();
      const attachment = await upload(file, uploadOptions, limits);
      uploaded.set(attachment.id, attachment);
      return attachment;
    },

    resolve(ids) {
      const refuse = (message: string, issue: string) =>
        new SwitchboardError('invalid_payload', message, [{ path: 'attachmentIds', message: issue }]);
      if (ids.length > MAX_ATTACHMENTS)
        throw refuse(
          `A message carries at most ${MAX_ATTACHMENTS} files`,
          `must have at most ${MAX_ATTACHMENTS} items`,
        );
      if (new Set(ids).size !== ids.length)
        throw refuse('An attachment is listed twice', 'must not repeat an attachment');
      return ids.map((id) => {
        const attachment = uploaded.get(id);
        if (!attachment)
          throw refuse(
            `Attachment ${id} was not uploaded with this client`,
            'must be uploaded with upload() first',
          );
        return attachment;
      });
    },
  };
}
