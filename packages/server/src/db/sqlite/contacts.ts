import { and, asc, eq, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toContact } from '../mappers.js';
import { contacts } from '../schema.js';
import type { ContactProfile, Store } from '../store.js';
import type { SqliteDb } from './open.js';

type ProfileColumns = Pick<
  typeof contacts.$inferSelect,
  'name' | 'email' | 'phone' | 'avatarUrl' | 'attributes'
>;

const BLANK: ProfileColumns = { name: null, email: null, phone: null, avatarUrl: null, attributes: {} };

/** The columns a profile sets: given fields replace, attributes merge over the current ones. */
export function merged(current: ProfileColumns, { attributes, ...fields }: ContactProfile): ProfileColumns {
  return {
    name: fields.name ?? current.name,
    email: fields.email ?? current.email,
    phone: fields.phone ?? current.phone,
    avatarUrl: fields.avatarUrl ?? current.avatarUrl,
    attributes: { ...current.attributes, ...attributes },
  };
}

export function sqliteContacts(db: SqliteDb, now: () => number): Omit<Store['contacts'], 'edit'> {
  const byId = db
    .select()
    .from(contacts)
    .where(eq(contacts.id, sql.placeholder('id')))
    .prepare();
  const byExternalId = db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.siteId, sql.placeholder('siteId')),
        eq(contacts.externalId, sql.placeholder('externalId')),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(1)
    .prepare();

  return {
    async create({ siteId, resumeSecretHash, profile = {} }) {
      const row = db
        .insert(contacts)
        .values({
          id: ulid(),
          siteId,
          resumeSecretHash,
          ...merged(BLANK, profile),
          createdAt: now(),
        })
        .returning()
        .get();
      return toContact(row);
    },
    async byId(id) {
      const row = byId.get({ id });
      return row ? toContact(row) : null;
    },
    async byExternalId(siteId, externalId) {
      const row = byExternalId.get({ siteId, externalId });
      return row ? toContact(row) : null;
    },
    async update(id, changes) {
      // One transaction, so two bots merging attributes at once both keep their fields.
      return db.transaction((tx) => {
        const current = tx.select().from(contacts).where(eq(contacts.id, id)).get();
        if (!current) return null;
        const row = tx
          .update(contacts)
          .set(merged(current, changes))
          .where(eq(contacts.id, id))
          .returning()
          .get();
        return row ? toContact(row) : null;
      });
    },
    async identify({ siteId, externalId, profile, resumeSecretHash, current }) {
      // BEGIN IMMEDIATE: two devices signing the same new user in at once must not both find
      // nobody and create two contacts.
      return db.transaction(
        (tx) => {
          const known = byExternalId.get({ siteId, externalId });
          const own =
            current === null ? undefined : tx.select().from(contacts).where(eq(contacts.id, current)).get();
          const adoptable = own && own.siteId === siteId && own.externalId === null ? own : undefined;
          const target = known ?? adoptable;
          const secretReplaced = target?.id !== current;
          if (!target) {
            const row = tx
              .insert(contacts)
              .values({
                id: ulid(),
                siteId,
                externalId,
                resumeSecretHash,
                ...merged(BLANK, profile),
                createdAt: now(),
              })
              .returning()
              .get();
            return { contact: toContact(row), secretReplaced };
          }
          const row = tx
            .update(contacts)
            .set({
              ...merged(target, profile),
              externalId,
              ...(secretReplaced ? { resumeSecretHash } : {}),
            })
            .where(eq(contacts.id, target.id))
            .returning()
            .get();
          return { contact: toContact(row ?? target), secretReplaced };
        },
        { behavior: 'immediate' },
      );
    },
  };
}
