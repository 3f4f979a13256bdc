// The webhook bot: each visitor message is POSTed, signed, to the bot's URL; the bot answers in
// the response or later over REST.
import type { WebhookBotConfig } from '@switchboard/protocol';
import type { BotAdapter } from '../types.js';
import { deliverSigned, type SignedDelivery } from './deliver.js';
import { toOutcome } from './outcome.js';

export const MESSAGE_CREATED = 'message.created';

export interface WebhookBotDeps {
  /** The site's signing secret. */
  secret: string;
  /** @default min(250 * 2^(attempt-1), 8000) ms ± 20 % */
  backoff?: SignedDelivery['backoff'];
  /** @default setTimeout from node:timers/promises */
  sleep?: SignedDelivery['sleep'];
  /** @default Date.now */
  now?: SignedDelivery['now'];
}

export function createWebhookBot(config: WebhookBotConfig, deps: WebhookBotDeps): BotAdapter {
  return {
    kind: 'webhook',
    name: config.name,
    async handle(context) {
      const result = await deliverSigned({
        url: config.url,
        secret: deps.secret,
        deliveryId: context.deliveryId,
        event: MESSAGE_CREATED,
        body: {
          deliveryId: context.deliveryId,
          event: MESSAGE_CREATED,
          conversation: context.conversation,
          message: context.message,
          contact: context.contact,
        },
        timeoutMs: config.timeoutMs,
        maxAttempts: config.maxAttempts,
        signal: context.signal,
        backoff: deps.backoff,
        sleep: deps.sleep,
        now: deps.now,
      });
      return toOutcome(result, config.url);
    },
  };
}
