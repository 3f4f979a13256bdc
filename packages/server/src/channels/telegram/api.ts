// One Bot API call: every method answers `{ ok: true, result }` or
// `{ ok: false, error_code, description, parameters? }`, whatever the HTTP status says.
import { z } from 'zod';
import { ChannelSendError, type AdapterContext } from '../adapter.js';
import { methodUrl, type TelegramConfig } from './config.js';

const Answer = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int(),
    description: z.string().default(''),
    parameters: z.object({ retry_after: z.number().int().nonnegative().optional() }).optional(),
  }),
]);

/**
 * POSTs `body` as JSON to the method; resolves its `result`. Throws {@link ChannelSendError},
 * retryable for flood control (429, with Telegram's retry_after) and Telegram's own failures (5xx).
 * Messages never carry the URL: it holds the bot token.
 */
export async function callBotApi(
  config: TelegramConfig,
  method: string,
  body: Record<string, unknown>,
  context: AdapterContext,
): Promise<unknown> {
  let response: Response;
  try {
    response = await context.fetch(methodUrl(config, method), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ChannelSendError(
      `Telegram ${method}: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
  const text = await response.text().catch(() => '');
  const answer = Answer.safeParse(safeJson(text));
  if (!answer.success) {
    throw new ChannelSendError(
      `Telegram ${method} answered ${response.status} without a Bot API body`,
      response.status === 429 || response.status >= 500,
    );
  }
  if (answer.data.ok) return answer.data.result;
  const { error_code: code, description, parameters } = answer.data;
  const retryAfter = parameters?.retry_after;
  throw new ChannelSendError(
    `Telegram ${method}: ${code} ${description}`.trim(),
    code === 429 || code >= 500,
    retryAfter === undefined ? undefined : retryAfter * 1000,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
