import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../lib/app-error.js';

/** Parses the JSON body against a schema; a non-JSON body is a 400 like any other bad input. */
export async function jsonBody<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
  /** Fields from the path (e.g. the conversation id), merged over an object body before parsing. */
  fromPath?: Record<string, string>,
): Promise<z.output<Schema>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('invalid_payload', 'The request body must be JSON');
  }
  if (fromPath && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    body = { ...body, ...fromPath };
  }
  const result = schema.safeParse(body);
  if (!result.success) throw AppError.invalid(result.error, 'request body');
  return result.data;
}

export function query<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw AppError.invalid(result.error, 'query');
  return result.data;
}
