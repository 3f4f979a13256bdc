import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { timers } from '../schema.js';
import type { Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

export function sqliteTimers(db: SqliteDb, immediate: Immediate): Store['timers'] {
  return {
    async arm(kind, subjectId, dueAt) {
      db.insert(timers)
        .values({ kind, subjectId, dueAt, firedAt: null })
        .onConflictDoUpdate({ target: [timers.kind, timers.subjectId], set: { dueAt, firedAt: null } })
        .run();
    },
    async cancel(kind, subjectId) {
      db.delete(timers)
        .where(and(eq(timers.kind, kind), eq(timers.subjectId, subjectId)))
        .run();
    },
    async claimDue(now, limit) {
      return immediate(() => {
        const due = db
          .select()
          .from(timers)
          .where(and(isNull(timers.firedAt), lte(timers.dueAt, now)))
          .orderBy(asc(timers.dueAt))
          .limit(limit)
          .all();
        // The conditional update is the claim: only a timer still unfired is taken.
        return due.filter(
          (t) =>
            db
              .update(timers)
              .set({ firedAt: now })
              .where(and(eq(timers.kind, t.kind), eq(timers.subjectId, t.subjectId), isNull(timers.firedAt)))
              .run().changes === 1,
        );
      });
    },
  };
}
