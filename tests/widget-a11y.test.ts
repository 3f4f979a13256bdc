// Accessibility of the built script-tag widget in real Chromium, on the demo page served by the
// real server: axe-core (which walks open shadow roots) finds nothing serious or critical with the
// chat closed, open, talking to the bot, resolved, or dark; and the keyboard alone can open it,
// write, and close it again.
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { setPreChat } from './support/site-settings.js';
import { agentClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(() => context?.close());
afterAll(() => browser?.close());

const chat = (page: Page) => ({
  launcher: page.locator('switchboard-chat [part~="launcher"]'),
  input: page.locator('switchboard-chat [part~="composer-input"]'),
  panel: page.locator('switchboard-chat [part~="panel"]'),
  messages: page.locator('switchboard-chat [part~="message"]:not([part~="message-pending"])'),
  status: page.locator('switchboard-chat [part~="header-status"]'),
  quickReplies: page.getByRole('group', { name: 'Suggested replies' }),
  thanksOrPrompt: page.locator('switchboard-chat [part~="csat"]'),
  newConversation: page.locator('switchboard-chat [part~="new-conversation"]'),
});

async function openPage(server: TestServer, theme?: 'dark'): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await chat(page).launcher.waitFor();
  if (theme)
    await page.evaluate(
      (value) => document.querySelector('switchboard-chat')?.setAttribute('theme', value),
      theme,
    );
  return { page, errors };
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** axe-core on the whole document; the serious and critical violations, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v): Violation => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ),
    );
}

async function write(page: Page, text: string): Promise<void> {
  await chat(page).input.fill(text);
  await chat(page).input.press('Enter');
}

/** What has focus inside the widget's shadow root: its `part`, or null outside the widget. */
function focusedPart(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.activeElement;
    if (host?.tagName !== 'SWITCHBOARD-CHAT') return null;
    return host.shadowRoot?.activeElement?.getAttribute('part') ?? null;
  });
}

describe('the widget with agents', () => {
  let server: TestServer;
  let agent: AgentClient;

  beforeAll(async () => {
    server = await startServer();
    agent = agentClient(server.url);
    await agent.connect();
  });
  afterAll(async () => {
    agent?.disconnect();
    await server?.close();
  });

  for (const theme of [undefined, 'dark'] as const) {
    it(`has no serious violations closed, open, with an agent, and resolved (${theme ?? 'light'} theme)`, async () => {
      const { page, errors } = await openPage(server, theme);
      expect(await seriousViolations(page)).toEqual([]);

      await chat(page).launcher.click();
      await chat(page).input.waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const text = `Hello from the ${theme ?? 'light'} theme`;
      await write(page, text);
      const conversationId = await waitFor(
        () =>
          Object.entries(agent.getSnapshot().messages).find(([, list]) =>
            list.some((m) => m.text === text),
          )?.[0],
        'the agent to receive the visitor message',
      );
      await waitFor(
        () => agent.getSnapshot().conversations[conversationId]?.status === 'active',
        'routing to hand the conversation to the agent',
      );
      await agent.sendMessage(conversationId, 'Hi! How can I help?');
      await expect.poll(() => chat(page).messages.count()).toBe(2);
      await expect.poll(() => chat(page).status.innerText()).toBe(DEMO.agentName);
      expect(await seriousViolations(page)).toEqual([]);

      await agent.resolve(conversationId, 'solved');
      await chat(page).thanksOrPrompt.waitFor();
      await chat(page).newConversation.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('has no serious violations in the pre-chat form, with its errors shown, in either theme', async () => {
    await setPreChat(server.url, {
      fields: [
        { name: 'name', label: 'Name', required: true },
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'phone', label: 'Phone', type: 'tel' },
      ],
      consent: { text: 'I agree to the privacy policy.', url: 'https://example.com/privacy' },
    });
    try {
      for (const theme of [undefined, 'dark'] as const) {
        const { page, errors } = await openPage(server, theme);
        await chat(page).launcher.click();
        const start = page.locator('switchboard-chat [part~="pre-chat-submit"]');
        await start.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await start.click();
        await page.locator('switchboard-chat [part~="pre-chat-error"]').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      }
    } finally {
      await setPreChat(server.url, null);
    }
  });

  it('starts a new conversation once the last one was resolved', async () => {
    const { page, errors } = await openPage(server);
    await chat(page).launcher.click();
    await write(page, 'First question');
    const first = await waitFor(
      () =>
        Object.entries(agent.getSnapshot().messages).find(([, list]) =>
          list.some((m) => m.text === 'First question'),
        )?.[0],
      'the agent to receive the first question',
    );
    await waitFor(() => agent.getSnapshot().conversations[first]?.status === 'active', 'the agent to get it');
    await agent.resolve(first, 'solved');

    await chat(page).newConversation.click();
    // A fresh conversation: the old messages and the button are gone, focus is back in the composer.
    await expect.poll(() => chat(page).newConversation.count()).toBe(0);
    await expect.poll(() => chat(page).messages.count()).toBe(0);
    expect(await focusedPart(page)).toBe('composer-input');
    await write(page, 'Second question');
    const second = await waitFor(
      () =>
        Object.entries(agent.getSnapshot().messages).find(([, list]) =>
          list.some((m) => m.text === 'Second question'),
        )?.[0],
      'the agent to receive the second question',
    );
    expect(second).not.toBe(first);
    expect(agent.getSnapshot().conversations[first]?.status).toBe('resolved');
    expect(errors).toEqual([]);
  });

  it('works from the keyboard alone, and announces new messages', async () => {
    const { page, errors } = await openPage(server);
    // The loader draws a placeholder launcher first; the element, loaded once the browser is idle,
    // replaces it, and focus with it.
    await page.waitForFunction(() => customElements.get('switchboard-chat') !== undefined);
    // Tab through the page until the launcher has focus.
    for (let i = 0; i < 40 && (await focusedPart(page)) !== 'launcher'; i++) await page.keyboard.press('Tab');
    expect(await focusedPart(page)).toBe('launcher');

    await page.keyboard.press('Enter');
    await expect.poll(() => focusedPart(page)).toBe('composer-input');

    // New messages land in a polite log, which screen readers read out as they arrive.
    const log = page.locator('switchboard-chat [part~="messages"]');
    expect(await log.getAttribute('role')).toBe('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');

    await page.keyboard.type('Typed with the keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => chat(page).messages.allInnerTexts()).toContain('Typed with the keyboard');
    expect(await log.locator('[part~="message"]').count()).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => chat(page).panel.isHidden()).toBe(true);
    expect(await focusedPart(page)).toBe('launcher');
    expect(await chat(page).launcher.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
  });
});

describe('the widget with the demo bot', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
  });
  afterAll(() => server?.close());

  for (const theme of [undefined, 'dark'] as const) {
    it(`has no serious violations after a bot answer with quick replies (${theme ?? 'light'} theme)`, async () => {
      const { page, errors } = await openPage(server, theme);
      await chat(page).launcher.click();
      await write(page, 'hello');
      await chat(page).quickReplies.waitFor();
      await expect.poll(() => chat(page).status.innerText()).toBe('Assistant');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
