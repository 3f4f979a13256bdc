// The example console's Orders section in real Chromium against the real server and its demo
// context file: the agent opens Sam's conversation, sees Sam's orders and products beside it, and
// shares a product, which reaches Sam's (real SDK) visitor client as a card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { memoryStorage, visitorClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
let browser: Browser;
let sam: VisitorClient;
let stranger: VisitorClient;
let ada: Page;
let samsId: string;
let strangersId: string;

const inOrders = (id: string) => ada.locator(`[data-testid="orders-section"] [data-testid="${id}"]`);

async function open(id: string): Promise<void> {
  await ada.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`).click();
  await ada.locator(`[data-testid="details-pane"][data-conversation-id="${id}"]`).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The shop's page passes its logged-in customer; the demo file knows sam@example.com.
  sam = visitorClient(server.url, memoryStorage(), {
    identity: { userId: 'sam-1', email: 'sam@example.com', name: 'Sam Rivera' },
  });
  samsId = (await sam.sendMessage('Where is my order A104822?')).conversationId;
  stranger = visitorClient(server.url);
  strangersId = (await stranger.sendMessage('Do you ship to Norway?')).conversationId;

  ada = await browser.newPage();
  await ada.goto(`${server.url}/console`);
  await ada.locator('[data-testid="email"]').fill(DEMO.agentEmail);
  await ada.locator('[data-testid="password"]').fill(DEMO.agentPassword);
  await ada.locator('[data-testid="login-form"]').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await ada.locator('[data-testid="conversation-list"]').waitFor();
});
afterAll(async () => {
  sam?.disconnect();
  stranger?.disconnect();
  await browser?.close();
  await server?.close();
});

describe('the console’s Orders section', () => {
  it("shows the contact's orders and products, and shares a product the visitor receives as a card", async () => {
    await open(samsId);
    await expect.poll(() => inOrders('context-order').count()).toBe(3);
    const first = inOrders('context-order').first();
    expect(await first.getAttribute('data-order-id')).toBe('ord_10482');
    expect(await first.locator('.context-title').innerText()).toBe('Order A104822');
    expect(await first.locator('[data-testid="order-status"]').innerText()).toBe('Shipped');
    expect(await first.locator('[data-testid="order-total"]').innerText()).toBe('€378.00');
    expect(await first.locator('[data-testid="order-items"]').innerText()).toBe(
      'Ridge 2P tent, Trail 38 pack',
    );
    expect(
      await inOrders('context-order').evaluateAll((els) =>
        els.map((el) => el.querySelector('[data-testid="order-status"]')?.textContent),
      ),
    ).toEqual(['Shipped', 'Delivered', 'Refunded']);
    expect(await inOrders('orders-empty').isVisible()).toBe(false);

    const footprint = ada.locator('[data-testid="context-product"][data-product-id="ridge-footprint"]');
    expect(await footprint.innerText()).toContain('Ridge 2P footprint');
    const share = footprint.locator('[data-testid="product-share"]');
    expect(await share.getAttribute('aria-label')).toBe('Share Ridge 2P footprint (€35) with the visitor');
    await share.click();

    const received = await waitFor(
      () => sam.getSnapshot().messages.find((message) => message.cards.length > 0),
      'Sam to receive the shared product',
    );
    expect(received).toMatchObject({ authorKind: 'agent', text: '' });
    expect(received.cards).toEqual([
      {
        title: 'Ridge 2P footprint',
        subtitle: 'Protects the tent floor; fits the Ridge 2P.',
        price: '€35',
        url: '/#tents',
      },
    ]);
    await expect
      .poll(() => inOrders('orders-status').innerText())
      .toBe('Sent Ridge 2P footprint to the visitor.');
    // The thread shows what the visitor was shown, and the list previews it.
    await expect
      .poll(() => ada.locator('[data-testid="message"] [data-testid="message-cards"]').allInnerTexts())
      .toEqual(['Ridge 2P footprint · €35']);
    await expect
      .poll(() =>
        ada.locator(`[data-testid="conversation-item"][data-conversation-id="${samsId}"]`).innerText(),
      )
      .toContain('You: 🛍 Ridge 2P footprint');
  });

  it('says so when the shop does not know the contact', async () => {
    await open(strangersId);
    await expect.poll(() => inOrders('orders-empty').isVisible()).toBe(true);
    expect(await inOrders('context-order').count()).toBe(0);
    expect(await inOrders('context-product').count()).toBe(0);
    expect(await inOrders('orders-error').isVisible()).toBe(false);
  });
});
