// Which lifecycle actions the thread offers in each state: the server's state machine decides in
// the end, so these only keep buttons that could never succeed out of the way.
import type { Conversation, ConversationStatus } from '@switchboard/protocol';

export interface AvailableActions {
  accept: boolean;
  /** Taking a conversation from the bot: `accept` on a `bot` conversation mutes the bot at once. */
  intervene: boolean;
  resolve: boolean;
  transfer: boolean;
  reopen: boolean;
  /** Priority can change while the conversation is open. */
  priority: boolean;
}

export function availableActions(status: ConversationStatus): AvailableActions {
  const open = status === 'bot' || status === 'queued' || status === 'active' || status === 'pending';
  return {
    accept: status === 'queued',
    intervene: status === 'bot',
    resolve: open,
    transfer: status === 'queued' || status === 'active' || status === 'pending',
    reopen: status === 'resolved' || status === 'abandoned',
    priority: open,
  };
}

/**
 * "Hand back to bot" is for a conversation that came from the bot (it has a handoff) and that
 * the signed-in agent owns. Whether the site still has a bot only the server knows: it answers
 * `conflict` when it has none.
 */
export function canHandBack(
  conversation: Pick<Conversation, 'status' | 'assigneeId' | 'handoff'>,
  selfId: string | null,
): boolean {
  return (
    (conversation.status === 'active' || conversation.status === 'pending') &&
    conversation.handoff !== null &&
    selfId !== null &&
    conversation.assigneeId === selfId
  );
}
