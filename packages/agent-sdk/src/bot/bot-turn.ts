import type {
  BotCollectPayload,
  BotDelivery,
  BotHandoffPayload,
  BotMessagePayload,
  Contact,
  Conversation,
  Message,
} from '@switchboard/protocol';
import { toSwitchboardError } from '../core/error-utils.js';
import { validateMessageText } from '../core/validate.js';
import { createReplyParts } from './reply-parts.js';
import type { BotTurnContext } from './types.js';

/** The client's requests a turn's helpers are bound to. */
export interface BotRequests {
  reply(payload: BotMessagePayload): Promise<Message>;
  handoff(payload: BotHandoffPayload): Promise<Conversation>;
  collect(payload: BotCollectPayload): Promise<Contact>;
}

/**
 * The context for one run of the handlers over a delivery. Every handler of the run shares it,
 * so their replies are numbered together in the order they are made.
 */
export function createTurnContext(delivery: BotDelivery, requests: BotRequests): BotTurnContext {
  const parts = createReplyParts();
  const conversationId = delivery.conversation.id;
  return {
    ...delivery,

    reply(text, options = {}) {
      const invalid = validateMessageText(text);
      if (invalid) return Promise.reject(invalid);
      let part: number;
      try {
        part = parts.next();
      } catch (error) {
        return Promise.reject(toSwitchboardError(error));
      }
      return requests.reply({
        conversationId,
        text,
        quickReplies: options.quickReplies ?? [],
        cards: options.cards ?? [],
        deliveryId: delivery.deliveryId,
        part,
      });
    },

    handoff(request = {}) {
      return requests.handoff({ ...request, conversationId });
    },

    collect(fields) {
      return requests.collect({ conversationId, fields });
    },
  };
}
