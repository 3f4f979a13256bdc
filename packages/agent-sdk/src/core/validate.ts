import { MAX_MESSAGE_TEXT } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';

/**
 * The server's rule for message text (which may be blank beside attachments), checked before queueing: text it would refuse must fail at
 * once rather than sit in the outbox (and in storage) until the first send attempt.
 */
export function validateMessageText(text: string, withAttachments = false): SwitchboardError | null {
  if (typeof text !== 'string' || (text.trim().length === 0 && !withAttachments)) {
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
