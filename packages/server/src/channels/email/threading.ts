// Email threading, RFC 5322 §3.6.4: a message names itself in Message-ID and the messages it
// answers in In-Reply-To and References. Ids are compared exactly as `<id-left@id-right>`, which
// is how they are stored on messages, so a reply to any stored message finds its conversation.
import { createHash } from 'node:crypto';

const BRACKETED = /<[^<>\s]+>/g;

/** `<id>` from an id written with or without angle brackets; null when there is none. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  const bare = (value ?? '').trim().replace(/^<+|>+$/g, '');
  return bare === '' || /[\s<>]/.test(bare) ? null : `<${bare}>`;
}

/**
 * The ids in header values, in order and without repeats: `parseIdList(inReplyTo, references)`
 * puts the message answered first, as the inbox looks for it first.
 */
export function parseIdList(...values: (string | string[] | null | undefined)[]): string[] {
  const ids: string[] = [];
  for (const value of values.flat()) {
    if (!value) continue;
    const bracketed = value.match(BRACKETED);
    // Some clients write bare ids separated by spaces or commas.
    const found = bracketed ?? value.split(/[\s,]+/).map(normalizeMessageId);
    for (const id of found) if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

const REPLY_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** The subject as the conversation shows it: without the Re:/Fwd: chain clients prepend. */
export function displaySubject(subject: string | undefined): string | undefined {
  const stripped = (subject ?? '').replace(REPLY_PREFIX, '').trim();
  return stripped === '' ? undefined : stripped;
}

/**
 * A stable stand-in for a mail that came without a Message-ID (rare; some scripts), so a
 * provider's retry of it is still recognised as the same message.
 */
export function derivedMessageIdFor(...parts: (string | undefined)[]): string {
  const digest = createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  return `<${digest}@switchboard.invalid>`;
}
