// The built script-tag widget in real Chromium, in the visitor's language: chosen by the browser
// or by the page, loaded lazily, right to left for Arabic, and switched at runtime.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterEach(() => context?.close());
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const chat = (page: Page) => ({
  element: page.locator('switchboard-chat'),
  launcher: page.locator('switchboard-chat [part~="launcher"]'),
  panel: page.locator('switchboard-chat [part~="panel"]'),
  greeting: page.locator('switchboard-chat [part~="empty"]'),
  input: page.locator('switchboard-chat [part~="composer-input"]'),
  send: page.locator('switchboard-chat [part~="send-button"]'),
  list: page.locator('switchboard-chat [part~="messages"]'),
  sent: page.locator('switchboard-chat [part~="message-self"]:not([part~="message-pending"])'),
});

/** A page of the site's own that writes the element, so it can carry attributes. */
function sitePage(attributes: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
    <h1>A shop</h1>
    <switchboard-chat ${attributes}></switchboard-chat>
    <script type="module" src="/widget/loader.js" data-site-key="pk_demo_switchboard"></script>
  </body></html>`;
}

async function open(locale: string, path = '/'): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

/** Serves `html` at `path` on the server's origin, so the page loads the real widget. */
async function routePage(page: Page, path: string, html: string): Promise<void> {
  // A page fulfilled by the router has no address, so Chromium counts it as public and its
  // Local Network Access checks refuse its WebSocket to the loopback server (a real page and its
  // server share an address). socket.io-client hid this by falling back to long-polling.
  await page.context().grantPermissions(['local-network-access']);
  await page.route(`${server.url}${path}`, (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
  );
}

/** Waits for lit's element to replace the loader's placeholder and render once. */
async function upgraded(page: Page): Promise<void> {
  await page.waitForFunction(() => customElements.get('switchboard-chat') !== undefined);
  await chat(page).element.evaluate(
    (el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
  );
}

const chunkRequests = (language: string) =>
  server.requests.filter((request) => request.includes(`/widget/chunks/${language}-`));

const box = async (locator: ReturnType<Page['locator']>) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
};

describe('the widget’s language', () => {
  it('follows the browser: German, with German times', async () => {
    const { page, errors } = await open('de-DE');
    const ui = chat(page);
    await upgraded(page);
    await expect.poll(() => ui.launcher.getAttribute('aria-label')).toBe('Chat öffnen');
    await ui.launcher.click();
    await expect.poll(() => ui.input.getAttribute('placeholder')).toBe('Nachricht schreiben…');
    expect(await ui.greeting.innerText()).toBe(
      'Hallo! Fragen Sie uns gern – wir antworten Ihnen direkt hier.',
    );
    expect(await ui.panel.getAttribute('lang')).toBe('de-DE');
    expect(await ui.panel.getAttribute('dir')).toBe('ltr');
    expect(await ui.send.getAttribute('aria-label')).toBe('Senden');

    await ui.input.fill('Hallo?');
    await ui.input.press('Enter');
    await ui.sent.first().waitFor();
    // 24-hour clock, as German visitors expect; an American browser would say "03:04 PM".
    await expect.poll(() => ui.sent.first().getAttribute('title')).toMatch(/^\d{2}:\d{2}$/);
    expect(chunkRequests('de')).not.toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stays in English, loading no language chunk, for an English browser', async () => {
    const before = server.requests.length;
    const { page, errors } = await open('en-US');
    const ui = chat(page);
    await upgraded(page);
    await ui.launcher.click();
    expect(await ui.input.getAttribute('placeholder')).toBe('Write a message…');
    expect(await ui.launcher.getAttribute('aria-label')).toBe('Close chat');
    const chunks = server.requests.slice(before).filter((request) => request.includes('/widget/chunks/'));
    expect(chunks.map((request) => request.replace(/-[\w-]+\.js$/, ''))).toEqual([
      'GET /widget/chunks/define',
    ]);
    expect(errors).toEqual([]);
  });

  it('takes locale="ar" from the page: right to left, Arabic text, the composer mirrored', async () => {
    context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await routePage(page, '/arabic.html', sitePage('locale="ar"'));
    await page.goto(`${server.url}/arabic.html`);
    const ui = chat(page);
    await upgraded(page);
    await expect.poll(() => ui.launcher.getAttribute('aria-label')).toBe('فتح الدردشة');
    expect(await ui.launcher.getAttribute('lang')).toBe('ar');
    await ui.launcher.click();
    await expect.poll(() => ui.input.getAttribute('placeholder')).toBe('اكتب رسالة…');
    expect(await ui.panel.getAttribute('dir')).toBe('rtl');
    expect(await ui.panel.getAttribute('lang')).toBe('ar');
    expect(await ui.input.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

    // The send button sits at the start of the line: on the left of the text field.
    const [send, input] = [await box(ui.send), await box(ui.input)];
    expect(send.x + send.width).toBeLessThanOrEqual(input.x);

    // The visitor's own messages line up at the end of the line, which is the left.
    await ui.input.fill('مرحبا');
    await ui.send.click();
    await ui.sent.first().waitFor();
    const [bubble, list] = [await box(ui.sent.first()), await box(ui.list)];
    expect(bubble.x - list.x).toBeLessThan(30);
    expect(list.x + list.width - (bubble.x + bubble.width)).toBeGreaterThan(100);
    expect(chunkRequests('ar')).not.toEqual([]);
  });

  it('switches language at runtime, through the attribute and setLocale()', async () => {
    const { page, errors } = await open('en-US');
    const ui = chat(page);
    await upgraded(page);
    await ui.launcher.click();
    expect(await ui.input.getAttribute('placeholder')).toBe('Write a message…');

    await ui.element.evaluate((el) => el.setAttribute('locale', 'es-MX'));
    await expect.poll(() => ui.input.getAttribute('placeholder')).toBe('Escribe un mensaje…');
    expect(await ui.greeting.innerText()).toBe(
      '¡Hola! Pregúntanos lo que quieras y te responderemos aquí mismo.',
    );
    expect(await ui.panel.getAttribute('lang')).toBe('es-MX');

    // setLocale settles once the new strings are on screen, so no polling is needed.
    await ui.element.evaluate((el) =>
      (el as HTMLElement & { setLocale(l: string): Promise<void> }).setLocale('ar'),
    );
    expect(await ui.input.getAttribute('placeholder')).toBe('اكتب رسالة…');
    expect(await ui.panel.getAttribute('dir')).toBe('rtl');
    const [send, input] = [await box(ui.send), await box(ui.input)];
    expect(send.x + send.width).toBeLessThanOrEqual(input.x);

    // An unknown language is English, left to right again.
    await ui.element.evaluate((el) => el.setAttribute('locale', 'fr'));
    await expect.poll(() => ui.input.getAttribute('placeholder')).toBe('Write a message…');
    expect(await ui.panel.getAttribute('dir')).toBe('ltr');
    expect((await box(ui.send)).x).toBeGreaterThan((await box(ui.input)).x);
    expect(errors).toEqual([]);
  });

  it('shows English, never a blank, while a language chunk is on its way', async () => {
    const { page } = await open('en-US');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested = false;
    await page.route(/\/widget\/chunks\/de-[\w-]+\.js$/, async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    const ui = chat(page);
    await upgraded(page);
    await ui.launcher.click();
    await ui.element.evaluate((el) => el.setAttribute('locale', 'de'));
    await expect.poll(() => requested).toBe(true);
    // Renders meanwhile (the visitor types) keep the English strings.
    await ui.input.fill('Hallo');
    expect(await ui.input.getAttribute('placeholder')).toBe('Write a message…');
    expect(await ui.panel.getAttribute('lang')).toBe('en-US');
    release();
    await expect.poll(() => ui.input.getAttribute('placeholder')).toBe('Nachricht schreiben…');
  });
});
