import type { Store } from '../db/store.js';
import type { LifecycleService } from './lifecycle.js';

export interface AutoResolve {
  /** A message was written: make sure an inactivity timer is armed for the conversation. */
  touch(conversationId: string): Promise<void>;
  /** The timer fired: resolve if idle long enough, else push the timer to the new deadline. */
  fire(conversationId: string): Promise<void>;
}

/**
 * Inactivity is checked when the timer fires, not re-armed on every message: one persisted timer
 * per conversation, moved forward only when it comes due while the conversation is still busy.
 * That keeps the send path free of a second write.
 */
export function createAutoResolve({
  store,
  lifecycle,
  now,
  afterMs,
}: {
  store: Store;
  lifecycle: LifecycleService;
  now: () => number;
  afterMs: number;
}): AutoResolve {
  // Conversations this process knows to have a pending timer. After a restart it is empty, and
  // the first message re-arms (an upsert); the persisted timers fire regardless.
  const armed = new Set<string>();

  return {
    async touch(conversationId) {
      if (armed.has(conversationId)) return;
      await store.timers.arm('auto_resolve', conversationId, now() + afterMs);
      armed.add(conversationId);
    },

    async fire(conversationId) {
      armed.delete(conversationId);
      const conversation = await store.conversations.byId(conversationId);
      if (!conversation?.lastMessageAt) return;
      const deadline = Date.parse(conversation.lastMessageAt) + afterMs;
      if (deadline > now()) {
        await store.timers.arm('auto_resolve', conversationId, deadline);
        armed.add(conversationId);
        return;
      }
      await lifecycle.autoResolve(conversationId, afterMs);
    },
  };
}
