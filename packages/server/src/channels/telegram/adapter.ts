// Telegram Bot API (docs/channels/telegram.md). Telegram signs nothing: the webhook is trusted
// when it carries the secret_token we registered with setWebhook. It has no delivery or read
// receipts either, so a message's last state is 'sent'.
import { z } from 'zod';
import { safeEqual } from '../../lib/secrets.js';
import { ChannelSendError, defineAdapter } from '../adapter.js';
import { callBotApi } from './api.js';
import { TelegramConfig } from './config.js';
import { downloadFile } from './media.js';
import { callsFor } from './send.js';
import { eventsOf, Update } from './update.js';

const Sent = z.object({ message_id: z.number().int() });

export const telegramChannel = defineAdapter<TelegramConfig>({
  channel: 'telegram',
  config: TelegramConfig,

  verify(config, request) {
    const token = request.headers.get('x-telegram-bot-api-secret-token');
    if (token === null)
      return { ok: false, status: 401, reason: 'X-Telegram-Bot-Api-Secret-Token is missing' };
    return safeEqual(token, config.secretToken)
      ? { ok: true }
      : { ok: false, status: 401, reason: 'X-Telegram-Bot-Api-Secret-Token does not match' };
  },

  parse(_config, request) {
    return eventsOf(Update.parse(JSON.parse(Buffer.from(request.rawBody).toString('utf8'))));
  },

  async send(config, message, context) {
    const calls = callsFor(message);
    if (calls.length === 0) throw new ChannelSendError('The message has neither text nor files', false);
    let sent: z.infer<typeof Sent> | undefined;
    // In order, so a file never arrives before the text that introduces it. The Bot API has no
    // idempotency key: a retry after a later call failed sends the earlier parts again.
    for (const call of calls) sent = Sent.parse(await callBotApi(config, call.method, call.body, context));
    return { externalId: `${message.to}:${sent?.message_id ?? ''}` };
  },

  fetchMedia: (config, ref, context) => downloadFile(config, ref, context),

  async registerWebhook(config, webhookUrl, context) {
    // Only new messages: edits, callbacks and the rest would be acknowledged and dropped anyway.
    await callBotApi(
      config,
      'setWebhook',
      { url: webhookUrl, secret_token: config.secretToken, allowed_updates: ['message'] },
      context,
    );
  },
});
