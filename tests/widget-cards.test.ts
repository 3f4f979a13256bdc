// The built script-tag widget in real Chromium, on the demo page served by the real server with
// the demo rules bot: a price question shows the shop's products as cards, and so does a product an
// agent shares from the demo shop's context.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { agentClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
  browser = await launchBrowser();
});
afterEach(() => context?.close());
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const part = (page: Page, name: string) => page.locator(`switchboard-chat [part~="${name}"]`);

interface CardSeen {
  title: string;
  price: string;
  imageWidth: number;
  imageAlt: string | null;
  imageLoading: string | null;
  href: string | null;
  target: string | null;
  rel: string | null;
}

/** What each card shows, read inside the widget's shadow root. */
function readCards(page: Page): Promise<CardSeen[]> {
  return page.evaluate(() => {
    const root = document.querySelector('switchboard-chat')?.shadowRoot;
    return [...(root?.querySelectorAll('[part~="card"]') ?? [])].map((card) => {
      const image = card.querySelector<HTMLImageElement>('[part~="card-image"]');
      const link = card.querySelector('[part~="card-link"]');
      return {
        title: card.querySelector('[part~="card-title"]')?.textContent ?? '',
        price: card.querySelector('[part~="card-price"]')?.textContent ?? '',
        imageWidth: image?.complete ? image.naturalWidth : 0,
        imageAlt: image?.getAttribute('alt') ?? null,
        imageLoading: image?.getAttribute('loading') ?? null,
        href: link?.getAttribute('href') ?? null,
        target: link?.getAttribute('target') ?? null,
        rel: link?.getAttribute('rel') ?? null,
      };
    });
  });
}

describe('cards in the widget', () => {
  it("shows the demo bot's products with pictures, prices and safe links", async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await part(page, 'launcher').click();
    await part(page, 'composer-input').fill('How much is a tent?');
    await part(page, 'composer-input').press('Enter');

    const list = page.getByRole('list', { name: 'Suggested items' });
    await list.waitFor();
    // Lazy images load once scrolled into view; the list sits at the bottom of the conversation.
    await list.scrollIntoViewIfNeeded();
    const origin = new URL(server.url).origin;
    await expect
      .poll(() => readCards(page), { timeout: 10_000 })
      .toMatchObject([
        {
          title: 'Ridge 2P tent',
          price: '€249',
          imageAlt: '',
          imageLoading: 'lazy',
          href: `${origin}/#tents`,
          target: '_blank',
          rel: 'noopener noreferrer nofollow',
        },
        {
          title: 'Trail 38 pack',
          price: '€129',
          imageAlt: '',
          imageLoading: 'lazy',
          href: `${origin}/#packs`,
          target: '_blank',
          rel: 'noopener noreferrer nofollow',
        },
      ]);
    await expect
      .poll(async () => (await readCards(page)).map((card) => card.imageWidth > 0), { timeout: 10_000 })
      .toEqual([true, true]);

    // The list takes focus, so keyboard users can scroll it; its links say where they go.
    await list.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SWITCHBOARD-CHAT');
    const linkTexts = await list
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.textContent?.replace(/\s+/g, ' ').trim()));
    expect(linkTexts).toEqual([
      'View: Ridge 2P tent (opens in a new tab)',
      'View: Trail 38 pack (opens in a new tab)',
    ]);
    expect(errors).toEqual([]);
  });

  it('shows a product an agent shared from the demo shop, as a card without an empty bubble', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await part(page, 'launcher').click();
    // The demo flow the page describes: ask for a human, give the email the shop knows.
    await part(page, 'composer-input').fill('Can I talk to a human?');
    await part(page, 'composer-input').press('Enter');
    await expect
      .poll(() => part(page, 'message-other').allInnerTexts())
      .toContainEqual(expect.stringContaining('email'));
    await part(page, 'composer-input').fill('sam@example.com');
    await part(page, 'composer-input').press('Enter');

    const agent = agentClient(server.url);
    try {
      await agent.connect();
      const conversation = await waitFor(
        () =>
          Object.values(agent.getSnapshot().conversations).find(
            (candidate) => candidate.status === 'active' || candidate.status === 'queued',
          ),
        'the handoff to reach the team',
      );
      const { products } = await agent.context(conversation.id);
      const footprint = products.find((product) => product.id === 'ridge-footprint');
      if (!footprint) throw new Error('the demo file has no footprint for Sam');
      await waitFor(
        () => agent.getSnapshot().conversations[conversation.id]?.status === 'active',
        'routing to give the demo agent the conversation',
      );
      const bubblesBefore = await part(page, 'message-other').count();
      await agent.shareProduct(conversation.id, footprint);

      await expect
        .poll(() => readCards(page).then((cards) => cards.map(({ title, price }) => [title, price])))
        .toEqual([['Ridge 2P footprint', '€35']]);
      // The card came alone: no empty text bubble was drawn for it.
      expect(await part(page, 'message-other').count()).toBe(bubblesBefore);
    } finally {
      agent.disconnect();
    }
  });
});
