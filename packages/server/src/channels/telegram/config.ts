// A Telegram bot account's settings (docs/channels/telegram.md) and the Bot API's URLs.
import { z } from 'zod';

export const TelegramConfig = z.strictObject({
  /** From @BotFather, `<bot id>:<secret>`; it goes into every API path, so only URL-safe characters. */
  botToken: z.string().regex(/^\d+:[\w-]+$/, 'a bot token looks like 123456:ABC-DEF…'),
  /** Given to `setWebhook`; Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`. */
  secretToken: z.string().regex(/^[\w-]{1,256}$/, 'use 1–256 characters of A-Z, a-z, 0-9, _ and -'),
  /**
   * Where the Bot API lives; tests and self-hosted Bot API servers point it elsewhere.
   * @default 'https://api.telegram.org'
   */
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    .default('https://api.telegram.org')
    .transform((url) => url.replace(/\/+$/, '')),
});
export type TelegramConfig = z.infer<typeof TelegramConfig>;

/** `{apiBaseUrl}/bot{token}/{method}`: every Bot API method. Holds the token: never log it. */
export const methodUrl = (config: TelegramConfig, method: string) =>
  `${config.apiBaseUrl}/bot${config.botToken}/${method}`;

/** `{apiBaseUrl}/file/bot{token}/{file_path}`: a file `getFile` made ready to download. */
export const fileUrl = (config: TelegramConfig, filePath: string) =>
  `${config.apiBaseUrl}/file/bot${config.botToken}/${filePath.split('/').map(encodeURIComponent).join('/')}`;
