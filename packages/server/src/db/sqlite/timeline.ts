import { asc, eq } from 'drizzle-orm';
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
      return db
        .select()
        .from(conversationEvents)
        .where(eq(conversationEvents.conversationId, conversationId))
        .orderBy(asc(conversationEvents.createdAt), asc(conversationEvents.id))
        .all()
        .map(toTimelineEvent);
    },
  };
}
