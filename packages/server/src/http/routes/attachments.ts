import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { contentDisposition } from '../../lib/uploads/filename.js';
import { parseRange } from '../../lib/uploads/range.js';
import type { AttachmentService } from '../../services/attachments.js';
import type { HttpEnv } from '../context.js';

/** Shown in place rather than saved: nothing a browser plays or shows here can run script. */
const INLINE_KINDS = new Set(['image', 'audio', 'video']);

/**
 * `GET /v1/attachments/:id/:name?key=…`: the file, to whoever holds the URL.
 *
 * Why a capability URL rather than the bearer token: attachments are shown in `<img>`, `<audio>`
 * and `<video>` tags and opened in new tabs, none of which can send an `Authorization` header,
 * and tokens never go in URLs (they would outlive their purpose in logs and history). So each
 * attachment has its own random key, and the URL is only ever sent to those who may read the
 * message: the conversation's visitor (never for an internal note) and agents. It does not
 * expire, because messages are kept and shown for as long as the conversation is; it grants
 * one file and nothing else. A wrong key is answered exactly like a missing file.
 *
 * What is served cannot run script: the type is the one found in the bytes, `nosniff` stops
 * browsers from guessing another, the CSP sandboxes anything opened directly, and only images,
 * audio and video are shown inline.
 */
export function attachmentRoutes(attachments: AttachmentService) {
  return new Hono<HttpEnv>().get('/:id/:name', async (c) => {
    const { record, path } = await attachments.open(c.req.param('id'), c.req.query('key') ?? '');
    const headers = new Headers({
      'content-type': record.contentType.startsWith('text/')
        ? `${record.contentType}; charset=utf-8`
        : record.contentType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': contentDisposition(
        INLINE_KINDS.has(record.kind) ? 'inline' : 'attachment',
        record.name,
      ),
      // The bytes behind an id never change; the URL is private to the conversation.
      'cache-control': 'private, max-age=31536000, immutable',
      'accept-ranges': 'bytes',
    });
    const range = parseRange(c.req.header('range'), record.size);
    if (range === 'unsatisfiable') {
      headers.set('content-range', `bytes */${record.size}`);
      headers.set('content-type', 'application/json');
      return new Response(
        JSON.stringify({
          error: { code: 'invalid_payload', message: 'The requested range is not in the file' },
        }),
        { status: 416, headers },
      );
    }
    const { start, end } = range ?? { start: 0, end: record.size - 1 };
    headers.set('content-length', String(end - start + 1));
    if (range) headers.set('content-range', `bytes ${start}-${end}/${record.size}`);
    const stream = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
    return new Response(stream, { status: range ? 206 : 200, headers });
  });
}
