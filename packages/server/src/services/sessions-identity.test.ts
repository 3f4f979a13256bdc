// Identity verification through POST /v1/visitor/sessions, over a real SQLite file.
import { createHmac } from 'node:crypto';
import type {
  Conversation,
  IdentityVerification,
  Message,
  MessagePage,
  VisitorIdentity,
  VisitorResume,
  VisitorSession,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRecord } from '../db/store.js';
import { DEMO } from './demo-seed.js';
import { startHarness, type Harness } from '../test-support/harness.js';

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const SECRET = 'identity-secret-for-tests-0123456789';
const hmac = (userId: string, secret = SECRET) => createHmac('sha256', secret).update(userId).digest('hex');

let h: Harness;
const sites = {} as Record<IdentityVerification, SiteRecord>;
let users = 0;
/** A userId nobody has used yet in this file. */
const newUser = () => `user-${(users += 1)}`;

beforeAll(async () => {
  h = await startHarness();
  for (const mode of ['off', 'optional', 'enforce'] as const) {
    sites[mode] = await h.switchboard.store.sites.create({
      name: `Identity ${mode}`,
      siteKey: `pk_identity_${mode}`,
      identitySecret: SECRET,
      identityVerification: mode,
      allowedOrigins: [],
    });
  }
});
afterAll(() => h.close());

function session(
  mode: IdentityVerification,
  body: { identity?: VisitorIdentity; resume?: VisitorResume } = {},
) {
  return h.post<VisitorSession & ErrorBody>('/v1/visitor/sessions', {
    siteKey: sites[mode].siteKey,
    ...body,
  });
}

async function ok(
  mode: IdentityVerification,
  body: { identity?: VisitorIdentity; resume?: VisitorResume } = {},
) {
  const response = await session(mode, body);
  if (response.status !== 201) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body as VisitorSession;
}

const verified = (userId: string, extra: Partial<VisitorIdentity> = {}): VisitorIdentity => ({
  userId,
  identifierHash: hmac(userId),
  ...extra,
});

describe('every mode × identity', () => {
  type Outcome = 'anonymous' | 'unverified' | 'verified' | 'refused';
  const inputs: [string, (userId: string) => VisitorIdentity | undefined][] = [
    ['no identity', () => undefined],
    ['no hash', (userId) => ({ userId, name: 'Ada' })],
    ['a good hash', (userId) => verified(userId, { name: 'Ada' })],
    ['a bad hash', (userId) => ({ userId, name: 'Ada', identifierHash: 'f'.repeat(64) })],
    ["another user's hash", (userId) => ({ userId, name: 'Ada', identifierHash: hmac(`${userId}-x`) })],
  ];
  const expected: Record<IdentityVerification, Outcome[]> = {
    off: ['anonymous', 'unverified', 'unverified', 'unverified', 'unverified'],
    optional: ['anonymous', 'unverified', 'verified', 'refused', 'refused'],
    enforce: ['anonymous', 'refused', 'verified', 'refused', 'refused'],
  };
  const cases = (['off', 'optional', 'enforce'] as const).flatMap((mode) =>
    inputs.map(([label, make], i) => [mode, label, make, expected[mode][i]] as const),
  );

  it.each(cases)('%s with %s: %s', async (mode, _label, make, outcome) => {
    const userId = newUser();
    const identity = make(userId);
    const contacts = h.count('contacts');
    const first = await session(mode, { identity });
    if (outcome === 'refused') {
      expect(first.status).toBe(401);
      expect(first.body.error.code).toBe('unauthorized');
      expect(first.body.error.message).toMatch(/identity verification failed/i);
      expect(first.body.error.issues?.[0]?.path).toBe('identity.identifierHash');
      expect(h.count('contacts')).toBe(contacts);
      return;
    }
    expect(first.status).toBe(201);
    expect(first.body.contact).toMatchObject({
      externalId: outcome === 'verified' ? userId : null,
      name: outcome === 'anonymous' ? null : 'Ada',
    });
    // Only a verified identity finds the same contact again without the credential.
    const second = await ok(mode, { identity });
    if (outcome === 'verified') expect(second.contact.id).toBe(first.body.contact.id);
    else expect(second.contact.id).not.toBe(first.body.contact.id);
  });
});

describe('off', () => {
  it('never signs anyone in to an existing contact, even with a correct hash', async () => {
    const userId = newUser();
    const owner = await ok('optional', { identity: verified(userId) });
    // The same external id on the `off` site must not be reachable either.
    await h.switchboard.store.contacts.identify({
      siteId: sites.off.id,
      externalId: userId,
      profile: {},
      resumeSecretHash: 'h',
      current: null,
    });
    const attacker = await ok('off', { identity: verified(userId, { name: 'Mallory' }) });
    expect(attacker.contact.id).not.toBe(owner.contact.id);
    expect(attacker.contact.externalId).toBeNull();
    expect((await h.switchboard.store.contacts.byExternalId(sites.off.id, userId))?.name).toBeNull();
  });

  it('stores the profile as unverified data on the visitor’s own contact', async () => {
    const first = await ok('off', {
      identity: { userId: newUser(), name: 'Ada', email: 'ada@example.com', attributes: { plan: 'pro' } },
    });
    const again = await ok('off', {
      resume: first.resume,
      identity: {
        userId: newUser(),
        phone: '+44 20 7946 0000',
        avatarUrl: 'https://example.com/ada.png',
        attributes: { seats: 3 },
      },
    });
    expect(again.contact).toMatchObject({
      id: first.contact.id,
      externalId: null,
      name: 'Ada',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      avatarUrl: 'https://example.com/ada.png',
      attributes: { plan: 'pro', seats: 3 },
    });
    expect(again.resume.secret).toBe(first.resume.secret);
  });
});

describe('a verified identity', () => {
  it('merges the profile into the contact, attribute by attribute', async () => {
    const userId = newUser();
    await ok('optional', {
      identity: verified(userId, {
        name: 'Ada',
        email: 'ada@example.com',
        attributes: { plan: 'pro', seats: 3 },
      }),
    });
    const later = await ok('optional', {
      identity: verified(userId, { name: 'Ada L.', attributes: { plan: 'team', admin: true, trial: null } }),
    });
    expect(later.contact).toMatchObject({
      externalId: userId,
      name: 'Ada L.',
      email: 'ada@example.com',
      attributes: { plan: 'team', seats: 3, admin: true, trial: null },
    });
    expect(later.contact).not.toHaveProperty('resumeSecretHash');
  });

  it('keeps the credential on the device that holds it and issues a new one elsewhere', async () => {
    const userId = newUser();
    const phone = await ok('enforce', { identity: verified(userId) });
    const reload = await ok('enforce', { identity: verified(userId), resume: phone.resume });
    expect(reload.resume).toEqual(phone.resume);

    const laptop = await ok('enforce', { identity: verified(userId) });
    expect(laptop.contact.id).toBe(phone.contact.id);
    expect(laptop.resume.contactId).toBe(phone.contact.id);
    expect(laptop.resume.secret).not.toBe(phone.resume.secret);
    // The laptop's credential works on its own (no hash needed, even in enforce mode)…
    expect((await ok('enforce', { resume: laptop.resume })).contact.id).toBe(phone.contact.id);
    // …the phone's old one no longer does, unless the identity comes along, which issues another.
    expect((await session('enforce', { resume: phone.resume })).status).toBe(401);
    const phoneAgain = await ok('enforce', { identity: verified(userId), resume: phone.resume });
    expect(phoneAgain.contact.id).toBe(phone.contact.id);
    expect(phoneAgain.resume.secret).not.toBe(phone.resume.secret);
  });

  it('refuses a wrong hash even with a valid credential, and changes nothing', async () => {
    const anonymous = await ok('optional');
    const response = await session('optional', {
      resume: anonymous.resume,
      identity: { userId: newUser(), name: 'Mallory', identifierHash: hmac('someone-else') },
    });
    expect(response.status).toBe(401);
    const contact = await h.switchboard.store.contacts.byId(anonymous.contact.id);
    expect(contact).toMatchObject({ name: null, externalId: null });
    // The credential still works.
    expect((await ok('optional', { resume: anonymous.resume })).contact.id).toBe(anonymous.contact.id);
  });

  it('refuses a hash computed with another site’s secret', async () => {
    const other = await h.switchboard.store.sites.create({
      name: 'Other secret',
      siteKey: 'pk_identity_other_secret',
      identitySecret: 'a-different-secret-0123456789',
      identityVerification: 'enforce',
      allowedOrigins: [],
    });
    const response = await h.post<ErrorBody>('/v1/visitor/sessions', {
      siteKey: other.siteKey,
      identity: verified(newUser()),
    });
    expect(response).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it('makes an anonymous visitor the identified contact when the user is new to the site', async () => {
    const anonymous = await ok('optional');
    const userId = newUser();
    const identified = await ok('optional', {
      resume: anonymous.resume,
      identity: verified(userId, { name: 'Ada' }),
    });
    expect(identified.contact).toMatchObject({ id: anonymous.contact.id, externalId: userId, name: 'Ada' });
    expect(identified.resume).toEqual(anonymous.resume);
  });

  it('does not let unverified data overwrite an identified contact', async () => {
    const userId = newUser();
    const identified = await ok('optional', { identity: verified(userId, { name: 'Ada' }) });
    const spoofed = await ok('optional', {
      resume: identified.resume,
      identity: { userId: 'anyone', name: 'Mallory', attributes: { admin: true } },
    });
    expect(spoofed.contact).toMatchObject({ id: identified.contact.id, externalId: userId, name: 'Ada' });
    expect(spoofed.contact.attributes).not.toHaveProperty('admin');
  });

  it('gives a contact that belongs to another user a contact of its own', async () => {
    const first = await ok('optional', { identity: verified(newUser()) });
    const second = await ok('optional', { resume: first.resume, identity: verified(newUser()) });
    expect(second.contact.id).not.toBe(first.contact.id);
    expect(second.resume.secret).not.toBe(first.resume.secret);
  });

  it('creates one contact when two devices sign a new user in at the same moment', async () => {
    const userId = newUser();
    const [a, b] = await Promise.all([
      ok('optional', { identity: verified(userId) }),
      ok('optional', { identity: verified(userId) }),
    ]);
    expect(a.contact.id).toBe(b.contact.id);
  });
});

describe('the same user on two devices', () => {
  it('switches an anonymous visitor to the known contact and its conversation; the anonymous one stays', async () => {
    const demo = await h.switchboard.store.sites.byKey(DEMO.siteKey);
    if (!demo) throw new Error('no demo site');
    await h.switchboard.store.sites.update(demo.id, { identityVerification: 'optional' });
    const post = (body: object) =>
      h.post<VisitorSession>('/v1/visitor/sessions', { siteKey: DEMO.siteKey, ...body }).then((r) => r.body);
    const userId = newUser();
    const identity = { userId, identifierHash: hmac(userId, demo.identitySecret), name: 'Ada' };

    // Device A: a known user who wrote before.
    const deviceA = await post({ identity });
    const socketA = await h.visitorSocket(deviceA.token);
    const started = await socketA.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error(started.error.message);
    const sent = await socketA.emitWithAck('message:send', {
      conversationId: started.data.id,
      clientMessageId: '01JBZ4V5X0000000000000000A',
      text: 'Hello from the phone',
    });
    expect(sent.ok).toBe(true);

    // Device B: anonymous first, with a conversation of its own…
    const anonymous = await post({});
    const socketAnon = await h.visitorSocket(anonymous.token);
    const own = await socketAnon.emitWithAck('conversation:start', {});
    if (!own.ok) throw new Error(own.error.message);
    // …then the user logs in there.
    const deviceB = await post({ resume: anonymous.resume, identity });
    expect(deviceB.contact.id).toBe(deviceA.contact.id);
    expect(deviceB.resume.contactId).toBe(deviceA.contact.id);
    const socketB = await h.visitorSocket(deviceB.token);
    const joined = await socketB.emitWithAck('conversation:start', {});
    expect(joined.ok && joined.data.id).toBe(started.data.id);
    const history = await h.get<MessagePage>(`/v1/conversations/${started.data.id}/messages`, deviceB.token);
    expect(history.body.items.map((m: Message) => m.text)).toEqual(['Hello from the phone']);
    // Nobody else's conversation, and the anonymous contact is left as it was.
    const denied = await h.get(`/v1/conversations/${own.data.id}`, deviceB.token);
    expect(denied.status).toBe(404);
    expect(await h.switchboard.store.contacts.byId(anonymous.contact.id)).toMatchObject({
      externalId: null,
      name: null,
    });
    const stillThere = await h.get<Conversation>(`/v1/conversations/${own.data.id}`, anonymous.token);
    expect(stillThere.body.contactId).toBe(anonymous.contact.id);
    await h.switchboard.store.sites.update(demo.id, { identityVerification: 'off' });
  });
});

describe('a malformed identity', () => {
  const good = verified('user-x');
  it.each([
    ['an empty userId', { ...good, userId: '' }, 'identity.userId'],
    ['a userId over 255 characters', { ...good, userId: 'u'.repeat(256) }, 'identity.userId'],
    [
      'an uppercase hash',
      { ...good, identifierHash: good.identifierHash?.toUpperCase() },
      'identity.identifierHash',
    ],
    ['a short hash', { ...good, identifierHash: 'abc123' }, 'identity.identifierHash'],
    ['a javascript: avatar', { ...good, avatarUrl: 'javascript:alert(1)' }, 'identity.avatarUrl'],
    ['an invalid email', { ...good, email: 'not-an-email' }, 'identity.email'],
    ['a nested attribute', { ...good, attributes: { plan: { tier: 1 } } }, 'identity.attributes.plan'],
    ['an unknown field', { ...good, role: 'admin' }, 'identity'],
    ['a string', 'user-x', 'identity'],
  ])('answers %s with a 400 and writes nothing', async (_label, identity, path) => {
    const contacts = h.count('contacts');
    const response = await h.post<ErrorBody>('/v1/visitor/sessions', {
      siteKey: sites.enforce.siteKey,
      identity,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_payload');
    expect(response.body.error.issues?.map((i) => i.path)).toContain(path);
    expect(h.count('contacts')).toBe(contacts);
  });
});
