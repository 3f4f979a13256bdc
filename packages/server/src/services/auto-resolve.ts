import type { Conversation } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import { OWNED_STATUSES } from '../domain/lifecycle.js';
import type { LifecycleService } from './lifecycle.js';

export interface AutoResolve {
  /** A message was written: make sure an inactivity timer is armed for the conversation. */
  touch(conversationId: string): Promise<void>;
  /** The timer fired: resolve if idle long enough, else push the timer to the new deadline. */
  fire(conversationId: string): Promise<void>;
}

export interface InactivityWindows {
  /** Conversations an agent owns (active, pending). */
  ownedMs: number;
  /** Chats with the bot: the session timeout. */
  botMs: number;
}

/**
 * Inactivity is checked when the timer fires, not re-armed on every message: one persisted timer
 * per conversation, moved forward only when it comes due while the conversation is still busy.
 * That keeps the send path free of a second write. Owned conversations auto-resolve after
 * `ownedMs`; bot chats end after the (shorter) session timeout; nobody waiting in a queue is
 * resolved for being idle (abandonment handles visitors who left).
 */
export function createAutoResolve({
  store,
  lifecycle,
  now,
  windows,
}: {
  store: Store;
  lifecycle: LifecycleService;
  now: () => number;
  windows: InactivityWindows;
}): AutoResolve {
  // Conversations this process knows to have a pending timer. After a restart it is empty, and
  // the first message re-arms (an upsert); the persisted timers fire regardless.
  const armed = new Set<string>();
  const shortest = Math.min(windows.ownedMs, windows.botMs);

  const windowFor = (status: Conversation['status']): number | null =>
    status === 'bot'
      ? windows.botMs
      : (OWNED_STATUSES as readonly string[]).includes(status)
        ? windows.ownedMs
        : null;

  async function arm(conversationId: string, dueAt: number) {
    await store.timers.arm('auto_resolve', conversationId, dueAt);
    armed.add(conversationId);
  }

  return {
    async touch(conversationId) {
      // The status may change before the timer fires, so check early enough for either window.
      if (!armed.has(conversationId)) await arm(conversationId, now() + shortest);
    },

    async fire(conversationId) {
      armed.delete(conversationId);
      const conversation = await store.conversations.byId(conversationId);
      if (!conversation || conversation.status === 'resolved' || conversation.status === 'abandoned') return;
      const lastActivity = Date.parse(conversation.lastMessageAt ?? conversation.createdAt);
      const window = windowFor(conversation.status);
      // Waiting in a queue: look again later, in case an agent takes it and it then goes quiet.
      if (window === null) return arm(conversationId, now() + shortest);
      if (lastActivity + window > now()) return arm(conversationId, lastActivity + window);
      await lifecycle.autoResolve(conversationId, window, [conversation.status]);
    },
  };
}
