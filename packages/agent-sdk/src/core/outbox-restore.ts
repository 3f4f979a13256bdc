// Reading stored outbox entries back (see outbox-serialization.ts for how they are written), with
// anything unreadable dropped rather than trusted. Only the visitor client stores its outbox (the
// agent and bot clients have no storage), and visitors send no cards, so an entry is read back
// without any. A module of its own: few pages find messages an earlier one left unsent, so the
// widget loads it only then.
import { isErrorCode, type Attachment } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { PendingMessage } from '../types.js';
import type { StoredEntry } from './outbox-serialization.js';

export function fromStored(value: unknown): PendingMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredEntry>;
  if (typeof v.clientMessageId !== 'string' || typeof v.text !== 'string') return null;
  const attachments: unknown[] = Array.isArray(v.attachments) ? v.attachments : [];
  // Sending the text without a file it went with would say something else: drop it all.
  if (!attachments.every(isAttachment)) return null;
  return {
    clientMessageId: v.clientMessageId,
    conversationId: typeof v.conversationId === 'string' ? v.conversationId : null,
    text: v.text,
    kind: v.kind === 'note' ? 'note' : 'text',
    attachments,
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : new Date().toISOString(),
    attempts: typeof v.attempts === 'number' ? v.attempts : 0,
    error: errorFromStored(v.error),
  };
}

/** Enough of an attachment to send (its id) and show (name, type, URL); anything less is dropped. */
function isAttachment(value: unknown): value is Attachment {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, url, kind, contentType, size } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    typeof url === 'string' &&
    typeof contentType === 'string' &&
    typeof size === 'number' &&
    (kind === 'image' || kind === 'audio' || kind === 'video' || kind === 'file')
  );
}

function errorFromStored(value: unknown): SwitchboardError | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, message } = value as Record<string, unknown>;
  const known = isErrorCode(code) || code === 'network' || code === 'timeout';
  return new SwitchboardError(known ? code : 'internal', typeof message === 'string' ? message : 'Failed');
}
