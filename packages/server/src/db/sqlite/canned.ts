import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { cannedSearchText, searchCannedResponses, searchKey, ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toCannedResponse } from '../mappers.js';
import { cannedResponses } from '../schema.js';
import type { Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

/** `%`, `_` and the escape character itself, taken literally by LIKE … ESCAPE '\'. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

const shortcutTaken = (shortcut: string) =>
  new AppError('conflict', `The shortcut "${shortcut}" is already used on this site`, [
    { path: 'shortcut', message: 'is already used on this site' },
  ]);

export function sqliteCanned(db: SqliteDb, immediate: Immediate, now: () => number): Store['canned'] {
  const byId = (id: string) => db.select().from(cannedResponses).where(eq(cannedResponses.id, id)).get();

  /** Another response of the site with this shortcut, in any case. */
  const holder = (siteId: string, shortcut: string, except?: string) =>
    db
      .select({ id: cannedResponses.id })
      .from(cannedResponses)
      .where(
        and(
          eq(cannedResponses.siteId, siteId),
          eq(cannedResponses.shortcutKey, shortcut.toLowerCase()),
          except === undefined ? undefined : ne(cannedResponses.id, except),
        ),
      )
      .get();

  return {
    async list(filter) {
      const conditions: SQL[] = [];
      if (filter.siteId !== undefined) conditions.push(eq(cannedResponses.siteId, filter.siteId));
      if (filter.category !== undefined) conditions.push(eq(cannedResponses.category, filter.category));
      const key = searchKey(filter.q ?? '');
      if (key !== '')
        conditions.push(sql`${cannedResponses.searchText} like ${`%${likeLiteral(key)}%`} escape '\\'`);
      const rows = db
        .select()
        .from(cannedResponses)
        .where(and(...conditions))
        .all();
      return searchCannedResponses(rows.map(toCannedResponse), key);
    },

    async byId(id) {
      const row = byId(id);
      return row ? toCannedResponse(row) : null;
    },

    async create(response) {
      // Checked and written under the write lock; the unique index stands behind it.
      return immediate(() => {
        if (holder(response.siteId, response.shortcut)) throw shortcutTaken(response.shortcut);
        const time = now();
        const row = db
          .insert(cannedResponses)
          .values({
            id: ulid(),
            ...response,
            shortcutKey: response.shortcut.toLowerCase(),
            searchText: cannedSearchText(response),
            createdAt: time,
            updatedAt: time,
          })
          .returning()
          .get();
        return toCannedResponse(row);
      });
    },

    async update(id, changes) {
      return immediate(() => {
        const current = byId(id);
        if (!current) return null;
        const next = { ...current, ...changes };
        if (changes.shortcut !== undefined && holder(current.siteId, changes.shortcut, id))
          throw shortcutTaken(changes.shortcut);
        const row = db
          .update(cannedResponses)
          .set({
            shortcut: next.shortcut,
            shortcutKey: next.shortcut.toLowerCase(),
            title: next.title,
            body: next.body,
            category: next.category,
            searchText: cannedSearchText(next),
            updatedAt: now(),
          })
          .where(eq(cannedResponses.id, id))
          .returning()
          .get();
        return row ? toCannedResponse(row) : null;
      });
    },

    async delete(id) {
      const row = db.delete(cannedResponses).where(eq(cannedResponses.id, id)).returning().get();
      return row ? toCannedResponse(row) : null;
    },
  };
}
