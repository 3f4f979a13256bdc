// Typing indicators and read receipts between the built widget in real Chromium and an agent that
// is an SDK client in this Node process, through the real server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { launchBrowser } from './support/browser.js';
import { agentClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let agent: AgentClient;

beforeAll(async () => {
  server = await startServer();
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

const chat = (page: Page) => ({
  launcher: page.locator('switchboard-chat [part~="launcher"]'),
  input: page.locator('switchboard-chat [part~="composer-input"]'),
  messages: page.locator('switchboard-chat [part~="message"]:not([part~="message-pending"])'),
  typing: page.locator('switchboard-chat [part~="typing-indicator"]'),
  status: page.locator('switchboard-chat [part~="message-status"]'),
});

/** Opens the demo page's chat, sends `text` as the visitor and returns the conversation's id. */
async function visitorWrites(text: string): Promise<{ page: Page; conversationId: string }> {
  context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await chat(page).launcher.click();
  await chat(page).input.fill(text);
  await chat(page).input.press('Enter');
  const conversationId = await waitFor(
    () =>
      Object.entries(agent.getSnapshot().messages).find(([, list]) => list.some((m) => m.text === text))?.[0],
    'the agent to receive the visitor message',
  );
  expect(errors).toEqual([]);
  return { page, conversationId };
}

describe('typing indicators and read receipts in the widget', () => {
  it('shows the agent typing until their message arrives, and tells the agent when the visitor types', async () => {
    const { page, conversationId } = await visitorWrites('Is anyone there?');
    const ui = chat(page);
    await expect.poll(() => ui.typing.isVisible()).toBe(false);

    agent.setTyping(conversationId, true);
    await expect.poll(() => ui.typing.isVisible()).toBe(true);
    expect(await ui.typing.innerText()).toContain('Support is typing…');
    expect(await ui.typing.getAttribute('aria-live')).toBe('polite');

    await agent.sendMessage(conversationId, 'Yes, I am here.');
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Is anyone there?', 'Yes, I am here.']);
    await expect.poll(() => ui.typing.isVisible()).toBe(false);

    await ui.input.pressSequentially('I have a question', { delay: 20 });
    await waitFor(
      () => agent.getSnapshot().visitorTyping[conversationId],
      'the agent to see the visitor typing',
    );
    // Sending ends it at once (the widget says so; the message would too).
    await ui.input.press('Enter');
    await waitFor(
      () => agent.getSnapshot().visitorTyping[conversationId] === undefined,
      'the visitor to stop typing',
    );
  });

  it('tells the agent the widget showed their message, and shows the visitor "Read" once the agent reads', async () => {
    const { page, conversationId } = await visitorWrites('Where is my parcel?');
    const ui = chat(page);
    // Stored but unread: "Sent" under the visitor's message.
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Sent']);

    const reply = await agent.sendMessage(conversationId, 'Let me check.');
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Where is my parcel?', 'Let me check.']);
    await waitFor(
      () => (agent.getSnapshot().visitorReadSeq[conversationId] ?? 0) >= reply.seq,
      'the visitor’s read receipt',
    );
    expect(await ui.status.allInnerTexts()).toEqual(['Sent']);

    agent.markRead(conversationId);
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Read']);
    expect(await page.locator('switchboard-chat [part~="message-status-read"]').count()).toBe(1);

    // Stored: a reload shows the same.
    await page.reload();
    await ui.launcher.click();
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Read']);
  });
});
