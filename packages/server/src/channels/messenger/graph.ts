// One Send API call. Meta answers `{ recipient_id, message_id }`, or
// `{ error: { message, type, code, error_subcode?, fbtrace_id } }`.
import { z } from 'zod';
import { ChannelSendError, type AdapterContext } from '../adapter.js';
import { sendApiUrl, type MessengerConfig } from './config.js';

const Sent = z.object({ message_id: z.string().min(1) });
const Failure = z.object({ error: z.object({ message: z.string().default(''), code: z.number().int() }) });

/** Codes Meta documents as passing: an unknown or service error (1, 2) and rate limits (4, 613). */
const TRANSIENT_CODES = new Set([1, 2, 4, 613]);

/** POSTs one message; resolves its mid. Messages never carry the URL: it holds the Page token. */
export async function postMessage(
  config: MessengerConfig,
  body: Record<string, unknown>,
  context: AdapterContext,
): Promise<string> {
  let response: Response;
  try {
    response = await context.fetch(sendApiUrl(config), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ChannelSendError(
      `Messenger Send API: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
  const json = safeJson(await response.text().catch(() => ''));
  if (response.ok) {
    const sent = Sent.safeParse(json);
    if (sent.success) return sent.data.message_id;
  }
  const failure = Failure.safeParse(json);
  if (!failure.success) {
    throw new ChannelSendError(
      `Messenger Send API answered ${response.status} without a message id`,
      response.status >= 500,
    );
  }
  const { code, message } = failure.data.error;
  throw new ChannelSendError(
    `Messenger Send API: (#${code}) ${message}`,
    TRANSIENT_CODES.has(code) || response.status >= 500,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
