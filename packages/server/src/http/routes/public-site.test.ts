// The pre-chat settings route and the public site a widget reads before any session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSite } from '@switchboard/protocol';
import { startHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
let adminToken: string;
let siteId: string;
beforeAll(async () => {
  h = await startHarness();
  adminToken = (await h.agentSession()).token;
  const [site] = (await h.get<{ id: string }[]>('/v1/sites', adminToken)).body;
  if (!site) throw new Error('no demo site');
  siteId = site.id;
});
afterAll(() => h.close());

interface ErrorBody {
  error: { code: string; issues?: { path: string; message: string }[] };
}

const form = {
  intro: 'Tell us who you are.',
  fields: [
    { name: 'name', label: 'Name', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'company', label: 'Company' },
  ],
  consent: { text: 'I agree to the privacy policy.', url: 'https://example.com/privacy' },
};

const publicSite = (siteKey = 'pk_demo_switchboard', origin?: string) =>
  fetch(`${h.url}/v1/sites/by-key/${siteKey}/public`, { headers: origin ? { origin } : {} });

describe('PUT /v1/sites/:id/pre-chat', () => {
  it('stores the form with its defaults, and null takes it away', async () => {
    const saved = await h.send<{ preChat: unknown }>('PUT', `/v1/sites/${siteId}/pre-chat`, form, adminToken);
    expect(saved.status).toBe(200);
    expect(saved.body.preChat).toEqual({
      enabled: true,
      intro: 'Tell us who you are.',
      fields: [
        { name: 'name', label: 'Name', type: 'text', required: true },
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'company', label: 'Company', type: 'text', required: false },
      ],
      askForMessage: true,
      consent: { required: true, text: 'I agree to the privacy policy.', url: 'https://example.com/privacy' },
    });
    const cleared = await h.send<{ preChat: unknown }>(
      'PUT',
      `/v1/sites/${siteId}/pre-chat`,
      null,
      adminToken,
    );
    expect(cleared.body.preChat).toBeNull();
  });

  it('refuses bad forms with every problem named, non-admins, and unknown sites', async () => {
    const bad = await h.send<ErrorBody>(
      'PUT',
      `/v1/sites/${siteId}/pre-chat`,
      {
        fields: [{ name: 'email', label: 'Email', type: 'text' }],
        consent: { text: 'Yes', url: 'http://x.com' },
      },
      adminToken,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');
    expect(bad.body.error.issues?.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['fields.0.type', 'consent.url']),
    );
    const agent = await h.createAgent();
    expect((await h.send('PUT', `/v1/sites/${siteId}/pre-chat`, form, agent.token)).status).toBe(403);
    expect((await h.send('PUT', `/v1/sites/${siteId}/pre-chat`, form, undefined)).status).toBe(401);
    expect((await h.send('PUT', '/v1/sites/nope/pre-chat', form, adminToken)).status).toBe(404);
  });
});

describe('GET /v1/sites/by-key/:siteKey/public', () => {
  it('tells any visitor the site’s name, availability and pre-chat form, creating nothing', async () => {
    await h.send('PUT', `/v1/sites/${siteId}/pre-chat`, form, adminToken);
    const contacts = h.count('contacts');
    const response = await publicSite('pk_demo_switchboard', 'https://shop.example.com');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const site = (await response.json()) as PublicSite;
    expect(site).toMatchObject({
      id: siteId,
      name: expect.any(String) as string,
      availability: { open: true, afterHoursMode: null, nextOpenAt: null },
      preChat: { enabled: true, intro: 'Tell us who you are.', consent: { required: true } },
    });
    expect(h.count('contacts')).toBe(contacts);
  });

  it('leaves out a form that is switched off', async () => {
    await h.send('PUT', `/v1/sites/${siteId}/pre-chat`, { ...form, enabled: false }, adminToken);
    expect(((await (await publicSite()).json()) as PublicSite).preChat).toBeNull();
  });

  it('is a 404 for an unknown key and a 403 for an origin the site does not allow', async () => {
    expect((await publicSite('pk_no_such_site')).status).toBe(404);
    await h.switchboard.store.sites.create({
      name: 'Strict shop',
      siteKey: 'pk_strict_shop',
      identitySecret: 'secret-secret-secret',
      identityVerification: 'off',
      allowedOrigins: ['https://strict.example.com'],
    });
    expect((await publicSite('pk_strict_shop', 'https://strict.example.com')).status).toBe(200);
    const refused = await publicSite('pk_strict_shop', 'https://evil.example.com');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('origin_not_allowed');
  });
});
