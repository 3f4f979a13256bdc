import { count, eq, inArray, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toAgent } from '../mappers.js';
import { agents, conversations } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteAgents(db: SqliteDb, now: () => number): Store['agents'] {
  const byId = db
    .select()
    .from(agents)
    .where(eq(agents.id, sql.placeholder('id')))
    .prepare();
  const all = db.select().from(agents).prepare();
  const loads = db
    .select({ agentId: conversations.assigneeId, n: count() })
    .from(conversations)
    .where(inArray(conversations.status, ['active', 'pending']))
    .groupBy(conversations.assigneeId)
    .prepare();

  return {
    async create(agent) {
      const row = db
        .insert(agents)
        .values({
          id: ulid(),
          ...agent,
          email: agent.email.toLowerCase(),
          status: 'offline',
          createdAt: now(),
        })
        .returning()
        .get();
      return toAgent(row);
    },
    async byId(id) {
      const row = byId.get({ id });
      return row ? toAgent(row) : null;
    },
    async update(id, changes) {
      const row = db.update(agents).set(changes).where(eq(agents.id, id)).returning().get();
      return row ? toAgent(row) : null;
    },
    async presence(ids) {
      const wanted = ids ? new Set(ids) : null;
      const load = new Map(loads.all().map((r) => [r.agentId, r.n]));
      return all
        .all()
        .filter((row) => !wanted || wanted.has(row.id))
        .map((row) => {
          const { passwordHash: _hash, ...agent } = toAgent(row);
          return { ...agent, load: load.get(row.id) ?? 0 };
        });
    },
    async byEmail(email) {
      const row = db.select().from(agents).where(eq(agents.email, email.toLowerCase())).get();
      return row ? toAgent(row) : null;
    },
  };
}
