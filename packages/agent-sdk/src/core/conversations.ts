// Pure helpers for conversation snapshots that arrive from several sources (list fetches, socket
// events, acks) in no guaranteed order.
import type { Conversation, Message } from '@switchboard/protocol';
import { OPEN_STATUSES } from '@switchboard/protocol';

function time(iso: string | null): number {
  if (iso === null) return Number.NEGATIVE_INFINITY;
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

/**
 * Picks the snapshot to keep. A list fetch that started before a `conversation:updated` event may
 * answer after it; the older `updatedAt` must not win. On a tie the incoming snapshot wins.
 */
export function newerConversation(
  held: Conversation | undefined | null,
  incoming: Conversation,
): Conversation {
  if (!held) return incoming;
  const heldTime = time(held.updatedAt);
  const incomingTime = time(incoming.updatedAt);
  if (incomingTime < heldTime) return held;
  if (incomingTime === heldTime && incoming.lastSeq < held.lastSeq) return held;
  return incoming;
}

/**
 * Advances `lastSeq` and `lastMessageAt` for a message that arrived before (or without) the
 * server's `conversation:updated`, leaving `updatedAt` alone so the server's next snapshot wins.
 */
export function withMessage(conversation: Conversation, message: Message): Conversation {
  if (message.seq <= conversation.lastSeq) return conversation;
  const lastMessageAt =
    time(message.createdAt) > time(conversation.lastMessageAt)
      ? message.createdAt
      : conversation.lastMessageAt;
  return { ...conversation, lastSeq: message.seq, lastMessageAt };
}

/** When a conversation last saw activity: its last message, or its last change if it has none. */
export function activityTime(conversation: Conversation): number {
  return time(conversation.lastMessageAt ?? conversation.updatedAt);
}

/** Most recent activity first; ties broken by `updatedAt`, then id, so the order is stable. */
export function compareByActivity(a: Conversation, b: Conversation): number {
  return (
    activityTime(b) - activityTime(a) ||
    time(b.updatedAt) - time(a.updatedAt) ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

export function sortConversationIds(conversations: Readonly<Record<string, Conversation>>): string[] {
  return Object.values(conversations)
    .sort(compareByActivity)
    .map((conversation) => conversation.id);
}

/** Whether the conversation takes messages without being reopened. */
export function isOpen(conversation: Conversation): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(conversation.status);
}
