import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_ATTACHMENTS, ulid, type Attachment, type UploadLimits } from '@switchboard/protocol';
import type { Config } from '../config.js';
import { toAttachment } from '../db/mappers.js';
import type { AttachmentRecord, Store } from '../db/store.js';
import { AppError } from '../lib/app-error.js';
import { randomSecret, safeEqual } from '../lib/secrets.js';
import { sanitizeFileName } from '../lib/uploads/filename.js';
import { acceptedContentTypes } from '../lib/uploads/file-types.js';
import { receiveUpload } from '../lib/uploads/receive.js';
import type { Viewer } from './viewer.js';

/** The timer that deletes an upload no message took. */
export const PENDING_UPLOAD_TIMER = 'pending_upload';

export interface UploadRequest {
  /** The file name the uploader gave. */
  name: string;
  /** The request's `Content-Type` and `Content-Length` headers. */
  contentType: string | undefined;
  contentLength: number | undefined;
  body: ReadableStream<Uint8Array> | null;
}

export interface AttachmentService {
  /** What clients may upload (announced to them before they try). */
  limits: UploadLimits;
  /**
   * Stores a visitor's or agent's file, pending until a message of theirs carries it. Throws
   * `file_too_large`, `unsupported_file_type` or `invalid_payload`, leaving nothing behind.
   */
  upload(viewer: Viewer, request: UploadRequest): Promise<Attachment>;
  /** The file behind a download URL: `not_found` unless `key` is the attachment's own. */
  open(id: string, key: string): Promise<{ record: AttachmentRecord; path: string }>;
  /** The pending-upload timer fired: deletes the upload unless a message took it meanwhile. */
  expire(id: string): Promise<void>;
}

interface Deps {
  store: Store;
  config: Config['uploads'];
  now: () => number;
}

/** Files are kept under their id only: never a name from the uploader. */
const idPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function createAttachmentService({ store, config, now }: Deps): AttachmentService {
  mkdirSync(config.dir, { recursive: true });
  // A crash mid-upload leaves a `.part` file that no row will ever point to.
  for (const file of readdirSync(config.dir)) {
    if (file.endsWith('.part')) rmSync(join(config.dir, file), { force: true });
  }
  const pathOf = (id: string) => join(config.dir, id);

  return {
    limits: {
      maxBytes: config.maxBytes,
      maxAttachments: MAX_ATTACHMENTS,
      contentTypes: acceptedContentTypes(),
    },

    async upload(viewer, request) {
      if (viewer.kind === 'bot') throw new AppError('forbidden', 'Only visitors and agents upload files');
      const id = ulid();
      const received = await receiveUpload(request.body, {
        path: pathOf(id),
        maxBytes: config.maxBytes,
        declaredType: request.contentType,
        declaredLength: request.contentLength,
      });
      try {
        const record = await store.attachments.create({
          id,
          uploaderKind: viewer.kind,
          uploaderId: viewer.kind === 'visitor' ? viewer.contactId : viewer.agentId,
          siteId: viewer.kind === 'visitor' ? viewer.siteId : null,
          name: sanitizeFileName(request.name),
          contentType: received.type.contentType,
          kind: received.type.kind,
          size: received.size,
          width: received.width ?? null,
          height: received.height ?? null,
          key: randomSecret(24),
        });
        await store.timers.arm(PENDING_UPLOAD_TIMER, id, now() + config.pendingTtlMs);
        return toAttachment(record);
      } catch (error) {
        // Never a file without its row.
        await rm(pathOf(id), { force: true });
        throw error;
      }
    },

    async open(id, key) {
      const record = idPattern.test(id) ? await store.attachments.byId(id) : null;
      if (!record || !safeEqual(record.key, key)) throw AppError.notFound('Attachment');
      const path = pathOf(record.id);
      // A file removed by hand must not turn into a response that breaks off after its headers.
      if (!(await stat(path).catch(() => null))) throw AppError.notFound('Attachment');
      return { record, path };
    },

    async expire(id) {
      if (await store.attachments.deletePending(id)) await rm(pathOf(id), { force: true });
    },
  };
}
