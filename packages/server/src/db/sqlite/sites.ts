import { count, eq } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toSite } from '../mappers.js';
import { sites } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteSites(db: SqliteDb, now: () => number): Store['sites'] {
  return {
    async create(site) {
      const row = db
        .insert(sites)
        .values({ id: ulid(), ...site, createdAt: now() })
        .returning()
        .get();
      return toSite(row);
    },
    async byId(id) {
      const row = db.select().from(sites).where(eq(sites.id, id)).get();
      return row ? toSite(row) : null;
    },
    async byKey(siteKey) {
      const row = db.select().from(sites).where(eq(sites.siteKey, siteKey)).get();
      return row ? toSite(row) : null;
    },
    async count() {
      return db.select({ n: count() }).from(sites).get()?.n ?? 0;
    },
  };
}
