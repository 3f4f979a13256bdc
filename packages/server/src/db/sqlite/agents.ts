import { count, eq, inArray } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toAgent } from '../mappers.js';
import { agents, conversations } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteAgents(db: SqliteDb, now: () => number): Store['agents'] {
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
      const row = db.select().from(agents).where(eq(agents.id, id)).get();
      return row ? toAgent(row) : null;
    },
    async update(id, changes) {
      const row = db.update(agents).set(changes).where(eq(agents.id, id)).returning().get();
      return row ? toAgent(row) : null;
    },
    async presence(ids) {
      const rows = ids
        ? db
            .select()
            .from(agents)
            .where(inArray(agents.id, [...ids]))
            .all()
        : db.select().from(agents).all();
      const loads = new Map(
        db
          .select({ agentId: conversations.assigneeId, n: count() })
          .from(conversations)
          .where(inArray(conversations.status, ['active', 'pending']))
          .groupBy(conversations.assigneeId)
          .all()
          .map((r) => [r.agentId, r.n]),
      );
      return rows.map((row) => {
        const { passwordHash: _hash, ...agent } = toAgent(row);
        return { ...agent, load: loads.get(row.id) ?? 0 };
      });
    },
    async byEmail(email) {
      const row = db.select().from(agents).where(eq(agents.email, email.toLowerCase())).get();
      return row ? toAgent(row) : null;
    },
  };
}
