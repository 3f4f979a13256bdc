// The sound and the notification themselves, a chunk of their own: fetched when the visitor turns
// notifications on (or had them on), which most never do.
import type { Message } from '@switchboard/protocol';
import { playChime } from './chime.js';
import { notificationBody } from './notification-text.js';

/** Chimes, and shows a browser notification if the visitor allowed them; a click opens the chat. */
export function alertOf(message: Message, title: string, onActivate: () => void): void {
  playChime();
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // One notification per conversation: a newer message replaces the older one.
  const notification = new Notification(title, {
    body: notificationBody(message.text),
    tag: `switchboard-${message.conversationId}`,
  });
  notification.onclick = () => {
    window.focus();
    onActivate();
    notification.close();
  };
}
