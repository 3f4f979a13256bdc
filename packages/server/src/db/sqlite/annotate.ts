// Tags and labels on a conversation: agents' own bookkeeping, changed in one transaction with
// the timeline events that record it.
import { and, eq, inArray } from 'drizzle-orm';
import { MAX_LABELS, MAX_TAGS, ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toConversation } from '../mappers.js';
import { conversationEvents, conversations, labels } from '../schema.js';
import type { Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

/** `held` with `add` appended (those not in it yet, once) and `remove` taken out. */
function changed(held: readonly string[], add: readonly string[] = [], remove: readonly string[] = []) {
  const removing = new Set(remove);
  const next = held.filter((item) => !removing.has(item));
  for (const item of add) if (!next.includes(item) && !removing.has(item)) next.push(item);
  return {
    next,
    added: next.filter((item) => !held.includes(item)),
    removed: held.filter((item) => !next.includes(item)),
  };
}

export function sqliteAnnotate(
  db: SqliteDb,
  immediate: Immediate,
  now: () => number,
): Store['conversations']['annotate'] {
  return async ({ conversationId, tags, labels: labelChanges, actor }) =>
    immediate(() => {
      const row = db.select().from(conversations).where(eq(conversations.id, conversationId)).get();
      if (!row) return null;
      const tagChange = changed(row.tags, tags?.add, tags?.remove);
      const labelChange = changed(row.labelIds, labelChanges?.add, labelChanges?.remove);
      // Labels going on must be the conversation's site's; their names go into the timeline.
      const named = [...labelChange.added, ...labelChange.removed];
      const known = new Map(
        (named.length === 0
          ? []
          : db
              .select()
              .from(labels)
              .where(and(eq(labels.siteId, row.siteId), inArray(labels.id, named)))
              .all()
        ).map((label) => [label.id, label.name]),
      );
      const missing = labelChange.added.find((id) => !known.has(id));
      if (missing !== undefined) throw AppError.notFound(`Label ${missing}`);
      if (tagChange.added.length > 0 && tagChange.next.length > MAX_TAGS)
        throw new AppError('conflict', `A conversation has at most ${MAX_TAGS} tags`);
      if (labelChange.added.length > 0 && labelChange.next.length > MAX_LABELS)
        throw new AppError('conflict', `A conversation has at most ${MAX_LABELS} labels`);

      const events = [
        ...tagChange.added.map((tag) => ({ type: 'tag_added' as const, data: { tag } })),
        ...tagChange.removed.map((tag) => ({ type: 'tag_removed' as const, data: { tag } })),
        ...labelChange.added.map((labelId) => ({
          type: 'label_added' as const,
          data: { labelId, name: known.get(labelId) ?? null },
        })),
        ...labelChange.removed.map((labelId) => ({
          type: 'label_removed' as const,
          data: { labelId, name: known.get(labelId) ?? null },
        })),
      ];
      if (events.length === 0) return { conversation: toConversation(row), changed: false };
      const time = now();
      const updated = db
        .update(conversations)
        .set({ tags: tagChange.next, labelIds: labelChange.next, updatedAt: time })
        .where(eq(conversations.id, conversationId))
        .returning()
        .get();
      if (!updated) return null;
      db.insert(conversationEvents)
        .values(
          events.map((event) => ({
            id: ulid(),
            conversationId,
            ...event,
            actorKind: actor.kind,
            actorId: actor.id,
            fromStatus: null,
            toStatus: null,
            createdAt: time,
          })),
        )
        .run();
      return { conversation: toConversation(updated), changed: true };
    });
}
