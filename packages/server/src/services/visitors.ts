import type { Store } from '../db/store.js';
import type { LifecycleService } from './lifecycle.js';

export interface VisitorPresence {
  connected(contactId: string): Promise<void>;
  /** The visitor's last socket closed: queued conversations are abandoned after the grace period. */
  disconnected(contactId: string): Promise<void>;
  /** Timer: the grace period ended. */
  abandonIfGone(contactId: string): Promise<void>;
}

export function createVisitorPresence({
  store,
  lifecycle,
  now,
  abandonAfterMs,
}: {
  store: Store;
  lifecycle: LifecycleService;
  now: () => number;
  abandonAfterMs: number;
}): VisitorPresence {
  const sockets = new Map<string, number>();
  return {
    async connected(contactId) {
      sockets.set(contactId, (sockets.get(contactId) ?? 0) + 1);
      await store.timers.cancel('abandon', contactId);
    },
    async disconnected(contactId) {
      const left = (sockets.get(contactId) ?? 1) - 1;
      if (left > 0) {
        sockets.set(contactId, left);
        return;
      }
      sockets.delete(contactId);
      await store.timers.arm('abandon', contactId, now() + abandonAfterMs);
    },
    async abandonIfGone(contactId) {
      if (sockets.has(contactId)) return;
      const { items } = await store.conversations.list({ contactId, status: 'queued', limit: 20 });
      for (const conversation of items) await lifecycle.abandon(conversation.id);
    },
  };
}
