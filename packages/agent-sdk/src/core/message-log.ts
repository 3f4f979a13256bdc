// Pure functions over one conversation's message list. The server's `seq` is the only order
// (DESIGN.md, delivery guarantee 3): arrival order means nothing on a flaky network, and the same
// message may arrive twice (its ack and its broadcast, or a broadcast and a catch-up fetch).
import type { Message } from '@switchboard/protocol';
import type { PendingMessage } from '../types.js';

/** The highest `seq` held, or 0 when none is held (the first message of a conversation is 1). */
export function lastSeq(messages: readonly Message[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** The lowest `seq` held, or `null` when none is held. */
export function firstSeq(messages: readonly Message[]): number | null {
  return messages[0]?.seq ?? null;
}

function bySeq(a: Message, b: Message): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Whether `incoming` is a later version of `held`: a channel message's delivery state moves on
 * (sent, delivered, read, failed) while its content never changes.
 */
function isLaterVersion(held: Message, incoming: Message): boolean {
  if (!incoming.delivery) return false;
  if (!held.delivery) return true;
  return incoming.delivery.updatedAt > held.delivery.updatedAt;
}

/**
 * Merges `incoming` into `current`: ascending by `seq`, each `id` exactly once. A message already
 * held is kept as is — its content never changes — unless `incoming` carries a later delivery
 * state (channel messages). Returns `current` itself when nothing changed, so selectors comparing
 * by identity see no change.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  return mergeNew(current, incoming).messages;
}

/**
 * `mergeMessages`, which also tells what the merge added: the messages of `incoming` that
 * `current` lacked, each once, in the order given (a later version of a held one is not news).
 */
export function mergeNew(
  current: readonly Message[],
  incoming: readonly Message[],
): { messages: readonly Message[]; added: readonly Message[] } {
  // Fast path for live traffic: strictly newer messages in order. A copy of a held message
  // carries the same seq as the original, so anything above the last seq cannot be a duplicate.
  let appendable = true;
  let previous = lastSeq(current);
  for (const message of incoming) {
    if (message.seq <= previous) {
      appendable = false;
      break;
    }
    previous = message.seq;
  }
  if (appendable)
    return { messages: incoming.length === 0 ? current : [...current, ...incoming], added: incoming };

  const byId = new Map<string, Message>();
  for (const message of current) byId.set(message.id, message);
  const added: Message[] = [];
  let changed = false;
  for (const message of incoming) {
    const held = byId.get(message.id);
    if (held && !isLaterVersion(held, message)) continue;
    if (!held) added.push(message);
    byId.set(message.id, message);
    changed = true;
  }
  return { messages: changed ? [...byId.values()].sort(bySeq) : current, added };
}

/**
 * Whether a message with `incomingSeq` leaves a hole after `heldSeq` (the last seq held), which
 * means something was missed and must be fetched with `?afterSeq=heldSeq`.
 */
export function isGap(heldSeq: number, incomingSeq: number): boolean {
  return incomingSeq > heldSeq + 1;
}

/** Whether `incoming` would leave a hole after the messages held. */
export function hasGapBefore(messages: readonly Message[], incoming: Message): boolean {
  return isGap(lastSeq(messages), incoming.seq);
}

/** Whether `message` is the stored copy of the locally written `pending` one. */
export function isDeliveryOf(message: Message, pending: PendingMessage): boolean {
  return (
    message.clientMessageId === pending.clientMessageId &&
    (pending.conversationId === null || pending.conversationId === message.conversationId)
  );
}

/**
 * Drops the pending entries that `delivered` messages settle: once the server's copy is held,
 * showing the local one too would display the message twice. Returns `pending` itself when
 * nothing matched.
 */
export function removeDelivered(
  pending: readonly PendingMessage[],
  delivered: readonly Message[],
): readonly PendingMessage[] {
  if (pending.length === 0 || delivered.length === 0) return pending;
  const remaining = pending.filter((entry) => !delivered.some((message) => isDeliveryOf(message, entry)));
  return remaining.length === pending.length ? pending : remaining;
}
