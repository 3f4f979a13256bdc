import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTP_STATUS } from '@switchboard/protocol';
import { AppError, toProtocolError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';

/** Every HTTP error has the same body: `{ error: { code, message, issues? } }`. */
export function errorResponse(c: Context, error: unknown, logger: Logger): Response {
  if (!(error instanceof AppError))
    logger.error('unhandled error in HTTP handler', { error, path: c.req.path });
  const body = toProtocolError(error);
  return c.json({ error: body }, HTTP_STATUS[body.code] as ContentfulStatusCode);
}
