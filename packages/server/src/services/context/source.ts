import { AppError } from '../../lib/app-error.js';
import type { ContactIdentity } from './contact-keys.js';

/**
 * Asks a provider about one contact: what it answered (validated by the caller), or null when it
 * does not know them. Throws `context_unavailable` when it cannot say.
 */
export type ContextSource = (identity: ContactIdentity) => Promise<unknown>;

/** The largest answer read from a provider: 20 orders are a few KiB, so 1 MiB is a broken provider. */
export const CONTEXT_MAX_BYTES = 1024 * 1024;

/** The provider failed; the message is shown to agents, so it names no secrets. */
export function unavailable(message: string): AppError {
  return new AppError('context_unavailable', message);
}

/** JSON, or `context_unavailable` with `problem`. */
export function parseJson(text: string, problem: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unavailable(problem);
  }
}
