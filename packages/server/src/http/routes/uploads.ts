import { Hono, type Context } from 'hono';
import { UploadQuery } from '@switchboard/protocol/schemas';
import { AppError } from '../../lib/app-error.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import { discardBody, UnreadBodyError } from '../../lib/uploads/receive.js';
import type { AttachmentService } from '../../services/attachments.js';
import type { SessionService } from '../../services/sessions.js';
import type { Viewer } from '../../services/viewer.js';
import type { HttpEnv } from '../context.js';
import { bearerToken, requireViewer } from '../middleware.js';
import { query } from '../validate.js';

/** A refused upload's body is read this far (and dropped) before the answer goes out. */
const DISCARD_LIMIT = 1024 * 1024;

/** A Content-Length that is a plain decimal number; anything else counts as not given. */
function contentLength(header: string | undefined): number | undefined {
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

/** Per person rather than per address: visitors behind one office's NAT do not share a budget. */
function limitKey(viewer: Viewer): string {
  if (viewer.kind === 'visitor') return `visitor:${viewer.contactId}`;
  return viewer.kind === 'agent' ? `agent:${viewer.agentId}` : `bot:${viewer.siteId}`;
}

/**
 * A browser still sending its upload when the answer arrives often reports a network error
 * instead of the answer. So a refused upload's body is read to its end first, or, when that is
 * too much, the connection is closed after the answer (it cannot carry another request).
 */
async function settleBody(c: Context<HttpEnv>, error: unknown): Promise<void> {
  const unread = error instanceof UnreadBodyError || !(await discardBody(c.req.raw.body, DISCARD_LIMIT));
  if (unread) c.header('connection', 'close');
}

/**
 * `POST /v1/uploads?name=<file name>`: the body is the file's raw bytes (not multipart: a raw body
 * streams to disk as it arrives, and browsers report its progress as it is), `Content-Type` says
 * what it is. Visitors and agents; answers `201 Attachment`, pending until a message of the
 * uploader's carries it. `GET /v1/uploads/limits`: the `UploadLimits`.
 */
export function uploadRoutes(sessions: SessionService, attachments: AttachmentService, limiter: RateLimiter) {
  return new Hono<HttpEnv>()
    .get('/limits', requireViewer(sessions), (c) => c.json(attachments.limits))
    .post('/', async (c) => {
      try {
        const viewer = await sessions.authenticate(bearerToken(c.req.header('authorization')));
        if (!limiter.take(limitKey(viewer)))
          throw new AppError('rate_limited', 'Too many uploads; try again shortly');
        const { name } = query(c, UploadQuery);
        const attachment = await attachments.upload(viewer, {
          name,
          contentType: c.req.header('content-type'),
          contentLength: contentLength(c.req.header('content-length')),
          body: c.req.raw.body,
        });
        return c.json(attachment, 201);
      } catch (error) {
        await settleBody(c, error);
        throw error;
      }
    });
}
