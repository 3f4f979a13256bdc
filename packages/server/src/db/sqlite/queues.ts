import { and, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toQueue } from '../mappers.js';
import { conversations, queueMembers, queues, type QueueRow } from '../schema.js';
import type { Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

export function sqliteQueues(db: SqliteDb, immediate: Immediate, now: () => number): Store['queues'] {
  const waitingFilter = and(
    eq(conversations.queueId, sql.placeholder('queueId')),
    eq(conversations.status, 'queued'),
    isNull(conversations.assigneeId),
  );
  // Routing reads these on every drain; prepared once, they skip query building and parsing.
  const byId = db
    .select()
    .from(queues)
    .where(eq(queues.id, sql.placeholder('id')))
    .prepare();
  const membersOf = db
    .select({ agentId: queueMembers.agentId })
    .from(queueMembers)
    .where(eq(queueMembers.queueId, sql.placeholder('queueId')))
    .prepare();
  const waitingCount = db.select({ n: count() }).from(conversations).where(waitingFilter).prepare();
  const waitingList = db
    .select({
      conversationId: conversations.id,
      priority: conversations.priority,
      queuedAt: sql<number>`coalesce(${conversations.queuedAt}, ${conversations.createdAt})`,
      requiredSkills: conversations.requiredSkills,
    })
    .from(conversations)
    .where(waitingFilter)
    .prepare();
  const recentWaits = db
    .select({ queuedAt: conversations.queuedAt, assignedAt: conversations.assignedAt })
    .from(conversations)
    .where(
      and(
        eq(conversations.queueId, sql.placeholder('queueId')),
        isNotNull(conversations.assignedAt),
        isNotNull(conversations.queuedAt),
      ),
    )
    .orderBy(desc(conversations.assignedAt))
    .limit(sql.placeholder('limit'))
    .prepare();
  const setCursor = db
    .update(queues)
    .set({ lastAgentId: sql`${sql.placeholder('lastAgentId')}` })
    .where(eq(queues.id, sql.placeholder('queueId')))
    .prepare();

  const defaultOf = db
    .select()
    .from(queues)
    .where(and(eq(queues.siteId, sql.placeholder('siteId')), eq(queues.isDefault, true)))
    .prepare();

  const hydrate = (row: QueueRow) => {
    const memberIds = membersOf.all({ queueId: row.id }).map((m) => m.agentId);
    return toQueue(row, memberIds, waitingCount.get({ queueId: row.id })?.n ?? 0);
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
      const row = byId.get({ id });
      return row ? hydrate(row) : null;
    },
    async defaultForSite(siteId) {
      const row = defaultOf.get({ siteId });
      return row ? hydrate(row) : null;
    },
    async list() {
      return db.select().from(queues).orderBy(queues.createdAt).all().map(hydrate);
    },
    async addMember(queueId, agentId) {
      db.insert(queueMembers).values({ queueId, agentId }).onConflictDoNothing().run();
    },
    async update(id, changes) {
      const row = db.update(queues).set(changes).where(eq(queues.id, id)).returning().get();
      return row ? hydrate(row) : null;
    },
    async setMembers(queueId, agentIds) {
      immediate(() => {
        db.delete(queueMembers).where(eq(queueMembers.queueId, queueId)).run();
        for (const agentId of agentIds) db.insert(queueMembers).values({ queueId, agentId }).run();
      });
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
      setCursor.run({ queueId, lastAgentId });
    },
    async waiting(queueId) {
      return waitingList.all({ queueId });
    },
    async recentWaits(queueId, limit) {
      return recentWaits
        .all({ queueId, limit })
        .map((r) => Math.max(0, ((r.assignedAt ?? 0) - (r.queuedAt ?? 0)) / 1000));
    },
  };
}
