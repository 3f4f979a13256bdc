import { asc, eq, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toTimelineEvent } from '../mappers.js';
import { conversationEvents } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteTimeline(db: SqliteDb, now: () => number): Store['timeline'] {
  return {
    async record(conversationId, event) {
      db.insert(conversationEvents)
        .values({
          id: ulid(),
          conversationId,
          fromStatus: null,
          toStatus: null,
          data: {},
          ...event,
          createdAt: now(),
        })
        .run();
    },
    async list(conversationId) {
      return (
        db
          .select()
          .from(conversationEvents)
          .where(eq(conversationEvents.conversationId, conversationId))
          // Events of one transaction share a timestamp and their ids are random: the insertion
          // order (rowid) keeps them in the order they were written.
          .orderBy(asc(conversationEvents.createdAt), sql`rowid`)
          .all()
          .map(toTimelineEvent)
      );
    },
  };
}
