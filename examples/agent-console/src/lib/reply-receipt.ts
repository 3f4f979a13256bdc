import type { Message } from '@switchboard/protocol';

/** How far the latest agent reply got: stored, on the visitor's device, or read by them. */
export type ReplyState = 'sent' | 'delivered' | 'read';

export const REPLY_STATE_LABELS: Record<ReplyState, string> = {
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
};

/**
 * The latest agent reply in a thread and its state, from the visitor's delivery and read marks,
 * for the marker under it; null before any reply. Notes never reach the visitor.
 */
export function replyReceipt(
  messages: readonly Message[],
  visitorDeliveredSeq: number,
  visitorReadSeq: number,
): { message: Message; state: ReplyState } | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.authorKind !== 'agent' || message.kind !== 'text') continue;
    const state =
      message.seq <= visitorReadSeq ? 'read' : message.seq <= visitorDeliveredSeq ? 'delivered' : 'sent';
    return { message, state };
  }
  return null;
}
