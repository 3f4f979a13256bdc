import { and, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toQueue } from '../mappers.js';
import { conversations, queueMembers, queues, type QueueRow } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteQueues(db: SqliteDb, now: () => number): Store['queues'] {
  const waitingFilter = (queueId: string) =>
    and(
      eq(conversations.queueId, queueId),
      eq(conversations.status, 'queued'),
      isNull(conversations.assigneeId),
    );

  const hydrate = (row: QueueRow) => {
    const memberIds = db
      .select({ agentId: queueMembers.agentId })
      .from(queueMembers)
      .where(eq(queueMembers.queueId, row.id))
      .all()
      .map((m) => m.agentId);
    const waiting = db.select({ n: count() }).from(conversations).where(waitingFilter(row.id)).get()?.n ?? 0;
    return toQueue(row, memberIds, waiting);
  };

  return {
    async create(queue) {
      const row = db
        .insert(queues)
        .values({ id: ulid(), ...queue, createdAt: now() })
        .returning()
        .get();
      return hydrate(row);
    },
    async byId(id) {
      const row = db.select().from(queues).where(eq(queues.id, id)).get();
      return row ? hydrate(row) : null;
    },
    async defaultForSite(siteId) {
      const row = db
        .select()
        .from(queues)
        .where(and(eq(queues.siteId, siteId), eq(queues.isDefault, true)))
        .get();
      return row ? hydrate(row) : null;
    },
    async list() {
      return db.select().from(queues).orderBy(queues.createdAt).all().map(hydrate);
    },
    async addMember(queueId, agentId) {
      db.insert(queueMembers).values({ queueId, agentId }).onConflictDoNothing().run();
    },
    async ofAgent(agentId) {
      return db
        .select({ queueId: queueMembers.queueId })
        .from(queueMembers)
        .where(eq(queueMembers.agentId, agentId))
        .all()
        .map((r) => r.queueId);
    },
    async setCursor(queueId, lastAgentId) {
      db.update(queues).set({ lastAgentId }).where(eq(queues.id, queueId)).run();
    },
    async waiting(queueId) {
      return db
        .select({
          conversationId: conversations.id,
          priority: conversations.priority,
          queuedAt: sql<number>`coalesce(${conversations.queuedAt}, ${conversations.createdAt})`,
          requiredSkills: conversations.requiredSkills,
        })
        .from(conversations)
        .where(waitingFilter(queueId))
        .all();
    },
    async recentWaits(queueId, limit) {
      return db
        .select({ queuedAt: conversations.queuedAt, assignedAt: conversations.assignedAt })
        .from(conversations)
        .where(
          and(
            eq(conversations.queueId, queueId),
            isNotNull(conversations.assignedAt),
            isNotNull(conversations.queuedAt),
          ),
        )
        .orderBy(desc(conversations.assignedAt))
        .limit(limit)
        .all()
        .map((r) => Math.max(0, ((r.assignedAt ?? 0) - (r.queuedAt ?? 0)) / 1000));
    },
  };
}
