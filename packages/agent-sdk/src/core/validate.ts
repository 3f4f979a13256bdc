import { MAX_CARDS, MAX_MESSAGE_TEXT, type Card } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';

/**
 * The server's rule for message text (which may be blank beside attachments or cards), checked
 * before queueing: text it would refuse must fail at once rather than sit in the outbox (and in
 * storage) until the first send attempt.
 */
export function validateMessageText(text: string, withContent = false): SwitchboardError | null {
  if (typeof text !== 'string' || (text.trim().length === 0 && !withContent)) {
    return new SwitchboardError('invalid_payload', 'Message text must not be blank', [
      { path: 'text', message: 'must not be blank' },
    ]);
  }
  if (text.length > MAX_MESSAGE_TEXT) {
    return new SwitchboardError('invalid_payload', `Message text exceeds ${MAX_MESSAGE_TEXT} characters`, [
      { path: 'text', message: `must be at most ${MAX_MESSAGE_TEXT} characters` },
    ]);
  }
  return null;
}

/**
 * Cards the server refuses whatever they hold: in a note (agents' eyes only) or too many. Each
 * card's fields are the server's to judge; a refusal there fails the send with its reasons.
 */
export function validateCards(
  cards: readonly Card[],
  kind: 'text' | 'note' = 'text',
): SwitchboardError | null {
  if (cards.length > 0 && kind === 'note') {
    return new SwitchboardError('invalid_payload', 'A note cannot carry cards', [
      { path: 'cards', message: 'a note cannot carry cards' },
    ]);
  }
  if (cards.length > MAX_CARDS) {
    return new SwitchboardError('invalid_payload', `A message carries at most ${MAX_CARDS} cards`, [
      { path: 'cards', message: `must have at most ${MAX_CARDS} items` },
    ]);
  }
  return null;
}
