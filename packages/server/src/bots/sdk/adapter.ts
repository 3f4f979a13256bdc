import type { SdkBotConfig } from '@switchboard/protocol';
import type { BotAdapter } from '../types.js';
import type { SdkBotHub } from './hub.js';

/**
 * A bot written on the agent SDK (`createBotClient`): visitor messages go to its socket and it
 * answers over the same socket, later. A bot that is offline gets the message when it connects;
 * the reply timer covers one that never does.
 */
export function createSdkBot(config: SdkBotConfig, hub: SdkBotHub, siteId: string): BotAdapter {
  return {
    kind: 'sdk',
    name: config.name,
    handle({ deliveryId, conversation, message, contact }) {
      hub.deliver(siteId, { deliveryId, conversation, message, contact });
      return Promise.resolve({ kind: 'deferred' });
    },
    diagnose: () => (hub.connected(siteId) ? null : 'No SDK bot is connected for this site'),
  };
}
