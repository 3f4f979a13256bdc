// How outbox entries are written to storage: errors as plain `{ code, message }`, since a class
// instance does not survive JSON. Reading them back is outbox-restore.ts, apart, since only a page
// that finds messages an earlier one left unsent needs it.
import type { SwitchboardError } from '../errors.js';
import type { PendingMessage } from '../types.js';

export interface StoredEntry extends Omit<PendingMessage, 'error'> {
  error: { code: SwitchboardError['code']; message: string } | null;
}

export function toStored(entry: PendingMessage): StoredEntry {
  return { ...entry, error: entry.error ? { code: entry.error.code, message: entry.error.message } : null };
}
