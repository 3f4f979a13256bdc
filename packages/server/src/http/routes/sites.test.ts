import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePage, VisitorSession } from '@switchboard/protocol';
import { startHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function put(path: string, body: unknown, token: string) {
  const response = await fetch(`${h.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

// No opening spans at all: closed whenever the test runs.
const closed = {
  timeZone: 'Europe/Lisbon',
  weekly: {},
  afterHours: { message: 'We are closed now. We answer weekdays 9–17.', mode: 'offline_form' },
};

describe('business hours', () => {
  it('lets admins set them, tells visitors the site is closed, and greets new conversations after hours', async () => {
    const admin = await h.agentSession();
    const [site] = (await h.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    if (!site) throw new Error('no site');
    expect((await put(`/v1/sites/${site.id}/business-hours`, closed, admin.token)).status).toBe(200);

    const visitor = await h.visitorSession();
    expect(visitor.site.availability).toEqual({
      open: false,
      afterHoursMode: 'offline_form',
      nextOpenAt: null,
    });
    const socket = await h.visitorSocket(visitor.token);
    const started = await socket.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const history = await h.get<MessagePage>(`/v1/conversations/${started.data.id}/messages`, visitor.token);
    expect(history.body.items).toEqual([
      expect.objectContaining({ authorKind: 'system', text: closed.afterHours.message, seq: 1 }),
    ]);

    expect((await put(`/v1/sites/${site.id}/business-hours`, null, admin.token)).status).toBe(200);
    const later = await h.post<VisitorSession>('/v1/visitor/sessions', { siteKey: 'pk_demo_switchboard' });
    expect(later.body.site.availability).toEqual({ open: true, afterHoursMode: null, nextOpenAt: null });
  });

  it('tells visitors of a closed site when it opens next, in the session and the public site', async () => {
    const admin = await h.agentSession();
    const [site] = (await h.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    if (!site) throw new Error('no site');
    // Open tomorrow (UTC) only, 10:00–11:00: closed now, whenever the test runs.
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const weekday =
      (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[tomorrow.getUTCDay()] ?? 'mon';
    const hours = { ...closed, timeZone: 'UTC', weekly: { [weekday]: [{ open: '10:00', close: '11:00' }] } };
    expect((await put(`/v1/sites/${site.id}/business-hours`, hours, admin.token)).status).toBe(200);
    const nextOpenAt = `${tomorrow.toISOString().slice(0, 10)}T10:00:00.000Z`;
    try {
      const visitor = await h.visitorSession();
      expect(visitor.site.availability).toEqual({ open: false, afterHoursMode: 'offline_form', nextOpenAt });
      const publicSite = await h.get<VisitorSession['site']>('/v1/sites/by-key/pk_demo_switchboard/public');
      expect(publicSite.body.availability.nextOpenAt).toBe(nextOpenAt);
    } finally {
      await put(`/v1/sites/${site.id}/business-hours`, null, admin.token);
    }
  });

  it('refuses non-admins and invalid schedules', async () => {
    const admin = await h.agentSession();
    const [site] = (await h.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    if (!site) throw new Error('no site');
    const agent = await h.createAgent();
    expect((await put(`/v1/sites/${site.id}/business-hours`, closed, agent.token)).status).toBe(403);
    const visitor = await h.visitorSession();
    expect((await h.get('/v1/sites', visitor.token)).status).toBe(403);
    for (const bad of [
      { ...closed, timeZone: 'Mars/Olympus' },
      { ...closed, weekly: { mon: [{ open: '18:00', close: '09:00' }] } },
      { ...closed, weekly: { funday: [] } },
      { ...closed, afterHours: { message: '', mode: 'queue' } },
    ]) {
      const response = await put(`/v1/sites/${site.id}/business-hours`, bad, admin.token);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.body.error?.code).toBe('invalid_payload');
    }
    expect((await put('/v1/sites/nope/business-hours', closed, admin.token)).status).toBe(404);
  });
});
