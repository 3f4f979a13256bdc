// Pure reducers for the agent's collaboration state: mentions, labels and contacts. Like the
// others, each hands back what it left alone by identity.
import type { Contact, Label, Mention } from '@switchboard/protocol';
import { sameRecord } from '../core/records.js';

type ById<T> = Readonly<Record<string, T>>;

/** The most mentions held; older ones stay on the server (`listMentions` pages through them). */
export const MAX_HELD_MENTIONS = 500;

const newestFirst = (a: Mention, b: Mention) =>
  b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Merges mentions into the held list, newest first. A list fetched before a live change may
 * answer after it, so nothing held is dropped and a read mark is never taken back.
 */
export function mergeMentions(held: readonly Mention[], incoming: readonly Mention[]): readonly Mention[] {
  const byId = new Map(held.map((mention) => [mention.id, mention]));
  let changed = false;
  for (const mention of incoming) {
    const current = byId.get(mention.id);
    const next = current?.readAt != null && mention.readAt === null ? current : mention;
    if (current !== undefined && sameRecord(current, next)) continue;
    byId.set(mention.id, next);
    changed = true;
  }
  if (!changed) return held;
  return [...byId.values()].sort(newestFirst).slice(0, MAX_HELD_MENTIONS);
}

/** Marks the held mentions with these ids read at `readAt` (ones already read keep their time). */
export function markMentionsRead(
  held: readonly Mention[],
  mentionIds: readonly string[],
  readAt: string,
): readonly Mention[] {
  const ids = new Set(mentionIds);
  if (!held.some((mention) => ids.has(mention.id) && mention.readAt === null)) return held;
  return held.map((mention) =>
    ids.has(mention.id) && mention.readAt === null ? { ...mention, readAt } : mention,
  );
}

export function unreadCount(mentions: readonly Mention[]): number {
  return mentions.filter((mention) => mention.readAt === null).length;
}

/** A label from an event or an ack. */
export function upsertLabel(labels: ById<Label>, label: Label): ById<Label> {
  const held = labels[label.id];
  if (held !== undefined && sameRecord(held, label)) return labels;
  return { ...labels, [label.id]: label };
}

/**
 * A fetched list of labels. Labels are never deleted, so the list adds and refreshes; one a live
 * event changed while the fetch was in flight (`changedSince`) keeps its live copy.
 */
export function mergeLabels(
  labels: ById<Label>,
  list: readonly Label[],
  changedSince: (labelId: string) => boolean,
): ById<Label> {
  let next = labels;
  for (const label of list) if (!changedSince(label.id)) next = upsertLabel(next, label);
  return next;
}

/** A contact into `state.contacts`; with `onlyIfHeld`, only when the client already holds it (live events). */
export function upsertContact(contacts: ById<Contact>, contact: Contact, onlyIfHeld = false): ById<Contact> {
  const held = contacts[contact.id];
  if (held === undefined && onlyIfHeld) return contacts;
  // Contacts nest (attributes, the pre-chat form): compared as the JSON they arrived as.
  if (held !== undefined && JSON.stringify(held) === JSON.stringify(contact)) return contacts;
  return { ...contacts, [contact.id]: contact };
}
