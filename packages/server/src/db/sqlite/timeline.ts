import { asc, eq } from 'drizzle-orm';
import { toTimelineEvent } from '../mappers.js';
import { conversationEvents } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteTimeline(db: SqliteDb): Store['timeline'] {
  return {
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
