// The agent console with the demo site's rules bot on: watching the bot, intervening, taking a
// handoff from the queue and handing the conversation back. The console is the built one, in
// real Chromium against the real server; visitors are SDK clients in this Node process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { launchBrowser } from './support/browser.js';
import { visitorClient } from './support/clients.js';
import { byTestId, conversationItem, logIn as logInTo } from './support/console.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

// From packages/server/src/bots/rules/demo-bot.ts.
const GREETING = "Hi! I'm the Switchboard demo shop's assistant.";
const EMAIL_PROMPT = "What's your email address, in case we get cut off?";
const HANDOFF_TEXT = "I'm connecting you with our team.";
const SHIPPING_ANSWER = 'We ship within one business day.';

let server: TestServer;
let browser: Browser;
const visitors: VisitorClient[] = [];

beforeAll(async () => {
  server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
  browser = await launchBrowser();
});
afterEach(() => {
  for (const visitor of visitors.splice(0)) visitor.disconnect();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function newVisitor(): VisitorClient {
  const visitor = visitorClient(server.url);
  visitors.push(visitor);
  return visitor;
}

const logIn = (): Promise<Page> => logInTo(browser, server.url);

/** The visitor writes and waits for the bot's answer to exactly that message. */
async function askBot(visitor: VisitorClient, text: string, answer: string): Promise<void> {
  const sent = await visitor.sendMessage(text);
  await waitFor(
    () =>
      visitor
        .getSnapshot()
        .messages.some((m) => m.authorKind === 'bot' && m.seq > sent.seq && m.text.includes(answer)),
    `the bot to answer "${text}"`,
  );
}

const botMessagesAfter = (visitor: VisitorClient, seq: number) =>
  visitor.getSnapshot().messages.filter((m) => m.authorKind === 'bot' && m.seq > seq);

describe('the agent console with a bot', () => {
  it('lists a bot conversation under Bot; Intervene makes it mine and mutes the bot', async () => {
    const page = await logIn();
    const visitor = newVisitor();
    await askBot(visitor, 'hello', GREETING);
    const conversationId = visitor.getSnapshot().conversation?.id ?? '';

    await byTestId(page, 'tab-bot').click();
    const item = conversationItem(page, conversationId);
    await expect.poll(() => item.getAttribute('data-status')).toBe('bot');
    await item.click();

    // The transcript: the visitor's hello and the bot's greeting, labelled and with its offers.
    const botMessage = page.locator('[data-testid="message"][data-author-kind="bot"]');
    await expect.poll(() => botMessage.first().innerText()).toContain(GREETING);
    expect(await botMessage.first().locator('.message-author').innerText()).toBe('Bot');
    expect(await botMessage.first().locator('[data-testid="quick-replies"] li').allInnerTexts()).toEqual([
      'Shipping',
      'Returns',
      'Opening hours',
      'Talk to a human',
    ]);
    // Chips to read, not buttons to press.
    expect(await botMessage.first().locator('[data-testid="quick-replies"] button').count()).toBe(0);
    expect(await byTestId(page, 'handoff-panel').isVisible()).toBe(false);
    // While the bot answers, the agent writes internal notes only: replying means intervening.
    expect(await byTestId(page, 'composer-note').isChecked()).toBe(true);
    expect(await byTestId(page, 'composer-note').isDisabled()).toBe(true);

    await byTestId(page, 'intervene').click();
    const thread = byTestId(page, 'thread');
    await expect.poll(() => thread.getAttribute('data-status')).toBe('active');
    expect(await thread.getAttribute('data-assignee-id')).toMatch(/\S/);
    // The console follows the conversation into the agent's own list.
    await expect.poll(() => byTestId(page, 'tab-mine').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await byTestId(page, 'intervene').isVisible()).toBe(false);
    await expect
      .poll(() => byTestId(page, 'handoff-panel').getAttribute('data-reason'))
      .toBe('agent_intervention');
    expect(await byTestId(page, 'handoff-wait').innerText()).toMatch(/^Waited \d+s$/);

    // The visitor asks something the bot knows; the bot stays silent, the agent sees it arrive.
    const asked = await visitor.sendMessage('How long does shipping take?');
    await expect.poll(() => page.locator(`[data-testid="message"][data-seq="${asked.seq}"]`).count()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 750));
    expect(botMessagesAfter(visitor, asked.seq)).toEqual([]);

    // The agent answers instead, as a reply again now that the conversation is theirs.
    expect(await byTestId(page, 'composer-note').isChecked()).toBe(false);
    await byTestId(page, 'composer').fill('Two to four business days.');
    await byTestId(page, 'composer').press('Enter');
    await waitFor(
      () => visitor.getSnapshot().messages.some((m) => m.authorKind === 'agent' && m.seq > asked.seq),
      "the visitor to get the agent's answer",
    );
    expect(botMessagesAfter(visitor, asked.seq)).toEqual([]);
    await page.close();
  });

  it('shows a handoff in the queue and in the thread, then hands the conversation back', async () => {
    const page = await logIn();
    // Away, so routing leaves the handoff in the queue for this agent to pick up by hand.
    await byTestId(page, 'status-select').selectOption('away');
    await expect.poll(() => page.locator('.presence-controls').getAttribute('data-status')).toBe('away');

    const visitor = newVisitor();
    await askBot(visitor, 'hello', GREETING);
    await askBot(visitor, 'talk to a human', EMAIL_PROMPT);
    await askBot(visitor, 'ada@example.com', HANDOFF_TEXT);
    const conversationId = visitor.getSnapshot().conversation?.id ?? '';
    await waitFor(() => visitor.getSnapshot().conversation?.status === 'queued', 'the handoff');

    await byTestId(page, 'tab-queue').click();
    const item = conversationItem(page, conversationId);
    await expect.poll(() => item.getAttribute('data-handoff-reason')).toBe('visitor_request');
    expect(await item.locator('[data-testid="handoff-badge"]').innerText()).toBe('Asked for a person');

    await item.click();
    const panel = byTestId(page, 'handoff-panel');
    await panel.waitFor();
    expect(await byTestId(page, 'handoff-reason').innerText()).toBe('The visitor asked for a person.');
    expect(await byTestId(page, 'handoff-summary').innerText()).toContain('Visitor asked for a person.');
    await expect.poll(() => byTestId(page, 'handoff-wait').innerText()).toMatch(/^Waiting for \d+s$/);
    await expect
      .poll(() => byTestId(page, 'handoff-fields').locator('[data-field="email"] dd').innerText())
      .toBe('ada@example.com');
    expect(await byTestId(page, 'hand-back').isVisible()).toBe(false);

    await byTestId(page, 'accept').click();
    const thread = byTestId(page, 'thread');
    await expect.poll(() => thread.getAttribute('data-status')).toBe('active');
    await expect.poll(() => byTestId(page, 'handoff-wait').innerText()).toMatch(/^Waited \d+s$/);
    expect(await panel.getAttribute('data-reason')).toBe('visitor_request');
    expect(await byTestId(page, 'handoff-summary').innerText()).toContain('Visitor asked for a person.');
    expect(await byTestId(page, 'handoff-fields').innerText()).toContain('ada@example.com');

    // Back to the bot: the panel goes (the handoff is over) and the bot answers the next message.
    await byTestId(page, 'hand-back').click();
    await expect.poll(() => thread.getAttribute('data-status')).toBe('bot');
    await waitFor(() => visitor.getSnapshot().conversation?.status === 'bot', 'the visitor to see the bot');
    expect(await panel.isVisible()).toBe(false);
    expect(await byTestId(page, 'hand-back').isVisible()).toBe(false);
    expect(await byTestId(page, 'intervene').isVisible()).toBe(true);
    expect(await byTestId(page, 'thread-action-error').isVisible()).toBe(false);

    await askBot(visitor, 'How long does shipping take?', SHIPPING_ANSWER);
    await expect
      .poll(() => page.locator('[data-testid="message"][data-author-kind="bot"]').last().innerText())
      .toContain(SHIPPING_ANSWER);
    await page.close();
  });

  it('marks a bot error as an internal note and shows a refused hand-back in the error area', async () => {
    const page = await logIn();
    await byTestId(page, 'status-select').selectOption('away');
    await expect.poll(() => page.locator('.presence-controls').getAttribute('data-status')).toBe('away');

    const visitor = newVisitor();
    await askBot(visitor, 'hello', GREETING);
    const { id: conversationId, siteId } = visitor.getSnapshot().conversation ?? { id: '', siteId: '' };
    // The site loses its bot mid-conversation: the next turn fails and goes to the queue.
    const { store } = server.switchboard;
    const bot = (await store.sites.byId(siteId))?.bot ?? null;
    await store.sites.update(siteId, { bot: null });
    try {
      await visitor.sendMessage('Are you still there?');
      await waitFor(() => visitor.getSnapshot().conversation?.status === 'queued', 'the bot to time out');

      await byTestId(page, 'tab-queue').click();
      const item = conversationItem(page, conversationId);
      await expect.poll(() => item.getAttribute('data-handoff-reason')).toBe('bot_timeout');
      expect(await item.locator('[data-testid="handoff-badge"]').innerText()).toBe('Bot failed');
      await item.click();
      expect(await byTestId(page, 'handoff-reason').innerText()).toBe(
        'The bot failed or did not answer in time.',
      );

      // The error is for agents: a note, styled and labelled as one, not an event line.
      const note = page.locator('[data-testid="message"][data-kind="note"]');
      await expect.poll(() => note.count()).toBe(1);
      expect(await note.getAttribute('data-author-kind')).toBe('system');
      expect(await note.getAttribute('data-internal')).toBe('true');
      expect(await note.locator('.message-text').innerText()).toMatch(/^Bot error: /);
      expect(await note.locator('.message-author').innerText()).toMatch(/internal note/i);
      const border = await note.locator('.bubble').evaluate((bubble) => getComputedStyle(bubble).borderStyle);
      expect(border).toBe('dashed');

      await byTestId(page, 'accept').click();
      await expect.poll(() => byTestId(page, 'thread').getAttribute('data-status')).toBe('active');
      await byTestId(page, 'hand-back').click();
      const error = byTestId(page, 'thread-action-error');
      await expect.poll(() => error.isVisible()).toBe(true);
      expect(await error.innerText()).toMatch(/no bot/i);
      expect(await byTestId(page, 'thread').getAttribute('data-status')).toBe('active');
    } finally {
      await store.sites.update(siteId, { bot });
    }
    await page.close();
  });
});
