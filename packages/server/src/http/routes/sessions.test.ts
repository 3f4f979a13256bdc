import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSession, VisitorSession } from '@switchboard/protocol';
import { DEMO } from '../../services/demo-seed.js';
import { startHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[] };
}

describe('POST /v1/visitor/sessions', () => {
  it('creates a contact and a scoped token', async () => {
    const { status, body } = await h.post<VisitorSession>('/v1/visitor/sessions', { siteKey: DEMO.siteKey });
    expect(status).toBe(201);
    expect(body.site.name).toBe(DEMO.siteName);
    expect(body.resume.contactId).toBe(body.contact.id);
    expect(body.contact).not.toHaveProperty('resumeSecretHash');
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('resumes the same contact with the stored credential, and refuses a wrong one', async () => {
    const first = await h.visitorSession();
    const resumed = await h.post<VisitorSession>('/v1/visitor/sessions', {
      siteKey: DEMO.siteKey,
      resume: first.resume,
    });
    expect(resumed.status).toBe(201);
    expect(resumed.body.contact.id).toBe(first.contact.id);
    const contacts = h.count('contacts');
    const forged = await h.post<ErrorBody>('/v1/visitor/sessions', {
      siteKey: DEMO.siteKey,
      resume: { contactId: first.contact.id, secret: 'x'.repeat(43) },
    });
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(h.count('contacts')).toBe(contacts);
  });

  it.each([
    ['a body that is not JSON', '{"siteKey":', 'invalid_payload'],
    ['a missing site key', {}, 'invalid_payload'],
    ['an unknown field', { siteKey: DEMO.siteKey, admin: true }, 'invalid_payload'],
  ])('answers %s with a 400 and writes nothing', async (_label, body, code) => {
    const contacts = h.count('contacts');
    const response = await h.post<ErrorBody>('/v1/visitor/sessions', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toMatch(/\S/);
    expect(h.count('contacts')).toBe(contacts);
  });

  it('answers an unknown site key with 404 and a disallowed origin with 403', async () => {
    expect(
      (await h.post<ErrorBody>('/v1/visitor/sessions', { siteKey: 'pk_no_such_site' })).body.error.code,
    ).toBe('not_found');
    await h.switchboard.store.sites.create({
      name: 'Locked',
      siteKey: 'pk_locked_site',
      identitySecret: 'y'.repeat(32),
      identityVerification: 'off',
      allowedOrigins: ['https://good.example'],
    });
    const denied = await h.post<ErrorBody>(
      '/v1/visitor/sessions',
      { siteKey: 'pk_locked_site' },
      { origin: 'https://bad.example' },
    );
    expect(denied).toMatchObject({ status: 403, body: { error: { code: 'origin_not_allowed' } } });
    const allowed = await h.post(
      '/v1/visitor/sessions',
      { siteKey: 'pk_locked_site' },
      { origin: 'https://good.example' },
    );
    expect(allowed.status).toBe(201);
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const response = await h.post<ErrorBody>('/v1/visitor/sessions', {
      siteKey: DEMO.siteKey,
      pad: 'x'.repeat(70_000),
    });
    expect(response).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });
});

describe('POST /v1/agent/sessions', () => {
  it('logs the demo agent in without leaking the password hash', async () => {
    const { status, body } = await h.post<AgentSession>('/v1/agent/sessions', {
      email: DEMO.agentEmail.toUpperCase(),
      password: DEMO.agentPassword,
    });
    expect(status).toBe(201);
    expect(body.agent.email).toBe(DEMO.agentEmail);
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await h.post<ErrorBody>('/v1/agent/sessions', { email: DEMO.agentEmail, password: 'nope' });
    const unknown = await h.post<ErrorBody>('/v1/agent/sessions', {
      email: 'who@example.com',
      password: 'nope',
    });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it('tells a token holder who they are at GET /v1/agent/me, and refuses visitors', async () => {
    const session = await h.agentSession();
    const me = await h.get<{ id: string; email: string }>('/v1/agent/me', session.token);
    expect(me).toMatchObject({ status: 200, body: { id: session.agent.id, email: DEMO.agentEmail } });
    expect(JSON.stringify(me.body)).not.toContain('scrypt');
    const visitor = await h.visitorSession();
    expect((await h.get('/v1/agent/me', visitor.token)).status).toBe(403);
    expect((await h.get('/v1/agent/me')).status).toBe(401);
  });

  it('validates the body', async () => {
    const response = await h.post<ErrorBody>('/v1/agent/sessions', { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    expect(response.body.error.issues?.map((i) => i.path).sort()).toEqual(['email', 'password']);
  });
});

describe('rate limiting', () => {
  it('answers 429 with rate_limited once an address exceeds its budget', async () => {
    // 8 a minute allows a burst of 2.
    const limited = await startHarness({ SWITCHBOARD_SESSION_RATE_PER_MIN: '8' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await limited.post('/v1/visitor/sessions', { siteKey: DEMO.siteKey })).status);
      const last = await limited.post<ErrorBody>('/v1/visitor/sessions', { siteKey: DEMO.siteKey });
      expect(statuses).toEqual([201, 201, 429]);
      expect(last).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
      // The session budget is not charged to other endpoints.
      expect((await limited.get('/healthz')).status).toBe(200);
      expect((await limited.get('/v1/conversations')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
