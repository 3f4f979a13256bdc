import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES, ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toConversation } from '../mappers.js';
import { agents, conversationEvents, conversations } from '../schema.js';
import type { Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

// Pages are keyed by (updatedAt, id) so concurrent updates never skip or repeat a row mid-scan.
const encodeCursor = (updatedAt: number, id: string) =>
  Buffer.from(`${updatedAt}:${id}`).toString('base64url');

function decodeCursor(cursor: string): { updatedAt: number; id: string } {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const at = Number(updatedAt);
  if (!id || !Number.isSafeInteger(at)) throw new AppError('invalid_payload', 'Invalid cursor');
  return { updatedAt: at, id };
}

export function sqliteConversations(
  db: SqliteDb,
  immediate: Immediate,
  now: () => number,
): Store['conversations'] {
  // Every socket request looks its conversation up; prepared once, it skips query building.
  const findById = db
    .select()
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();

  return {
    async byId(id) {
      const row = findById.get({ id });
      return row ? toConversation(row) : null;
    },

    async openOrCreate({ siteId, contactId, channel, status, queueId }) {
      // IMMEDIATE takes the write lock first, so two tabs starting at once still share one conversation.
      return db.transaction(
        (tx) => {
          const open = tx
            .select()
            .from(conversations)
            .where(
              and(
                eq(conversations.contactId, contactId),
                eq(conversations.channel, channel),
                inArray(conversations.status, [...OPEN_STATUSES]),
              ),
            )
            .orderBy(desc(conversations.updatedAt))
            .get();
          if (open) return { conversation: toConversation(open), created: false };
          const time = now();
          const row = tx
            .insert(conversations)
            .values({
              id: ulid(),
              siteId,
              contactId,
              channel,
              status,
              queueId,
              queuedAt: status === 'queued' ? time : null,
              priority: 'normal',
              createdAt: time,
              updatedAt: time,
            })
            .returning()
            .get();
          tx.insert(conversationEvents)
            .values({
              id: ulid(),
              conversationId: row.id,
              type: 'created',
              actorKind: 'visitor',
              actorId: contactId,
              fromStatus: null,
              toStatus: status,
              data: { channel, queueId },
              createdAt: time,
            })
            .run();
          return { conversation: toConversation(row), created: true };
        },
        { behavior: 'immediate' },
      );
    },

    async transition({ conversationId, expect, set, assignTo, event }) {
      return immediate(() => {
        // Under BEGIN IMMEDIATE no other writer runs, so reading, checking and writing here is
        // as atomic as one conditional UPDATE (which is what the Postgres store will use).
        const current = findById.get({ id: conversationId });
        if (!current) return { ok: false, reason: 'not_found', current: null } as const;
        const previous = toConversation(current);
        const statusOk = !expect.statuses || expect.statuses.includes(current.status);
        const ownerOk = expect.assigneeId === undefined || expect.assigneeId === current.assigneeId;
        if (!statusOk || !ownerOk) return { ok: false, reason: 'precondition', current: previous } as const;
        const time = now();
        if (assignTo) {
          const agent = db.select().from(agents).where(eq(agents.id, assignTo)).get();
          const load =
            db
              .select({ n: count() })
              .from(conversations)
              .where(
                and(
                  eq(conversations.assigneeId, assignTo),
                  inArray(conversations.status, ['active', 'pending']),
                ),
              )
              .get()?.n ?? 0;
          if (!agent || load >= agent.capacity)
            return { ok: false, reason: 'capacity', current: previous } as const;
          db.update(agents).set({ lastAssignedAt: time }).where(eq(agents.id, assignTo)).run();
        }
        const row = db
          .update(conversations)
          .set({ ...set, updatedAt: time })
          .where(eq(conversations.id, conversationId))
          .returning()
          .get();
        if (!row) return { ok: false, reason: 'not_found', current: null } as const;
        db.insert(conversationEvents)
          .values({
            id: ulid(),
            conversationId,
            type: event.type,
            actorKind: event.actorKind,
            actorId: event.actorId,
            fromStatus: current.status,
            toStatus: row.status,
            data: event.data ?? {},
            createdAt: time,
          })
          .run();
        return { ok: true, conversation: toConversation(row), previous } as const;
      });
    },

    async list({ contactId, status, limit, cursor }) {
      const conditions: SQL[] = [];
      if (contactId) conditions.push(eq(conversations.contactId, contactId));
      if (status) conditions.push(eq(conversations.status, status));
      if (cursor) {
        const after = decodeCursor(cursor);
        const older = or(
          lt(conversations.updatedAt, after.updatedAt),
          and(eq(conversations.updatedAt, after.updatedAt), lt(conversations.id, after.id)),
        );
        if (older) conditions.push(older);
      }
      const rows = db
        .select()
        .from(conversations)
        .where(and(...conditions))
        .orderBy(desc(conversations.updatedAt), desc(conversations.id))
        .limit(limit + 1)
        .all();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toConversation),
        nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
      };
    },
  };
}
