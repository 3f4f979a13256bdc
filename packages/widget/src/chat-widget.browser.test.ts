// The script-tag build in a real Chromium: dist/cdn served by a throwaway static server, a page
// embedding the loader, no Switchboard server behind it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CDN_DIR = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const built = existsSync(join(CDN_DIR, 'loader.js'));
if (!built) {
  console.warn(
    '\n[widget] SKIPPING the browser tests: dist/cdn is not built. Run `pnpm --filter @switchboard/widget build` first.\n',
  );
}

const SITE_KEY = 'pk_demo_switchboard';

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}</head><body><h1>A shop</h1>${body}</body></html>`;
}

// Page CSS that themes the launcher through its part, and a hostile rule the shadow root must stop.
const THEME =
  '<style>switchboard-chat::part(launcher) { background: rgb(1, 2, 3); } button { display: none; }</style>';

const PAGES: Record<string, string> = {
  '/': page(`<script type="module" src="/widget/loader.js" data-site-key="${SITE_KEY}"></script>`, THEME),
  // The page places the element itself; the tag also names a server nobody listens on.
  '/own-element.html': page(
    `<switchboard-chat heading="Acme help" style="--switchboard-accent: rgb(9, 8, 7)"></switchboard-chat>
     <script type="module" src="/widget/loader.js" data-site-key="${SITE_KEY}" data-server-url="http://127.0.0.1:9"></script>`,
  ),
};

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

/** Serves PAGES and dist/cdn under /widget/; anything else (the Switchboard API) is a 404. */
async function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const html = PAGES[path];
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (html !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = normalize(join(CDN_DIR, path.replace(/^\/widget\//, '')));
    if (!path.startsWith('/widget/') || !file.startsWith(CDN_DIR.replace(/[\\/]$/, '') + sep)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (data) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(data),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Holds requests for the lazily loaded chunk until `release()`, and counts them. */
async function gateChunks(page: Page) {
  const held: Route[] = [];
  let open = false;
  await page.route('**/widget/chunks/**', (route) => {
    if (open) return route.continue();
    held.push(route);
    return undefined;
  });
  return {
    get requested() {
      return held.length;
    },
    async release() {
      open = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

const EVENTS = [
  'switchboard-open',
  'switchboard-close',
  'switchboard-message-send',
  'switchboard-message-receive',
];

async function openPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript((names) => {
    const seen: string[] = [];
    (window as unknown as { seenEvents: string[] }).seenEvents = seen;
    for (const name of names) document.addEventListener(name, (event) => seen.push(event.type));
  }, EVENTS);
  return { context, page, errors };
}

const background = (page: Page, part: string) =>
  page.locator(`[part~="${part}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
const focusedPart = (page: Page) =>
  page.evaluate(
    () => document.querySelector('switchboard-chat')?.shadowRoot?.activeElement?.getAttribute('part') ?? null,
  );
const defined = (page: Page) => page.evaluate(() => customElements.get('switchboard-chat') !== undefined);
const seenEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenEvents: string[] }).seenEvents);

describe.skipIf(!built)('the script-tag widget in Chromium', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, origin } = await serve());
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it(
    'draws a placeholder launcher at once and opens the chat when it is clicked',
    { timeout: 30_000 },
    async () => {
      const { context, page, errors } = await openPage(browser);
      const gate = await gateChunks(page);
      await page.goto(`${origin}/`);

      const chat = page.locator('switchboard-chat');
      await expect.poll(() => chat.count()).toBe(1);
      expect(await chat.getAttribute('site-key')).toBe(SITE_KEY);
      expect(await chat.getAttribute('server-url')).toBe(origin);
      // Playwright's CSS locators pierce open shadow roots.
      const launcher = page.locator('[part~="launcher"]');
      await launcher.waitFor();
      expect(await defined(page)).toBe(false);
      expect(await launcher.getAttribute('aria-label')).toBe('Open chat');
      expect(await background(page, 'launcher')).toBe('rgb(1, 2, 3)');

      await launcher.click();
      await expect.poll(() => gate.requested).toBeGreaterThan(0);
      expect(await launcher.getAttribute('aria-busy')).toBe('true');
      await gate.release();

      await expect.poll(() => defined(page)).toBe(true);
      const panel = page.locator('[part~="panel"]');
      await panel.waitFor({ state: 'visible' });
      expect(await chat.evaluate((el) => (el as HTMLElement & { open: boolean }).open)).toBe(true);
      // The real launcher replaced the placeholder, themed the same way.
      expect(await page.locator('[part~="launcher"]').count()).toBe(1);
      expect(await background(page, 'launcher')).toBe('rgb(1, 2, 3)');
      expect(await page.locator('[part~="launcher"]').getAttribute('aria-label')).toBe('Close chat');
      expect(await page.locator('[part~="title"]').textContent()).toBe('Chat');
      expect(await page.locator('[part~="empty"]').isVisible()).toBe(true);
      await expect.poll(() => seenEvents(page)).toEqual(['switchboard-open']);
      // Nothing is stored before the visitor sends anything.
      expect(await page.evaluate(() => localStorage.length)).toBe(0);

      // No server answers: the message stays on screen as the visitor's own, and the widget
      // reports trouble instead of breaking. Markup in it stays text.
      const text = '<img src=x onerror="window.hacked = true"> hello';
      const input = page.locator('[part~="composer-input"]');
      expect(await input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      await input.fill(text);
      await page.locator('[part~="send-button"]').click();
      // Focus goes back to the text field, ready for the next message.
      expect(await input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

      const message = page.locator('[part~="message"]');
      await expect.poll(() => message.count()).toBe(1);
      expect(await message.locator('.text').textContent()).toBe(text);
      expect(await message.getAttribute('part')).toMatch(/^message message-self message-(pending|failed)$/);
      expect(await page.locator('[part~="messages"] img').count()).toBe(0);
      expect(await input.inputValue()).toBe('');
      await expect
        .poll(() => page.locator('[part~="banner"]:not([hidden]), [part~="message-failed"]').count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      expect(await page.evaluate(() => 'hacked' in window)).toBe(false);
      expect(await seenEvents(page)).toEqual(['switchboard-open', 'switchboard-message-send']);

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      expect(await focusedPart(page)).toBe('launcher');
      expect(await seenEvents(page)).toEqual([
        'switchboard-open',
        'switchboard-message-send',
        'switchboard-close',
      ]);
      expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
      await context.close();
    },
  );

  it('loads the element when the browser is idle, leaving it closed', { timeout: 30_000 }, async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${origin}/`);
    await expect.poll(() => defined(page), { timeout: 10_000 }).toBe(true);
    await page.locator('[part~="launcher"]').waitFor();
    expect(await page.locator('[part~="panel"]').isVisible()).toBe(false);
    expect(await page.locator('switchboard-chat').getAttribute('open')).toBeNull();
    expect(await seenEvents(page)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.locator('[part~="launcher"]').click();
    await page.locator('[part~="panel"]').waitFor({ state: 'visible' });
    expect(await seenEvents(page)).toEqual(['switchboard-open']);
    // Opening reads the site's public settings, which no Switchboard server answers here.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('uses an element the page wrote itself, keeping its attributes', { timeout: 30_000 }, async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${origin}/own-element.html`);
    await expect.poll(() => defined(page), { timeout: 10_000 }).toBe(true);
    const chat = page.locator('switchboard-chat');
    expect(await chat.count()).toBe(1);
    expect(await chat.getAttribute('server-url')).toBe('http://127.0.0.1:9');
    await page.locator('[part~="launcher"]').click();
    expect(await page.locator('[part~="title"]').textContent()).toBe('Acme help');
    expect(await background(page, 'header')).toBe('rgb(9, 8, 7)');
    await page.locator('[part~="close-button"]').click();
    await page.locator('[part~="panel"]').waitFor({ state: 'hidden' });
    expect(await focusedPart(page)).toBe('launcher');
    // Opening asked the named server for the site's settings; nobody listens there.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
