// What a visitor keeps across reloads: the resume credential and the conversation it was in.
// The short-lived token is never stored; it is re-minted from the credential on every page load.
import type { VisitorResume } from '@switchboard/protocol';
import type { KeyValueStorage } from '../types.js';
import { readJson, removeKey, writeJson } from '../core/storage.js';

export interface StoredVisitorSession {
  /** The site the credential belongs to, so two widgets sharing a storage do not mix them up. */
  siteKey: string;
  resume: VisitorResume;
  conversationId: string | null;
}

export interface VisitorSessionStorage {
  /** The key the outbox persists under. */
  readonly outboxKey: string;
  read(): StoredVisitorSession | null;
  write(session: StoredVisitorSession): void;
  /** Forgets the credential and conversation (the outbox is cleared by its owner). */
  clear(): void;
}

function parse(value: unknown, siteKey: string): StoredVisitorSession | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const resume = v.resume as Record<string, unknown> | null | undefined;
  if (v.siteKey !== siteKey || typeof resume !== 'object' || resume === null) return null;
  if (typeof resume.contactId !== 'string' || typeof resume.secret !== 'string') return null;
  return {
    siteKey,
    resume: { contactId: resume.contactId, secret: resume.secret },
    conversationId: typeof v.conversationId === 'string' ? v.conversationId : null,
  };
}

/**
 * Keys: `${prefix}session` and `${prefix}outbox`. With no storage everything lives in memory, so
 * reconnects within the page still resume the same visitor.
 */
export function createVisitorSessionStorage(
  storage: KeyValueStorage | null,
  prefix: string,
  siteKey: string,
): VisitorSessionStorage {
  const sessionKey = `${prefix}session`;
  let memory: StoredVisitorSession | null = null;
  let last = '';

  return {
    outboxKey: `${prefix}outbox`,

    read() {
      if (memory) return memory;
      if (!storage) return null;
      memory = parse(readJson(storage, sessionKey), siteKey);
      if (memory) last = JSON.stringify(memory);
      return memory;
    },

    write(session) {
      memory = session;
      const serialized = JSON.stringify(session);
      // Skip identical writes: resuming on every page view should not churn the storage.
      if (!storage || serialized === last) return;
      if (writeJson(storage, sessionKey, session)) last = serialized;
    },

    clear() {
      memory = null;
      last = '';
      if (storage) removeKey(storage, sessionKey);
    },
  };
}
