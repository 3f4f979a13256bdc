// The set-up the widget's browser tests share: one server, one browser and the demo agent online
// (so routing hands it the visitor's conversation), with a fresh browser context per test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { launchBrowser } from './browser.js';
import { agentClient } from './clients.js';
import { startServer, type TestServer } from './server.js';
import { waitFor } from './wait.js';

export interface WidgetFixture {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly agent: AgentClient;
  /** A page in a new context (closed after the test), recording uncaught page errors. */
  newPage(): Promise<{ page: Page; errors: string[] }>;
}

/** Registers the hooks for a test file; the fixture's fields are set once `beforeAll` ran. */
export function useWidgetFixture(env: Record<string, string> = {}): WidgetFixture {
  let server: TestServer;
  let browser: Browser;
  let agent: AgentClient;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
    agent = agentClient(server.url);
    await agent.connect();
  });
  afterEach(() => context?.close());
  afterAll(async () => {
    agent.disconnect();
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    get agent() {
      return agent;
    },
    async newPage() {
      context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
  };
}

/** The widget's pieces every test reaches for (Playwright's CSS locators pierce shadow roots). */
export function chatParts(page: Page) {
  return {
    launcher: page.locator('switchboard-chat [part~="launcher"]'),
    input: page.locator('switchboard-chat [part~="composer-input"]'),
    send: page.locator('switchboard-chat [part~="send-button"]'),
    messages: page.locator('switchboard-chat [part~="message"]:not([part~="message-pending"])'),
  };
}

/** The id of the conversation in which the agent has received `text`. */
export function conversationWith(agent: AgentClient, text: string): Promise<string> {
  return waitFor(
    () =>
      Object.entries(agent.getSnapshot().messages).find(([, list]) => list.some((m) => m.text === text))?.[0],
    'the agent to receive the visitor message',
  );
}
