// The built script-tag widget's looks in Chromium: the dark theme (set, or followed from the
// system) with readable text, the launcher in the left corner, and a full-screen panel on a phone.
// No Switchboard server: nothing here sends a message.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { sitePage, startPageServer, type PageServer } from './support/page-server.js';

/** The page writes the element (to configure it) and the loader upgrades it. */
const withChat = (attributes: string) =>
  sitePage(
    `<switchboard-chat ${attributes}></switchboard-chat>
     <script type="module" src="/widget/loader.js" data-site-key="${DEMO.siteKey}" data-server-url="http://127.0.0.1:9"></script>`,
  );

let site: PageServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  site = await startPageServer({
    '/': withChat(''),
    '/dark.html': withChat('theme="dark"'),
    '/auto.html': withChat('theme="auto"'),
    '/left.html': withChat('position="left"'),
  });
  browser = await launchBrowser();
});
afterEach(() => context?.close());
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openChat(
  path: string,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${site.origin}${path}`);
  await page.waitForFunction(() => customElements.get('switchboard-chat') !== undefined);
  await page.locator('switchboard-chat [part~="launcher"]').click();
  await page.locator('switchboard-chat [part~="panel"]').waitFor({ state: 'visible' });
  return page;
}

type Rgb = [number, number, number];

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
function rgb(computed: string): Rgb {
  const channels = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(computed);
  if (!channels) throw new Error(`Not an rgb() colour: ${computed}`);
  // A translucent background would need what is under it; the themes draw none for text.
  if (channels[4] !== undefined && Number(channels[4]) !== 1) throw new Error(`Translucent: ${computed}`);
  return [Number(channels[1]), Number(channels[2]), Number(channels[3])];
}

/** The text colour of `part` and the first opaque background at or above it, in the shadow root. */
function colours(page: Page, part: string): Promise<{ text: string; background: string }> {
  return page
    .locator(`switchboard-chat [part~="${part}"]`)
    .first()
    .evaluate((el) => {
      let node: Element | null = el;
      let background = 'rgba(0, 0, 0, 0)';
      while (node && /rgba\(.*, 0\)$|transparent/.test(background)) {
        background = getComputedStyle(node).backgroundColor;
        node = node.parentElement;
      }
      return { text: getComputedStyle(el).color, background };
    });
}

/** Text on its background in the panel: the header, the greeting, the composer, the banner. */
const READABLE = ['title', 'empty', 'composer-input', 'banner'];

async function contrasts(page: Page): Promise<Record<string, number>> {
  // Without a site key the widget says it is not set up, in the banner.
  await page.locator('switchboard-chat').evaluate((el) => el.removeAttribute('site-key'));
  const result: Record<string, number> = {};
  for (const part of READABLE) {
    const { text, background } = await colours(page, part);
    result[part] = Math.round(contrast(rgb(text), rgb(background)) * 100) / 100;
  }
  return result;
}

const panelBackground = (page: Page) =>
  page.locator('switchboard-chat [part~="panel"]').evaluate((el) => getComputedStyle(el).backgroundColor);

describe('theme', () => {
  it('is light by default, reflected on the element', async () => {
    const page = await openChat('/');
    expect(await page.locator('switchboard-chat').getAttribute('theme')).toBe('light');
    expect(await panelBackground(page)).toBe('rgb(255, 255, 255)');
    for (const [part, ratio] of Object.entries(await contrasts(page)))
      expect(ratio, part).toBeGreaterThanOrEqual(4.5);
  });

  it('dark: a dark panel whose text all passes WCAG AA (4.5:1)', async () => {
    const page = await openChat('/dark.html');
    const background = rgb(await panelBackground(page));
    expect(luminance(background)).toBeLessThan(0.05);
    for (const [part, ratio] of Object.entries(await contrasts(page)))
      expect(ratio, part).toBeGreaterThanOrEqual(4.5);
    // The launcher's icon on the accent too.
    const launcher = await colours(page, 'launcher');
    expect(contrast(rgb(launcher.text), rgb(launcher.background))).toBeGreaterThanOrEqual(4.5);
  });

  it('auto follows the system’s colour scheme', async () => {
    const dark = await openChat('/auto.html', { colorScheme: 'dark' });
    expect(luminance(rgb(await panelBackground(dark)))).toBeLessThan(0.05);
    await context.close();
    const light = await openChat('/auto.html', { colorScheme: 'light' });
    expect(await panelBackground(light)).toBe('rgb(255, 255, 255)');
  });

  it('leaves the page the last word: its rules on the element beat the dark palette', async () => {
    const page = await openChat('/dark.html');
    await page
      .locator('switchboard-chat')
      .evaluate((el) => (el as HTMLElement).style.setProperty('--switchboard-background', 'rgb(1, 2, 3)'));
    expect(await panelBackground(page)).toBe('rgb(1, 2, 3)');
  });
});

describe('position', () => {
  const box = (page: Page, part: string) =>
    page.locator(`switchboard-chat [part~="${part}"]`).evaluate((el) => {
      const { left, right } = el.getBoundingClientRect();
      return { left, right };
    });

  it('left: the launcher and the panel sit in the bottom left corner', async () => {
    const page = await openChat('/left.html', { viewport: { width: 1280, height: 800 } });
    expect((await box(page, 'launcher')).left).toBe(20);
    expect((await box(page, 'panel')).left).toBe(20);
  });

  it('right by default', async () => {
    const page = await openChat('/', { viewport: { width: 1280, height: 800 } });
    expect((await box(page, 'launcher')).right).toBe(1260);
    expect((await box(page, 'panel')).right).toBe(1260);
  });
});

describe('on a narrow screen (≤ 480px)', () => {
  it('the open panel covers the viewport and the launcher hides until it closes', async () => {
    const page = await openChat('/left.html', { viewport: { width: 375, height: 667 } });
    const panel = await page
      .locator('switchboard-chat [part~="panel"]')
      .evaluate((el) => el.getBoundingClientRect().toJSON() as Record<string, number>);
    expect(panel).toMatchObject({ left: 0, top: 0, width: 375, height: 667 });
    const launcher = page.locator('switchboard-chat [part~="launcher"]');
    expect(await launcher.isVisible()).toBe(false);
    await page.locator('switchboard-chat [part~="close-button"]').click();
    expect(await launcher.isVisible()).toBe(true);
  });
});
