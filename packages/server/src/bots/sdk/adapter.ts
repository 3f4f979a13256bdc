import type { SdkBotConfig } from '@switchboard/protocol';
import { BotFailure, type BotAdapter } from '../types.js';
import type { SdkBotHub } from './hub.js';

/**
 * A bot written on the agent SDK (`createBotClient`): visitor messages go to its socket and it
 * answers over the same socket, later. The reply timer covers a bot that never does.
 */
export function createSdkBot(config: SdkBotConfig, hub: SdkBotHub, siteId: string): BotAdapter {
  return {
    kind: 'sdk',
    name: config.name,
    handle({ deliveryId, conversation, message, contact }) {
      if (!hub.deliver(siteId, { deliveryId, conversation, message, contact })) {
        return Promise.reject(new BotFailure('No SDK bot is connected for this site'));
      }
      return Promise.resolve({ kind: 'deferred' });
    },
  };
}
