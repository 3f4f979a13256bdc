// Out-of-office notices, vacation responders and bounces are dropped at the door: answered by the
// bot or counted as the customer's reply, they would reopen conversations and can loop with
// another responder. RFC 3834 marks them with `Auto-Submitted` (any value but "no"); responders
// that predate it set `X-Autoreply`, `X-Autorespond` or `Precedence: auto_reply`. Mail that is
// merely bulk (`Precedence: bulk`, a newsletter) still comes in: someone may want to read it.

/**
 * Whether a mail was sent by a program in answer to another, from its headers (`header` takes a
 * lowercased name and gives the value, or undefined).
 */
export function isAutomaticReply(header: (name: string) => string | undefined): boolean {
  const submitted = header('auto-submitted')?.trim().toLowerCase();
  if (submitted !== undefined && submitted !== '' && submitted !== 'no') return true;
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined) return true;
  return header('precedence')?.trim().toLowerCase() === 'auto_reply';
}
