import type { Message } from '@switchboard/protocol';

/** Longest body a notification shows; operating systems cut long ones anyway, less gracefully. */
const MAX_BODY = 140;

/**
 * Whether a new message is worth a sound and a notification: only what the other side says, and
 * only while the visitor cannot see the chat (the tab is hidden).
 */
export function shouldNotify(message: Pick<Message, 'authorKind' | 'kind'>, pageHidden: boolean): boolean {
  return pageHidden && message.kind !== 'note' && message.authorKind !== 'visitor';
}

/**
 * The notification's body: the message as plain text on one line (notifications never render
 * markup, but formatting marks would show as typed), shortened at a word when too long.
 */
export function notificationBody(text: string): string {
  const plain = text
    .replace(/[*_~`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= MAX_BODY) return plain;
  const cut = plain.slice(0, MAX_BODY);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_BODY / 2 ? cut.slice(0, space) : cut}…`;
}
