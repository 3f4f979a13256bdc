// A contact's orders and products through the agent SDK, against the real server and its demo
// context file; sharing a product reaches a real visitor client as a card.
import { createServer, type AddressInfo } from 'node:net';
import { SwitchboardError, type AgentClient } from '@switchboard/agent-sdk';
import { describe, expect, it } from 'vitest';
import { useServer, type SdkFixture } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

/** Rejects with a SwitchboardError; resolves with it, to look at its code. */
async function refusal(request: Promise<unknown>): Promise<SwitchboardError> {
  const error = await request.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SwitchboardError))
    throw new Error(`expected a SwitchboardError, got ${String(error)}`);
  return error;
}

/**
 * Sam, signed in on the demo shop (the site passes the logged-in user's email), asks about an
 * order; the demo agent has the conversation. Returns both clients and the conversation id.
 */
async function samAsksAboutAnOrder(t: SdkFixture) {
  const visitor = t.visitor(undefined, {
    identity: { userId: 'sam-1', email: 'sam@example.com', name: 'Sam' },
  });
  const first = await visitor.sendMessage('Where is my order A104822?');
  const agent: AgentClient = t.agent();
  await agent.connect();
  await waitFor(
    () => agent.getSnapshot().conversations[first.conversationId]?.status === 'active',
    'routing to give the demo agent the conversation',
  );
  return { visitor, agent, conversationId: first.conversationId };
}

describe('the contact context in the agent SDK', () => {
  const t = useServer();

  it("reads the contact's orders and products, and shares a product as a card the visitor receives", async () => {
    const { visitor, agent, conversationId } = await samAsksAboutAnOrder(t);

    const context = await agent.context(conversationId);
    expect(context.orders.map((order) => [order.number, order.status, order.total])).toEqual([
      ['A104822', 'Shipped', '€378.00'],
      ['A102190', 'Delivered', '€54.80'],
      ['A099771', 'Refunded', '€129.00'],
    ]);
    expect(context.orders[0]?.items).toEqual([
      { productId: 'ridge-2p', title: 'Ridge 2P tent', quantity: 1 },
      { productId: 'trail-38', title: 'Trail 38 pack', quantity: 1 },
    ]);
    const footprint = context.products.find((product) => product.id === 'ridge-footprint');
    if (!footprint) throw new Error('the demo file has no footprint');

    const shared = await agent.shareProduct(conversationId, footprint, { text: 'This protects the floor.' });
    const card = {
      title: 'Ridge 2P footprint',
      subtitle: 'Protects the tent floor; fits the Ridge 2P.',
      price: '€35',
      url: '/#tents',
    };
    expect(shared).toMatchObject({
      authorKind: 'agent',
      kind: 'text',
      text: 'This protects the floor.',
      cards: [card],
    });
    const received = await waitFor(
      () => visitor.getSnapshot().messages.find((message) => message.id === shared.id),
      'the visitor to receive the card',
    );
    // The shop's product id stays with the agents.
    expect(received.cards).toEqual([card]);

    // A card alone, no words.
    const tent = context.products[0];
    if (!tent) throw new Error('no products');
    const alone = await agent.shareProduct(conversationId, tent);
    expect(alone).toMatchObject({
      text: '',
      cards: [{ title: 'Ridge 2P tent', imageUrl: '/images/ridge-2p-tent.svg' }],
    });
  });

  it('refuses cards in a note before anything is queued, and gives strangers empty lists', async () => {
    const { agent, conversationId } = await samAsksAboutAnOrder(t);
    const note = await refusal(
      agent.sendMessage(conversationId, 'fyi', { kind: 'note', cards: [{ title: 'Tent' }] }),
    );
    expect(note.code).toBe('invalid_payload');
    expect(agent.getSnapshot().pending).toEqual([]);

    const stranger = t.visitor();
    const theirs = await stranger.sendMessage('Hello');
    expect(await agent.context(theirs.conversationId)).toEqual({ orders: [], products: [] });
  });
});

/** A port nothing listens on: bound, read, and let go. */
const closedPort = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});

describe('the contact context when the shop is down', () => {
  const t = useServer({ SWITCHBOARD_CONTEXT_URL: `http://127.0.0.1:${closedPort}/context?email={email}` });

  it('rejects with context_unavailable, which is worth retrying', async () => {
    const { agent, conversationId } = await samAsksAboutAnOrder(t);
    const error = await refusal(agent.context(conversationId));
    expect(error.code).toBe('context_unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/could not be reached/);
  });
});
