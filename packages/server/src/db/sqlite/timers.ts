import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { timers } from '../schema.js';
import type { Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

export function sqliteTimers(db: SqliteDb, immediate: Immediate): Store['timers'] {
  // Armed on every message and cancelled on every connection: prepared once.
  const arm = db
    .insert(timers)
    .values({
      kind: sql`${sql.placeholder('kind')}`,
      subjectId: sql`${sql.placeholder('subjectId')}`,
      dueAt: sql`${sql.placeholder('dueAt')}`,
      firedAt: null,
    })
    .onConflictDoUpdate({
      target: [timers.kind, timers.subjectId],
      set: { dueAt: sql`excluded.due_at`, firedAt: null },
    })
    .prepare();
  const cancel = db
    .delete(timers)
    .where(and(eq(timers.kind, sql.placeholder('kind')), eq(timers.subjectId, sql.placeholder('subjectId'))))
    .prepare();

  return {
    async arm(kind, subjectId, dueAt) {
      arm.run({ kind, subjectId, dueAt });
    },
    async cancel(kind, subjectId) {
      cancel.run({ kind, subjectId });
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
