import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactContext, ProtocolError, VisitorSession } from '@switchboard/protocol';
import { DEMO } from '../../services/demo-seed.js';
import { identifierHash } from '../../services/identity.js';
import { startHarness, type Harness } from '../../test-support/harness.js';

const ORDER = {
  id: 'ord_1',
  number: 'A100231',
  status: 'Shipped',
  total: '€378.00',
  placedAt: '2025-05-12T11:41:00+02:00',
  items: [{ productId: 'tent', title: 'Ridge 2P tent', quantity: 1 }],
};
const PRODUCT = { id: 'tent', title: 'Ridge 2P tent', price: '€249', imageUrl: '/images/ridge-2p-tent.svg' };

/** A shop's API on a real port: what it answers depends on the email asked about. */
async function startShop(): Promise<{ url: string; asked: URL[]; close: () => Promise<void> }> {
  const asked: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop.test');
    asked.push(url);
    const email = url.searchParams.get('email') ?? '';
    const json = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (email === 'sam+tents@example.com')
      return json(200, JSON.stringify({ orders: [ORDER], products: [PRODUCT], loyalty: 'gold' }));
    if (email === 'broken@example.com') return json(500, '{"error":"database is down"}');
    if (email === 'garbage@example.com') return json(200, '<html>Sign in</html>');
    if (email === 'invalid@example.com')
      return json(200, JSON.stringify({ orders: [{ ...ORDER, total: 378 }] }));
    if (email === 'huge@example.com')
      return json(200, JSON.stringify({ orders: [], pad: 'x'.repeat(1.1e6) }));
    if (email === 'slow@example.com') return void setTimeout(() => json(200, '{}'), 2000);
    return json(404, '{"error":"no such customer"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A visitor signed in as the site's user `userId`, verified as a real site would sign them. */
async function identifiedSession(h: Harness, userId: string): Promise<VisitorSession> {
  const site = await h.switchboard.store.sites.byKey(DEMO.siteKey);
  if (!site) throw new Error('no demo site');
  await h.switchboard.store.sites.update(site.id, { identityVerification: 'optional' });
  const identity = { userId, identifierHash: identifierHash(site.identitySecret, userId) };
  return (await h.post<VisitorSession>('/v1/visitor/sessions', { siteKey: DEMO.siteKey, identity })).body;
}

/**
 * A visitor's open conversation, their contact given `fields` (`externalId` as a signed-in user of
 * the site); returns the ids and the visitor's token.
 */
async function conversationOf(
  h: Harness,
  fields: { email?: string; phone?: string; externalId?: string } = {},
) {
  const { externalId, ...profile } = fields;
  const session = externalId ? await identifiedSession(h, externalId) : await h.visitorSession();
  const socket = await h.visitorSocket(session.token);
  const ack = await socket.emitWithAck('conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  if (Object.keys(profile).length > 0) await h.switchboard.store.contacts.update(session.contact.id, profile);
  return { conversationId: ack.data.id, contactId: session.contact.id, visitorToken: session.token };
}

describe('GET /v1/conversations/:id/context from a shop API', () => {
  let h: Harness;
  let shop: Awaited<ReturnType<typeof startShop>>;
  let agent: string;
  const context = (conversationId: string, token = agent) =>
    h.get<ContactContext & { error: ProtocolError }>(`/v1/conversations/${conversationId}/context`, token);

  beforeAll(async () => {
    shop = await startShop();
    h = await startHarness({
      SWITCHBOARD_CONTEXT_URL: `${shop.url}/context?email={email}&phone={phone}&id={externalId}&key=s3cret`,
      SWITCHBOARD_CONTEXT_TIMEOUT_MS: '300',
    });
    agent = (await h.createAgent()).token;
  });
  afterAll(async () => {
    await h.close();
    await shop.close();
  });

  it("returns the contact's orders and products, asking with their identifiers URL-encoded", async () => {
    const { conversationId } = await conversationOf(h, { email: 'sam+tents@example.com', externalId: 'c 1' });
    const { status, body } = await context(conversationId);
    expect(status).toBe(200);
    expect(body).toEqual({
      orders: [{ ...ORDER, placedAt: '2025-05-12T09:41:00.000Z' }],
      products: [PRODUCT],
    });
    const url = shop.asked.at(-1);
    // A "+" sent raw would reach the shop as a space.
    expect(url?.search).toBe('?email=sam%2Btents%40example.com&phone=&id=c%201&key=s3cret');
  });

  it('asks once while the answer is fresh, and again once the email changes', async () => {
    const { conversationId, contactId } = await conversationOf(h, { email: 'nobody@example.com' });
    const before = shop.asked.length;
    expect((await context(conversationId)).body).toEqual({ orders: [], products: [] });
    expect((await context(conversationId)).body).toEqual({ orders: [], products: [] });
    expect(shop.asked.length).toBe(before + 1);
    await h.switchboard.store.contacts.update(contactId, { email: 'sam+tents@example.com' });
    expect((await context(conversationId)).body.orders).toHaveLength(1);
  });

  it('gives an unknown contact empty lists, and asks nothing about an anonymous one', async () => {
    const unknown = await conversationOf(h, { email: 'stranger@example.com' });
    expect(await context(unknown.conversationId)).toEqual({
      status: 200,
      body: { orders: [], products: [] },
    });
    const before = shop.asked.length;
    const anonymous = await conversationOf(h);
    expect(await context(anonymous.conversationId)).toEqual({
      status: 200,
      body: { orders: [], products: [] },
    });
    expect(shop.asked.length).toBe(before);
  });

  it.each([
    ['an error status', 'broken@example.com', /answered HTTP 500/],
    ['a body that is not JSON', 'garbage@example.com', /not JSON/],
    ['JSON that is not a context', 'invalid@example.com', /invalid context \(orders\.0\.total: /],
    ['a body over the size cap', 'huge@example.com', /more than 1048576 bytes/],
    ['no answer in time', 'slow@example.com', /did not answer within 300 ms/],
  ])('answers 502 context_unavailable for %s, naming no secret', async (_label, email, message) => {
    const { conversationId } = await conversationOf(h, { email });
    const { status, body } = await context(conversationId);
    expect(status).toBe(502);
    expect(body.error.code).toBe('context_unavailable');
    expect(body.error.message).toMatch(message);
    expect(body.error.message).not.toMatch(/s3cret|example\.com/);
    // Not cached: the next look asks again.
    const before = shop.asked.length;
    await context(conversationId);
    expect(shop.asked.length).toBe(before + 1);
  });

  it('refuses visitors, even on their own conversation, and hides conversations that do not exist', async () => {
    const { conversationId, visitorToken } = await conversationOf(h, { email: 'sam+tents@example.com' });
    const asVisitor = await context(conversationId, visitorToken);
    expect(asVisitor.status).toBe(403);
    expect(asVisitor.body.error.code).toBe('forbidden');
    expect((await context('no-such-conversation')).status).toBe(404);
    expect((await h.get(`/v1/conversations/${conversationId}/context`)).status).toBe(401);
  });
});

describe('GET /v1/conversations/:id/context when the provider is down', () => {
  it('answers 502 context_unavailable and the server keeps serving', async () => {
    const shop = await startShop();
    const closedPort = new URL(shop.url).port;
    await shop.close();
    const h = await startHarness({
      SWITCHBOARD_CONTEXT_URL: `http://127.0.0.1:${closedPort}/context?email={email}`,
    });
    try {
      const agent = (await h.createAgent()).token;
      const { conversationId } = await conversationOf(h, { email: 'sam@example.com' });
      const { status, body } = await h.get<{ error: ProtocolError }>(
        `/v1/conversations/${conversationId}/context`,
        agent,
      );
      expect(status).toBe(502);
      expect(body.error).toEqual({
        code: 'context_unavailable',
        message: `The context provider (http://127.0.0.1:${closedPort}/context) could not be reached`,
      });
      expect((await h.get(`/v1/conversations/${conversationId}`, agent)).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('GET /v1/conversations/:id/context from a JSON file', () => {
  it("serves the demo file by default, matching the contact's email in any case", async () => {
    const h = await startHarness();
    try {
      const agent = (await h.createAgent()).token;
      const { conversationId } = await conversationOf(h, { email: 'Sam@Example.com' });
      const { status, body } = await h.get<ContactContext>(
        `/v1/conversations/${conversationId}/context`,
        agent,
      );
      expect(status).toBe(200);
      expect(body.orders.map((order) => order.number)).toEqual(['A104822', 'A102190', 'A099771']);
      expect(body.products[0]).toMatchObject({ id: 'ridge-2p', title: 'Ridge 2P tent', price: '€249' });
    } finally {
      await h.close();
    }
  });

  it('reads a file: URL, by external id or phone, and reports a broken file as context_unavailable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-context-'));
    const file = join(dir, 'shop.json');
    writeFileSync(
      file,
      JSON.stringify({
        contacts: { cus_42: { orders: [ORDER] }, '+44 20 7946 0958': { products: [PRODUCT] } },
      }),
    );
    const h = await startHarness({
      SWITCHBOARD_CONTEXT_URL: `file://${file}`,
      SWITCHBOARD_CONTEXT_CACHE_TTL: '0',
    });
    try {
      const agent = (await h.createAgent()).token;
      const get = async (conversationId: string) =>
        h.get<ContactContext & { error: ProtocolError }>(
          `/v1/conversations/${conversationId}/context`,
          agent,
        );
      const byId = await conversationOf(h, { externalId: 'cus_42', email: 'someone@example.com' });
      expect((await get(byId.conversationId)).body.orders.map((order) => order.id)).toEqual(['ord_1']);
      const byPhone = await conversationOf(h, { phone: '+442079460958' });
      expect((await get(byPhone.conversationId)).body).toEqual({ orders: [], products: [PRODUCT] });

      writeFileSync(file, '{"contacts": ');
      const broken = await get(byId.conversationId);
      expect(broken.status).toBe(502);
      expect(broken.body.error).toEqual({
        code: 'context_unavailable',
        message: 'The context file shop.json is not valid JSON',
      });
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
