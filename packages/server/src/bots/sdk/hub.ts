import type { BotDelivery, Conversation } from '@switchboard/protocol';
import type { BotNamespace } from '../../realtime/namespaces.js';

/** The sockets of SDK bots, by site. Created before the gateway, attached when it starts. */
export interface SdkBotHub {
  attach(namespace: BotNamespace): void;
  /** Sends to the site's connected SDK bots; false when none is connected (in this process). */
  deliver(siteId: string, delivery: BotDelivery): boolean;
  returned(siteId: string, event: { conversation: Conversation; note: string | null }): void;
}

export const botRoom = (siteId: string) => `bots:${siteId}`;

export function createSdkBotHub(): SdkBotHub {
  let namespace: BotNamespace | null = null;
  return {
    attach(attached) {
      namespace = attached;
    },
    deliver(siteId, delivery) {
      const room = botRoom(siteId);
      if (!namespace || (namespace.adapter.rooms.get(room)?.size ?? 0) === 0) return false;
      namespace.to(room).emit('bot:message', delivery);
      return true;
    },
    returned(siteId, event) {
      namespace?.to(botRoom(siteId)).emit('bot:returned', event);
    },
  };
}
