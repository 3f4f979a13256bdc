import { count, eq, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { randomSecret } from '../../lib/secrets.js';
import { toSite } from '../mappers.js';
import { labels, sites } from '../schema.js';
import type { Store } from '../store.js';
import { defaultLabelRows } from './labels.js';
import type { SqliteDb } from './open.js';

export function sqliteSites(db: SqliteDb, now: () => number): Store['sites'] {
  const byKey = db
    .select()
    .from(sites)
    .where(eq(sites.siteKey, sql.placeholder('siteKey')))
    .prepare();
  const byId = db
    .select()
    .from(sites)
    .where(eq(sites.id, sql.placeholder('id')))
    .prepare();

  return {
    async create(site) {
      // A site comes with its default labels, or not at all.
      return db.transaction((tx) => {
        const time = now();
        const row = tx
          .insert(sites)
          .values({ id: ulid(), signingSecret: randomSecret(), ...site, createdAt: time })
          .returning()
          .get();
        tx.insert(labels).values(defaultLabelRows(row.id, time)).run();
        return toSite(row);
      });
    },
    async byId(id) {
      const row = byId.get({ id });
      return row ? toSite(row) : null;
    },
    async byKey(siteKey) {
      const row = byKey.get({ siteKey });
      return row ? toSite(row) : null;
    },
    async list() {
      return db.select().from(sites).orderBy(sites.createdAt).all().map(toSite);
    },
    async setBusinessHours(id, businessHours) {
      const row = db.update(sites).set({ businessHours }).where(eq(sites.id, id)).returning().get();
      return row ? toSite(row) : null;
    },
    async update(id, changes) {
      const row = db.update(sites).set(changes).where(eq(sites.id, id)).returning().get();
      return row ? toSite(row) : null;
    },
    async count() {
      return db.select({ n: count() }).from(sites).get()?.n ?? 0;
    },
  };
}
