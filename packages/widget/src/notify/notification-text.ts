// The notification's text: in the alert chunk, loaded only once the visitor turned alerts on.

/** Longest body a notification shows; operating systems cut long ones anyway, less gracefully. */
const MAX_BODY = 140;

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
