// Calls to the Graph API with the account's bearer token, and its refusals turned into
// ChannelSendError: worth retrying when Meta is busy or throttling, not when it said no.
import { ChannelSendError, type AdapterContext } from '../adapter.js';
import type { WhatsAppConfig } from './config.js';
import { GraphError } from './format.js';

/**
 * Graph error codes that mean "slow down" whatever the HTTP status: app, account and
 * business-number rate limits, and the per-recipient pair limit.
 */
const THROTTLED = new Set([4, 80007, 130429, 131056]);

export async function callGraph(
  config: WhatsAppConfig,
  context: AdapterContext,
  url: string,
  init: { method?: 'GET' | 'POST'; json?: unknown } = {},
): Promise<Response> {
  const method = init.method ?? 'GET';
  const where = `${method} ${new URL(url).pathname}`;
  let response: Response;
  try {
    response = await context.fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${config.accessToken}`,
        ...(init.json !== undefined && { 'content-type': 'application/json' }),
      },
      ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
    });
  } catch (error) {
    throw new ChannelSendError(`${where}: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  const refusal = GraphError.safeParse(safeJson(text));
  const retryable =
    response.status === 408 ||
    response.status === 429 ||
    response.status >= 500 ||
    (refusal.success && THROTTLED.has(refusal.data.error.code ?? -1));
  throw new ChannelSendError(
    refusal.success
      ? describe(response.status, refusal.data.error)
      : `${where}: ${response.status} ${text.slice(0, 200)}`.trim(),
    retryable,
  );
}

/** JSON of a successful call, checked against what the Graph API documents. */
export async function graphJson<T>(
  response: Response,
  schema: { parse(value: unknown): T },
  what: string,
): Promise<T> {
  const body = safeJson(await response.text());
  try {
    return schema.parse(body);
  } catch {
    // Meta accepted the call: repeating it could send the message twice.
    throw new ChannelSendError(`The Graph API answered ${what} in an unexpected shape`, false);
  }
}

function describe(status: number, error: GraphError['error']): string {
  const message = error.message ?? `the Graph API answered ${status}`;
  const code = error.code !== undefined ? ` (code ${error.code})` : '';
  const details = error.error_data?.details;
  return `WhatsApp refused it: ${message}${code}${details && details !== message ? `: ${details}` : ''}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
