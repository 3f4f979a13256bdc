import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CannedChangedEvent, CannedResponse, ProtocolError } from '@switchboard/protocol';
import { CreateCannedResponseRequest } from '@switchboard/protocol/schemas';
import { nextEvent, startHarness, type Harness } from '../../test-support/harness.js';
import { DEMO_CANNED_RESPONSES } from '../../services/demo-seed.js';

let h: Harness;
let token: string;
let siteId: string;
beforeAll(async () => {
  h = await startHarness();
  token = (await h.agentSession()).token;
  const [site] = (await h.get<{ id: string }[]>('/v1/sites', token)).body;
  siteId = site!.id;
});
afterAll(() => h.close());

type Answer<T> = { status: number; body: T & { error?: ProtocolError } };
const list = (query = '', as = token) => h.get<CannedResponse[]>(`/v1/canned-responses${query}`, as);
const create = (body: Record<string, unknown>, as = token) =>
  h.send<CannedResponse>('POST', '/v1/canned-responses', { siteId, ...body }, as) as Promise<
    Answer<CannedResponse>
  >;
const update = (id: string, body: unknown) =>
  h.send<CannedResponse>('PATCH', `/v1/canned-responses/${id}`, body, token) as Promise<
    Answer<CannedResponse>
  >;
const remove = async (id: string, as = token) => {
  const response = await fetch(`${h.url}/v1/canned-responses/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${as}` },
  });
  return { status: response.status, text: await response.text() };
};

describe('canned responses over REST', () => {
  it('seeds the demo site with valid responses', async () => {
    for (const seeded of DEMO_CANNED_RESPONSES)
      expect(CreateCannedResponseRequest.safeParse({ siteId, ...seeded }).success).toBe(true);
    const { status, body } = await list(`?siteId=${siteId}`);
    expect(status).toBe(200);
    expect(body.map((r) => r.shortcut)).toEqual(['follow-up-email', 'greeting', 'refund-policy']);
  });

  it('creates, edits and deletes a response, telling every agent socket as it goes', async () => {
    const other = await h.createAgent();
    const mine = await h.agentSocket(token);
    const theirs = await h.agentSocket(other.token);
    const heard: CannedChangedEvent[] = [];
    theirs.on('canned:changed', (event) => heard.push(event));

    const echo = nextEvent<CannedChangedEvent>(mine, 'canned:changed');
    const created = await create({
      shortcut: 'Warranty',
      title: ' Warranty ',
      body: "Hi {{contact.first_name || 'there'}}, two years on everything.",
      category: 'Orders',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      siteId,
      shortcut: 'Warranty',
      title: 'Warranty',
      category: 'Orders',
    });
    expect(await echo).toEqual({ change: 'created', cannedResponse: created.body });

    const edited = await update(created.body.id, { body: 'Three years now.', category: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.body.id, body: 'Three years now.', category: null });

    const deleted = await remove(created.body.id);
    expect(deleted).toEqual({ status: 204, text: '' });
    expect((await list(`?q=warranty`)).body).toEqual([]);

    await expect.poll(() => heard.length).toBe(3);
    expect(heard).toEqual([
      { change: 'created', cannedResponse: created.body },
      { change: 'updated', cannedResponse: edited.body },
      { change: 'deleted', cannedResponse: edited.body },
    ]);
  });

  it('searches with ?q= in shortcut, title and body, and filters by ?category=', async () => {
    const shipping = await create({
      shortcut: 'ship-eu',
      title: 'Shipping in the EU',
      body: 'Two to four days.',
    });
    const express = await create({
      shortcut: 'express',
      title: 'Express',
      body: 'Express shipping takes a day.',
      category: 'Shipping',
    });
    expect((await list('?q=SHIP')).body.map((r) => r.id)).toEqual([shipping.body.id, express.body.id]);
    expect((await list('?q=ship&category=Shipping')).body.map((r) => r.id)).toEqual([express.body.id]);
    expect((await list('?category=Nope')).body).toEqual([]);
    expect((await list('?siteId=nope')).body).toEqual([]);
    // A blank search is no search.
    expect((await list('?q=%20')).body.length).toBe((await list()).body.length);
  });

  it('answers bad input with 4xx {code, message} and writes nothing', async () => {
    await create({ shortcut: 'taken', title: 'Taken', body: 'x' });
    const before = h.count('canned_responses');

    const invalid = await create({ shortcut: 'bad shortcut', title: '', body: 'Hi {{contact.frist_name}}' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      code: 'invalid_payload',
      message: expect.any(String) as string,
    });
    expect(invalid.body.error?.issues?.map((issue) => issue.path)).toEqual(['shortcut', 'title', 'body']);

    const duplicate = await create({ shortcut: 'TAKEN', title: 'Again', body: 'y' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'conflict', issues: [{ path: 'shortcut' }] });

    const noSite = await create({ siteId: 'no-such-site', shortcut: 'fresh', title: 'x', body: 'y' });
    expect(noSite.status).toBe(404);

    const notJson = await h.post<{ error: ProtocolError }>('/v1/canned-responses', 'not json', {
      authorization: `Bearer ${token}`,
    });
    expect(notJson.status).toBe(400);
    expect(h.count('canned_responses')).toBe(before);

    const [taken] = (await list('?q=taken')).body;
    const renamed = await update(taken!.id, { shortcut: 'greeting', title: 'Renamed' });
    expect(renamed.status).toBe(409);
    expect((await list('?q=taken')).body).toEqual([taken]);
    expect((await update(taken!.id, {})).status).toBe(400);
    expect((await update('no-such-id', { title: 'x' })).status).toBe(404);
    expect((await remove('no-such-id')).status).toBe(404);
    expect((await list('?limit=5')).status).toBe(400);
  });

  it('is for agents only', async () => {
    const visitor = await h.visitorSession();
    expect((await list('', visitor.token)).status).toBe(403);
    expect((await create({ shortcut: 'v', title: 'v', body: 'v' }, visitor.token)).status).toBe(403);
    const [greeting] = (await list('?q=greeting')).body;
    expect((await remove(greeting!.id, visitor.token)).status).toBe(403);
    expect((await h.get('/v1/canned-responses')).status).toBe(401);
  });
});
