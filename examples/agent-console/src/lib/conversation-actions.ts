// Which lifecycle actions the thread offers in each state: the server's state machine decides in
// the end, so these only keep buttons that could never succeed out of the way.
import type { ConversationStatus } from '@switchboard/protocol';

export interface AvailableActions {
  accept: boolean;
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
    resolve: open,
    transfer: status === 'queued' || status === 'active' || status === 'pending',
    reopen: status === 'resolved' || status === 'abandoned',
    priority: open,
  };
}
