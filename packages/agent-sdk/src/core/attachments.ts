// What both clients do with files they send: upload them (checked against the server's limits),
// and send them by id. Most visitors never send a file, so the uploader and the record of what it
// uploaded (upload.ts) come with the first upload. Downloading needs no session: see
// `attachmentLinks`.
import type { Attachment, UploadLimits } from '@switchboard/protocol';
import type { AttachmentControls, BaseClientOptions } from '../types.js';
import { loadOnce } from './lazy.js';
import type { UploadedFiles } from './upload.js';

export interface AttachmentsOptions {
  client: BaseClientOptions;
  getToken: () => string | null;
  refreshAuth: () => Promise<boolean>;
  /** Whatever must happen before an upload (a session); resolves the limits to check against. */
  prepare: () => Promise<UploadLimits | null>;
}

export interface Attachments extends Pick<AttachmentControls, 'upload'> {
  /**
   * Runs `send` with the uploaded attachments `ids` names, in order, at once when it can (so that
   * a send is pending synchronously); rejects with `invalid_payload` for too many ids, a repeated
   * one, or one this client did not upload.
   */
  withFiles<Result>(
    ids: readonly string[],
    send: (files: readonly Attachment[]) => Promise<Result>,
  ): Promise<Result>;
}

export function createAttachments(options: AttachmentsOptions): Attachments {
  let files: UploadedFiles | undefined;
  const load = loadOnce(async () => (files ??= (await import('./upload.js')).createUploadedFiles(options)));

  return {
    async upload(file, uploadOptions = {}) {
      const limits = await options.prepare();
      return (await load()).upload(file, uploadOptions, limits);
    },

    withFiles(ids, send) {
      if (files) return files.withFiles(ids, send);
      // Nothing uploaded yet: ids name no file of this client, and the uploaded files' checks
      // say how they fail (too many, repeated, unknown) once loaded.
      return ids.length === 0 ? send([]) : load().then((loaded) => loaded.withFiles(ids, send));
    },
  };
}
