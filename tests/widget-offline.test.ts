// The widget without a network, in real Chromium: the connection banner, a message written while
// offline kept in the outbox across a reload, and sent exactly once when the network returns.
// A TCP proxy stands between the browser and the server, so the network really goes away.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { agentClient } from './support/clients.js';
import { sitePage, startPageServer, type PageServer } from './support/page-server.js';
import { startServer, type TestServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { conversationWith, chatParts } from './support/widget.js';

let server: TestServer;
let proxy: TcpProxy;
let site: PageServer;
let browser: Browser;
let context: BrowserContext | undefined;
let agent: AgentClient;

beforeAll(async () => {
  server = await startServer();
  proxy = await startTcpProxy(server.url);
  // The site serves the widget's files itself, so the page reloads while the chat server is cut off.
  site = await startPageServer({
    '/': sitePage(
      `<script type="module" src="/widget/loader.js" data-site-key="${DEMO.siteKey}" data-server-url="${proxy.url}"></script>`,
    ),
  });
  browser = await launchBrowser();
  agent = agentClient(server.url);
  await agent.connect();
});
afterEach(async () => {
  proxy.restore();
  await context?.close();
});
afterAll(async () => {
  agent?.disconnect();
  await browser?.close();
  await site?.close();
  await proxy?.close();
  await server?.close();
});

const agentTexts = (conversationId: string) =>
  (agent.getSnapshot().messages[conversationId] ?? []).map((message) => message.text);

describe('the widget offline', () => {
  it('keeps a message written offline across a reload and delivers it once when the network returns', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.origin);
    const ui = chatParts(page);
    const pending = page.locator('switchboard-chat [part~="message-pending"]');
    const notice = page.locator('switchboard-chat [part~="banner"]');

    await ui.launcher.click();
    await ui.input.fill('Are you there?');
    await ui.send.click();
    const conversationId = await conversationWith(agent, 'Are you there?');
    // Acknowledged on the visitor's side too (the agent may hear of it before the ack is back).
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Are you there?']);

    proxy.cut();
    await expect.poll(() => notice.isVisible()).toBe(true);
    await ui.input.fill('Written on the train');
    await ui.send.click();
    await expect.poll(() => pending.allInnerTexts()).toEqual(['Written on the train']);

    // Still offline: the reloaded page finds the message in its outbox and shows it as waiting.
    await page.reload();
    await ui.launcher.click();
    await expect.poll(() => pending.allInnerTexts(), { timeout: 10_000 }).toEqual(['Written on the train']);
    expect(agentTexts(conversationId)).toEqual(['Are you there?']);

    proxy.restore();
    await expect
      .poll(() => agentTexts(conversationId), { timeout: 20_000 })
      .toEqual(['Are you there?', 'Written on the train']);
    await expect
      .poll(() => ui.messages.allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Are you there?', 'Written on the train']);
    await expect.poll(() => pending.count()).toBe(0);
    await expect.poll(() => notice.isVisible()).toBe(false);

    // Once: nothing more arrives after the outbox emptied.
    await page.waitForTimeout(500);
    expect(agentTexts(conversationId)).toEqual(['Are you there?', 'Written on the train']);
    expect(errors).toEqual([]);
  });
});
