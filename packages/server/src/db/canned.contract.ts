// What every Store must do with canned responses, as a suite any store's test file runs with its
// own `open` (SQLite today; a Postgres store runs the same). Only the Store interface is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../lib/app-error.js';
import type { SiteRecord, Store } from './store.js';

export interface OpenedStore {
  store: Store;
  /** The store's clock: the next call to `now()` returns this (so `updatedAt` is exact). */
  setNow(ms: number): void;
  close(): Promise<void>;
}

export function cannedStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: canned responses`, () => {
    let opened: OpenedStore;
    let store: Store;
    let site: SiteRecord;
    let other: SiteRecord;

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
      const newSite = (siteKey: string) =>
        store.sites.create({
          name: siteKey,
          siteKey,
          identitySecret: 'z'.repeat(32),
          identityVerification: 'off',
          allowedOrigins: [],
        });
      site = await newSite('pk_canned_a');
      other = await newSite('pk_canned_b');
    });
    afterAll(() => opened.close());

    const create = (
      shortcut: string,
      fields: { title?: string; body?: string; category?: string | null } = {},
    ) =>
      store.canned.create({
        siteId: site.id,
        shortcut,
        title: fields.title ?? shortcut,
        body: fields.body ?? `Body of ${shortcut}`,
        category: fields.category ?? null,
      });

    it('creates, reads, updates and deletes a response, stamping its times', async () => {
      opened.setNow(Date.parse('2026-03-01T10:00:00Z'));
      const created = await create('crud', { title: 'CRUD', category: 'Tests' });
      expect(created).toEqual({
        id: expect.any(String) as string,
        siteId: site.id,
        shortcut: 'crud',
        title: 'CRUD',
        body: 'Body of crud',
        category: 'Tests',
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z',
      });
      expect(await store.canned.byId(created.id)).toEqual(created);

      opened.setNow(Date.parse('2026-03-01T10:05:00Z'));
      const updated = await store.canned.update(created.id, { body: 'New body', category: null });
      expect(updated).toEqual({
        ...created,
        body: 'New body',
        category: null,
        updatedAt: '2026-03-01T10:05:00.000Z',
      });

      expect(await store.canned.delete(created.id)).toEqual(updated);
      expect(await store.canned.byId(created.id)).toBeNull();
      expect(await store.canned.delete(created.id)).toBeNull();
      expect(await store.canned.update(created.id, { title: 'gone' })).toBeNull();
    });

    it('keeps shortcuts unique per site regardless of case, writing nothing on a clash', async () => {
      const first = await create('Unique-One');
      const clash = create('unique-ONE', { title: 'Clash' });
      await expect(clash).rejects.toBeInstanceOf(AppError);
      await expect(clash).rejects.toMatchObject({ code: 'conflict', issues: [{ path: 'shortcut' }] });
      expect((await store.canned.list({ siteId: site.id, q: 'unique-one' })).map((r) => r.id)).toEqual([
        first.id,
      ]);

      // Another site may use it.
      const elsewhere = await store.canned.create({
        siteId: other.id,
        shortcut: 'unique-one',
        title: 'Elsewhere',
        body: 'x',
        category: null,
      });
      expect(elsewhere.siteId).toBe(other.id);

      // Renaming onto a taken shortcut changes nothing; changing only its case is allowed.
      const second = await create('unique-two');
      await expect(
        store.canned.update(second.id, { shortcut: 'UNIQUE-one', title: 'x' }),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await store.canned.byId(second.id)).toEqual(second);
      expect(await store.canned.update(first.id, { shortcut: 'unique-one' })).toMatchObject({
        shortcut: 'unique-one',
      });
    });

    it('searches shortcut, title and body ignoring case and accents, best match first', async () => {
      const a = await create('s-cafe', { title: 'Café hours', body: 'We open at nine.' });
      const b = await create('s-menu', { title: 'Menu', body: 'Our CAFÉ serves crème brûlée.' });
      const c = await create('cafe', { title: 'Directions', body: 'Turn left.', category: 'Visits' });
      const ids = async (q: string, extra: { category?: string } = {}) =>
        (await store.canned.list({ siteId: site.id, q, ...extra })).map((r) => r.id);

      expect(await ids('cafe')).toEqual([c.id, a.id, b.id]);
      expect(await ids('  CRÈME   brulee ')).toEqual([b.id]);
      expect(await ids('cafe', { category: 'Visits' })).toEqual([c.id]);
      // LIKE's wildcards are literal characters in a query.
      expect(await ids('%')).toEqual([]);
      expect(await ids('s_cafe')).toEqual([]);
      expect(await ids('s-cafe')).toEqual([a.id]);
      // The query never matches across two fields.
      expect(await ids('hours we')).toEqual([]);
    });

    it('lists a site, or every site, by shortcut', async () => {
      const mine = await store.canned.list({ siteId: site.id });
      expect(mine.every((r) => r.siteId === site.id)).toBe(true);
      const keys = mine.map((r) => r.shortcut.toLowerCase());
      expect(keys).toEqual([...keys].sort());
      const all = await store.canned.list({});
      expect(all.some((r) => r.siteId === other.id)).toBe(true);
      expect(all.length).toBeGreaterThan(mine.length);
    });
  });
}
