import type { BotDelivery, Conversation } from '@switchboard/protocol';
import type { EventBus } from '../../domain/events.js';
import type { BotNamespace } from '../../realtime/namespaces.js';

/**
 * The sockets of SDK bots, by site, and the deliveries they still owe an answer. Created before
 * the gateway, attached when it starts. In-process: with several instances a bot must connect to
 * each (the reply timer still guarantees no conversation waits forever).
 */
export interface SdkBotHub {
  attach(namespace: BotNamespace): void;
  /** Sends to one of the site's bots now, or to the first that connects; kept until answered. */
  deliver(siteId: string, delivery: BotDelivery): void;
  connected(siteId: string): boolean;
  returned(siteId: string, event: { conversation: Conversation; note: string | null }): void;
  /** A new bot token was issued: sockets on the old one are closed. */
  disconnectAll(siteId: string): void;
}

export const botRoom = (siteId: string) => `bots:${siteId}`;

export function createSdkBotHub(bus: EventBus): SdkBotHub {
  let namespace: BotNamespace | null = null;
  /** Per site, the latest unanswered delivery of each conversation. */
  const owed = new Map<string, Map<string, BotDelivery>>();
  let turn = 0;

  const socketsOf = (siteId: string) => [...(namespace?.adapter.rooms.get(botRoom(siteId)) ?? [])];

  /** One socket per delivery (round robin), so two bot processes share the work, not repeat it. */
  function send(siteId: string, delivery: BotDelivery): void {
    const sockets = socketsOf(siteId);
    const target = sockets[turn++ % Math.max(sockets.length, 1)];
    if (namespace && target) namespace.to(target).emit('bot:message', delivery);
  }

  function settle(conversation: Conversation): void {
    owed.get(conversation.siteId)?.delete(conversation.id);
  }

  // Answered, handed off or taken over: nothing is owed any more.
  bus.subscribe('message.created', ({ message, conversation }) => {
    if (message.authorKind === 'bot') settle(conversation);
  });
  bus.subscribe('handoff.requested', ({ conversation }) => settle(conversation));
  bus.subscribe('handoff.timed_out', ({ conversation }) => settle(conversation));
  bus.subscribe('conversation.resolved', ({ conversation }) => settle(conversation));

  return {
    attach(attached) {
      namespace = attached;
      // A bot that (re)connects gets what its site is still waiting for: same delivery ids, so
      // an answer it already sent is not stored twice.
      attached.on('connection', (socket) => {
        const { viewer } = socket.data;
        if (viewer.kind !== 'bot') return;
        for (const delivery of owed.get(viewer.siteId)?.values() ?? []) socket.emit('bot:message', delivery);
      });
    },
    deliver(siteId, delivery) {
      const site = owed.get(siteId) ?? new Map<string, BotDelivery>();
      site.set(delivery.conversation.id, delivery);
      owed.set(siteId, site);
      send(siteId, delivery);
    },
    connected: (siteId) => socketsOf(siteId).length > 0,
    returned(siteId, event) {
      namespace?.to(botRoom(siteId)).emit('bot:returned', event);
    },
    disconnectAll(siteId) {
      namespace?.in(botRoom(siteId)).disconnectSockets(true);
    },
  };
}
