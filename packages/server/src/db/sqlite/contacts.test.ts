import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRecord, Store } from '../store.js';
import { createSqliteStore } from './index.js';

let dir: string;
let store: Store;
let site: SiteRecord;
let other: SiteRecord;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-contacts-'));
  store = createSqliteStore(join(dir, 'store.sqlite'));
  const newSite = (siteKey: string) =>
    store.sites.create({
      name: siteKey,
      siteKey,
      identitySecret: 'z'.repeat(32),
      identityVerification: 'optional',
      allowedOrigins: [],
    });
  site = await newSite('pk_contacts_a');
  other = await newSite('pk_contacts_b');
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const identify = (externalId: string, current: string | null = null, siteId = site.id) =>
  store.contacts.identify({
    siteId,
    externalId,
    profile: { name: externalId },
    resumeSecretHash: `hash-${externalId}`,
    current,
  });

describe('contacts', () => {
  it('creates a contact with a profile', async () => {
    const contact = await store.contacts.create({
      siteId: site.id,
      resumeSecretHash: 'h',
      profile: { name: 'Ada', phone: '+1 555 0100', attributes: { plan: 'pro' } },
    });
    expect(contact).toMatchObject({
      externalId: null,
      name: 'Ada',
      email: null,
      phone: '+1 555 0100',
      attributes: { plan: 'pro' },
    });
  });

  it('finds a contact by external id on its own site only', async () => {
    const { contact } = await identify('ext-1');
    expect(await store.contacts.byExternalId(site.id, 'ext-1')).toEqual(contact);
    expect(await store.contacts.byExternalId(other.id, 'ext-1')).toBeNull();
    expect(await store.contacts.byExternalId(site.id, 'ext-unknown')).toBeNull();
  });

  it('identifies: the known contact, else the anonymous current one, else a new one', async () => {
    const known = await identify('ext-2');
    expect(known.secretReplaced).toBe(true);
    expect(known.contact.resumeSecretHash).toBe('hash-ext-2');

    // The holder of the known contact's credential keeps it.
    const again = await identify('ext-2', known.contact.id);
    expect(again).toEqual({ contact: known.contact, secretReplaced: false });

    const anonymous = await store.contacts.create({ siteId: site.id, resumeSecretHash: 'anon' });
    const switched = await identify('ext-2', anonymous.id);
    expect(switched.contact.id).toBe(known.contact.id);
    expect(await store.contacts.byId(anonymous.id)).toEqual(anonymous);

    const adopted = await identify('ext-3', anonymous.id);
    expect(adopted).toMatchObject({
      contact: { id: anonymous.id, externalId: 'ext-3', name: 'ext-3', resumeSecretHash: 'anon' },
      secretReplaced: false,
    });

    // Neither someone else's contact nor another site's is taken over.
    const fresh = await identify('ext-4', known.contact.id);
    expect(fresh.contact.id).not.toBe(known.contact.id);
    const foreign = await store.contacts.create({ siteId: other.id, resumeSecretHash: 'f' });
    const local = await identify('ext-5', foreign.id);
    expect(local.contact).toMatchObject({ siteId: site.id, externalId: 'ext-5' });
    expect(local.contact.id).not.toBe(foreign.id);
  });

  it('updates the fields given and merges attributes', async () => {
    const contact = await store.contacts.create({
      siteId: site.id,
      resumeSecretHash: 'h',
      profile: { name: 'Ada', email: 'ada@example.com', attributes: { plan: 'pro', seats: 3 } },
    });
    const updated = await store.contacts.update(contact.id, {
      avatarUrl: 'https://example.com/a.png',
      attributes: { plan: 'team', admin: true },
    });
    expect(updated).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
      avatarUrl: 'https://example.com/a.png',
      attributes: { plan: 'team', seats: 3, admin: true },
    });
    expect(await store.contacts.update('nobody', { name: 'x' })).toBeNull();
  });
});
