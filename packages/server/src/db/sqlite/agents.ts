import { eq } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toAgent } from '../mappers.js';
import { agents } from '../schema.js';
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
    async byEmail(email) {
      const row = db.select().from(agents).where(eq(agents.email, email.toLowerCase())).get();
      return row ? toAgent(row) : null;
    },
  };
}
