import type { Message } from '@switchboard/protocol';

/**
 * Whether a new message is worth a sound and a notification: only what the other side says, and
 * only while the visitor cannot see the chat (the tab is hidden).
 */
export function shouldNotify(message: Pick<Message, 'authorKind' | 'kind'>, pageHidden: boolean): boolean {
  return pageHidden && message.kind !== 'note' && message.authorKind !== 'visitor';
}
