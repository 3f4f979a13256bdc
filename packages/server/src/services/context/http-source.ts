// A shop's API: one GET per contact, bounded in time and size, so a slow or broken shop costs the
// agent a clear error, never a hung request or the server's memory.
import { AppError } from '../../lib/app-error.js';
import { readCapped } from '../../lib/read-capped.js';
import { redactUrl } from '../../lib/redact-url.js';
import { fillTemplate } from './url-template.js';
import { CONTEXT_MAX_BYTES, parseJson, unavailable, type ContextSource } from './source.js';

export interface HttpSourceOptions {
  urlTemplate: string;
  timeoutMs: number;
  /** @default CONTEXT_MAX_BYTES */
  maxBytes?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** 200 with a `ContactContext` for a known contact; 404 for one the shop does not know. */
export function httpSource({
  urlTemplate,
  timeoutMs,
  maxBytes = CONTEXT_MAX_BYTES,
  fetch: doFetch = (input, init) => globalThis.fetch(input, init),
}: HttpSourceOptions): ContextSource {
  return async (identity) => {
    const url = fillTemplate(urlTemplate, identity);
    // The query carries the contact's email and perhaps an API key: neither belongs in an error.
    const shown = `The context provider (${redactUrl(url)})`;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await doFetch(url, { headers: { accept: 'application/json' }, signal });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw unavailable(`${shown} answered HTTP ${response.status}`);
      }
      const body = await readCapped(response, maxBytes);
      if (body.truncated) throw unavailable(`${shown} answered more than ${maxBytes} bytes`);
      return parseJson(body.text, `${shown} answered with something that is not JSON`);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (signal.aborted) throw unavailable(`${shown} did not answer within ${timeoutMs} ms`);
      throw unavailable(`${shown} could not be reached`);
    }
  };
}
