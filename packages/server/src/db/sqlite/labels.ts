import { and, asc, eq, ne } from 'drizzle-orm';
import { DEFAULT_LABELS, ulid, type Label } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toLabel } from '../mappers.js';
import { labels, sites } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

/** How names are compared: `Bug Report` and `bug report` are one label. */
export const labelNameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

const defaultOrder = (label: Label) => {
  const index = DEFAULT_LABELS.findIndex((entry) => entry.key === label.key);
  return index === -1 ? DEFAULT_LABELS.length : index;
};

/** The defaults in `DEFAULT_LABELS` order, then custom labels oldest first (by site). */
const byDisplayOrder = (a: Label, b: Label) =>
  a.siteId.localeCompare(b.siteId) ||
  defaultOrder(a) - defaultOrder(b) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

/** The rows of a new site's default labels. */
export function defaultLabelRows(siteId: string, time: number) {
  return DEFAULT_LABELS.map(({ key, name, color }) => ({
    id: ulid(),
    siteId,
    key,
    name,
    nameKey: labelNameKey(name),
    color,
    createdBy: null,
    createdAt: time,
  }));
}

export function sqliteLabels(db: SqliteDb, now: () => number): Store['labels'] {
  const nameTaken = (siteId: string, name: string, except?: string) =>
    db
      .select({ id: labels.id })
      .from(labels)
      .where(
        and(
          eq(labels.siteId, siteId),
          eq(labels.nameKey, labelNameKey(name)),
          except === undefined ? undefined : ne(labels.id, except),
        ),
      )
      .get() !== undefined;
  const conflict = (name: string) =>
    new AppError('conflict', `The site already has a label named "${name.trim()}"`);

  return {
    async list(siteId) {
      const query = db.select().from(labels);
      const rows = (siteId === undefined ? query : query.where(eq(labels.siteId, siteId)))
        .orderBy(asc(labels.createdAt))
        .all();
      return rows.map(toLabel).sort(byDisplayOrder);
    },
    async byId(id) {
      const row = db.select().from(labels).where(eq(labels.id, id)).get();
      return row ? toLabel(row) : null;
    },
    async create({ siteId, name, color, createdBy }) {
      // One transaction: the check and the insert see the same labels (the unique index backs it).
      return db.transaction(
        (tx) => {
          if (!tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).get())
            throw AppError.notFound('Site');
          if (nameTaken(siteId, name)) throw conflict(name);
          const row = tx
            .insert(labels)
            .values({
              id: ulid(),
              siteId,
              key: null,
              name,
              nameKey: labelNameKey(name),
              color,
              createdBy,
              createdAt: now(),
            })
            .returning()
            .get();
          return toLabel(row);
        },
        { behavior: 'immediate' },
      );
    },
    async update(id, { name, color }) {
      return db.transaction(
        (tx) => {
          const current = tx.select().from(labels).where(eq(labels.id, id)).get();
          if (!current) return null;
          if (name !== undefined && nameTaken(current.siteId, name, id)) throw conflict(name);
          const row = tx
            .update(labels)
            .set({
              ...(name === undefined ? {} : { name, nameKey: labelNameKey(name) }),
              ...(color === undefined ? {} : { color }),
            })
            .where(eq(labels.id, id))
            .returning()
            .get();
          return row ? toLabel(row) : null;
        },
        { behavior: 'immediate' },
      );
    },
  };
}
