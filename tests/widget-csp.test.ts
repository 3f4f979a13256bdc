// The built script-tag widget on a site whose Content-Security-Policy allows no inline script or
// style and no eval: the chat draws, sends, and shows an agent's reply without a single violation.
// The site (the page and the widget's files) and the Switchboard server are separate origins.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { agentClient } from './support/clients.js';
import { sitePage, startPageServer, type PageServer } from './support/page-server.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const NONCE = 'c3dpdGNoYm9hcmQ';

let server: TestServer;
let strictSite: PageServer;
let nonceSite: PageServer;
let browser: Browser;
let context: BrowserContext;
let agent: AgentClient;

function policy(extra: { script?: string; style?: string } = {}): string {
  const switchboard = new URL(server.url);
  return [
    "default-src 'self'",
    `script-src 'self'${extra.script ?? ''}`,
    `style-src 'self'${extra.style ?? ''}`,
    `connect-src 'self' ${switchboard.origin} ws://${switchboard.host}`,
    // Agents' pictures (and attachments) come from the Switchboard server.
    `img-src 'self' data: ${switchboard.origin}`,
  ].join('; ');
}

const loaderTag = (attributes = '') =>
  `<script type="module" src="/widget/loader.js" data-site-key="${DEMO.siteKey}" data-server-url="${server.url}"${attributes}></script>`;

beforeAll(async () => {
  server = await startServer();
  strictSite = await startPageServer({ '/': sitePage(loaderTag()) }, { 'content-security-policy': policy() });
  nonceSite = await startPageServer(
    { '/': sitePage(loaderTag(` nonce="${NONCE}"`)) },
    { 'content-security-policy': policy({ script: ` 'nonce-${NONCE}'`, style: ` 'nonce-${NONCE}'` }) },
  );
  browser = await launchBrowser();
  agent = agentClient(server.url);
  await agent.connect();
});
afterEach(() => context?.close());
afterAll(async () => {
  agent?.disconnect();
  await browser?.close();
  await Promise.all([strictSite?.close(), nonceSite?.close()]);
  await server?.close();
});

interface Watched {
  page: Page;
  /** `securitypolicyviolation` events, as `directive blocked-uri`. */
  violations: () => Promise<string[]>;
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A page that records CSP violations (shadow roots included: the event is composed) and errors. */
async function watchedPage(initScript?: () => void): Promise<Watched> {
  context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      true,
    );
  });
  if (initScript) await page.addInitScript(initScript);
  return {
    page,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  };
}

const chat = (page: Page) => ({
  launcher: page.locator('switchboard-chat [part~="launcher"]'),
  panel: page.locator('switchboard-chat [part~="panel"]'),
  input: page.locator('switchboard-chat [part~="composer-input"]'),
  messages: page.locator('switchboard-chat [part~="message"]:not([part~="message-pending"])'),
});

const backgroundOf = (page: Page, part: string) =>
  page.locator(`switchboard-chat [part~="${part}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('the widget under a strict Content-Security-Policy', () => {
  it('sends a message and shows the agent’s reply without a single violation', async () => {
    const { page, errors, violations } = await watchedPage();
    await page.goto(`${strictSite.origin}/`);
    const ui = chat(page);
    await ui.launcher.click();
    await ui.input.waitFor();
    // Styled, not merely present: the constructed sheets applied.
    expect(await backgroundOf(page, 'launcher')).toBe('rgb(79, 70, 229)');
    expect(await backgroundOf(page, 'panel')).toBe('rgb(255, 255, 255)');

    await ui.input.fill('Is this page locked down?');
    await ui.input.press('Enter');
    const conversationId = await waitFor(
      () =>
        Object.entries(agent.getSnapshot().messages).find(([, list]) =>
          list.some((m) => m.text === 'Is this page locked down?'),
        )?.[0],
      'the agent to receive the visitor message',
    );
    await agent.sendMessage(conversationId, 'Tightly, and the chat still works.');
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Is this page locked down?', 'Tightly, and the chat still works.']);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reports a violation when one happens, so the empty list above means something', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${strictSite.origin}/`);
    await chat(page).launcher.waitFor();
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'h1 { color: red; }';
      document.head.append(style);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^style-src-elem inline$/)]);
  });

  it('gives the loader tag’s nonce to the <style> elements the widget needs in a browser without constructed sheets', async () => {
    // Such a browser, as far as the loader and the element can tell (Safari before 16.4).
    const { page, errors, violations } = await watchedPage(() => {
      const proto = CSSStyleSheet.prototype as Partial<CSSStyleSheet>;
      delete proto.replace;
      delete proto.replaceSync;
    });
    await page.goto(`${nonceSite.origin}/`);
    const ui = chat(page);
    await ui.launcher.waitFor();
    // No placeholder in such a browser: the element's own launcher, styled through its nonced <style>.
    expect(await backgroundOf(page, 'launcher')).toBe('rgb(79, 70, 229)');
    await ui.launcher.click();
    await ui.panel.waitFor({ state: 'visible' });
    expect(await backgroundOf(page, 'panel')).toBe('rgb(255, 255, 255)');
    const styles = await page.evaluate(() =>
      [...(document.querySelector('switchboard-chat')?.shadowRoot?.querySelectorAll('style') ?? [])].map(
        (style) => style.nonce,
      ),
    );
    expect(styles.length).toBeGreaterThan(0);
    expect(new Set(styles)).toEqual(new Set([NONCE]));
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
