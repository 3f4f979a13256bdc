import type { ConversationStatus } from '@switchboard/protocol';

/** Whether the visitor may start over: the conversation was resolved or abandoned. */
export function conversationEnded(status: ConversationStatus | undefined): boolean {
  return status === 'resolved' || status === 'abandoned';
}
