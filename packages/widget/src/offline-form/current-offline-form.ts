import type { Message } from '@switchboard/protocol';

/**
 * The message whose offline form to draw: the latest one that carries a form, while the form
 * still has a job. It asks for a way to reach the visitor and their question, so it is done once
 * the contact has an email and the visitor has written since (by the form or otherwise; a form
 * sent before a reload is then not offered again). `keepId` names a form the visitor is busy with
 * or has just sent, which stays (to show their answers, the error or the confirmation) until a
 * newer form comes.
 */
export function currentOfflineForm(
  messages: readonly Message[],
  contactEmail: string | null | undefined,
  keepId: string | null,
): Message | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (!message.form) continue;
    if (message.id === keepId) return message;
    const answered = !!contactEmail && messages.slice(i + 1).some((later) => later.authorKind === 'visitor');
    return answered ? null : message;
  }
  return null;
}
