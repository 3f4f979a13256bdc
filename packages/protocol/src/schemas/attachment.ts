import { z } from 'zod';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_NAME, MAX_ATTACHMENTS } from '../constants.js';
import { Id } from './common.js';

export const AttachmentKind = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/**
 * A file uploaded with `POST /v1/uploads` and sent with a message. Everything here was decided by
 * the server: `contentType` and `kind` from the file's bytes (never from what the uploader
 * claimed), `name` cleaned of control characters and path separators.
 */
export const Attachment = z.object({
  id: Id,
  /** The file's name as the uploader gave it, cleaned; display it as text only. */
  name: z.string().min(1).max(MAX_ATTACHMENT_NAME),
  /** The type the server found in the file's bytes, e.g. `image/png`. */
  contentType: z.string().min(1).max(255),
  /** In bytes. */
  size: z.number().int().nonnegative(),
  kind: AttachmentKind,
  /**
   * Where to download it: a path on the Switchboard server (`/v1/attachments/<id>/<name>?key=…`),
   * which clients resolve against the server URL. The path is a capability: anyone holding it can
   * read the file, so it is only ever sent to those who may read the message. It works in an
   * `<img>` or `<audio>` tag, which cannot send a bearer token.
   */
  url: z.string().min(1).max(2048),
  /** Pixels, for images whose size the server could read; lets clients reserve the space. */
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export interface Attachment extends z.infer<typeof Attachment> {}

/**
 * What the server accepts as uploads (announced in the visitor session's `site.uploads` and at
 * `GET /v1/uploads/limits`), so clients can refuse a file before uploading it.
 */
export const UploadLimits = z.object({
  /** The largest file, in bytes. */
  maxBytes: z.number().int().positive(),
  /** The most attachments one message may carry. */
  maxAttachments: z.number().int().positive(),
  /**
   * Every content type the server accepts, aliases included (`audio/wav` and `audio/x-wav`).
   * The server still checks the bytes: a file must really be of the type it is sent as.
   */
  contentTypes: z.array(z.string()),
});
export interface UploadLimits extends z.infer<typeof UploadLimits> {}

/**
 * `POST /v1/uploads?name=<file name>` query string. The body is the file's raw bytes and the
 * `Content-Type` header its type (or `application/octet-stream` when unknown).
 */
export const UploadQuery = z.strictObject({
  /** Longer names are shortened by the server, keeping the extension. */
  name: z.string().min(1).max(1000),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

/** Attachment ids sent with a message: each once, at most `MAX_ATTACHMENTS`. */
export const AttachmentIds = z
  .array(Id)
  .max(MAX_ATTACHMENTS)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an attachment');
