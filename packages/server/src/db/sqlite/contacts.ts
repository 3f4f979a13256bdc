import { eq, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toContact } from '../mappers.js';
import { contacts } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteContacts(db: SqliteDb, now: () => number): Store['contacts'] {
  const byId = db
    .select()
    .from(contacts)
    .where(eq(contacts.id, sql.placeholder('id')))
    .prepare();
  return {
    async create({ siteId, resumeSecretHash }) {
      const row = db
        .insert(contacts)
        .values({ id: ulid(), siteId, resumeSecretHash, attributes: {}, createdAt: now() })
        .returning()
        .get();
      return toContact(row);
    },
    async byId(id) {
      const row = byId.get({ id });
      return row ? toContact(row) : null;
    },
    async update(id, { name, email, attributes }) {
      // One transaction, so two bots merging attributes at once both keep their fields.
      return db.transaction((tx) => {
        const current = tx.select().from(contacts).where(eq(contacts.id, id)).get();
        if (!current) return null;
        const row = tx
          .update(contacts)
          .set({
            name: name ?? current.name,
            email: email ?? current.email,
            attributes: { ...current.attributes, ...attributes },
          })
          .where(eq(contacts.id, id))
          .returning()
          .get();
        return row ? toContact(row) : null;
      });
    },
  };
}
