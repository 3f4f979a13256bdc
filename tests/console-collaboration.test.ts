// The example console's details pane in real Chromium, two agents against the real server: tags
// and labels shared live, a note written with Ctrl+N that @mentions a colleague (who is told, and
// the visitor never is), the contact edited, and the contact's earlier conversations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { launchBrowser } from './support/browser.js';
import { agentClient, visitorClient } from './support/clients.js';
import { byTestId, conversationItem, logIn } from './support/console.js';
import { seedAgent } from './support/seed.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const GRACE = { email: 'grace@example.com', password: 'password', name: 'Grace Hopper' };

let server: TestServer;
let browser: Browser;
let visitor: VisitorClient;
let ada: Page;
let grace: Page;
let conversationId: string;
let earlierId: string;
/** Someone else's conversation, for Grace to look at while she is mentioned. */
let otherId: string;
let other: VisitorClient;

const inDetails = (page: Page, id: string) =>
  page.locator(`[data-testid="details-pane"] [data-testid="${id}"]`);

/** Opens the conversation and waits for its details pane (the thread comes with it). */
async function open(page: Page, id: string): Promise<void> {
  await conversationItem(page, id).click();
  await page.locator(`[data-testid="details-pane"][data-conversation-id="${id}"]`).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await seedAgent(server.switchboard, GRACE);
  // The visitor has an earlier, resolved conversation, then writes again.
  visitor = visitorClient(server.url);
  const first = await visitor.sendMessage('My first question');
  earlierId = first.conversationId;
  const resolver = agentClient(server.url);
  await resolver.connect();
  await waitFor(() => resolver.getSnapshot().conversations[earlierId]?.status === 'active', 'routing');
  await resolver.resolve(earlierId, 'solved');
  resolver.disconnect();
  await waitFor(() => visitor.getSnapshot().conversation?.status === 'resolved', 'the resolve');
  await visitor.startNewConversation();
  conversationId = (await visitor.sendMessage('The export button crashes the app')).conversationId;
  other = visitorClient(server.url);
  otherId = (await other.sendMessage('Where is my parcel?')).conversationId;

  ada = await logIn(browser, server.url);
  grace = await logIn(browser, server.url, GRACE);
});
afterAll(async () => {
  visitor?.disconnect();
  other?.disconnect();
  await browser?.close();
  await server?.close();
});

describe('the console’s details pane', () => {
  it('shares tags and labels live between two consoles', async () => {
    await open(ada, conversationId);
    await open(grace, conversationId);

    await inDetails(ada, 'tag-input').fill('#Crash, export ');
    await inDetails(ada, 'tag-input').press('Enter');
    const tags = (page: Page) =>
      inDetails(page, 'tag').evaluateAll((els) => els.map((el) => el.getAttribute('data-tag')));
    await expect.poll(() => tags(ada)).toEqual(['crash', 'export']);
    await expect.poll(() => tags(grace)).toEqual(['crash', 'export']);

    await inDetails(grace, 'tag-remove').first().click();
    await expect.poll(() => tags(ada)).toEqual(['export']);

    const picker = inDetails(ada, 'label-picker');
    const bug = await picker.locator('option', { hasText: 'Bug report' }).getAttribute('value');
    await picker.selectOption(bug);
    const labels = (page: Page) =>
      inDetails(page, 'label').evaluateAll((els) => els.map((el) => el.textContent));
    await expect.poll(() => labels(grace)).toEqual(['Bug report×']);

    // A new label, created and applied from the picker.
    await picker.selectOption('__new__');
    await inDetails(ada, 'label-name').fill('Churn risk');
    await inDetails(ada, 'label-create').click();
    await expect.poll(() => labels(grace)).toEqual(['Bug report×', 'Churn risk×']);
    await expect
      .poll(() =>
        inDetails(grace, 'timeline-event').evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-type')),
        ),
      )
      .toEqual(expect.arrayContaining(['tag_added', 'tag_removed', 'label_added']));
  });

  it('writes a note with Ctrl+N that tells the colleague it mentions, and never the visitor', async () => {
    // Grace looks at something else when she is mentioned.
    await open(grace, otherId);
    await open(ada, conversationId);
    await byTestId(ada, 'composer').focus();
    await ada.keyboard.press('Control+n');
    const note = inDetails(ada, 'note-input');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.pressSequentially('@gra');
    await expect
      .poll(() => inDetails(ada, 'mention-suggestion').allInnerTexts())
      .toEqual(['Grace Hopper · @grace']);
    await note.press('Tab');
    await note.pressSequentially('can you reproduce the crash?');
    await note.press('Enter');
    await expect
      .poll(() => inDetails(ada, 'note').allInnerTexts())
      .toEqual([expect.stringContaining('@grace can you reproduce the crash?')]);

    const toast = byTestId(grace, 'mention-toast');
    await expect.poll(() => toast.isVisible()).toBe(true);
    expect(await byTestId(grace, 'mention-toast-text').innerText()).toContain('mentioned you');
    expect(await byTestId(grace, 'mention-count').innerText()).toBe('1');
    await byTestId(grace, 'mention-toast-open').click();
    await grace.locator(`[data-testid="details-pane"][data-conversation-id="${conversationId}"]`).waitFor();
    await expect.poll(() => byTestId(grace, 'mention-count').isVisible()).toBe(false);
    await expect.poll(() => grace.locator('mark.mention.is-me').count()).toBe(1);

    expect(visitor.getSnapshot().messages.some((message) => message.text.includes('reproduce'))).toBe(false);
  });

  it('edits the contact, refusing a bad email in place, and the colleague sees the change', async () => {
    await inDetails(ada, 'contact-email').fill('not an email');
    await inDetails(ada, 'contact-save').click();
    await expect.poll(() => inDetails(ada, 'contact-error').isVisible()).toBe(true);
    expect(await inDetails(ada, 'contact-email').getAttribute('aria-invalid')).not.toBeNull();

    await inDetails(ada, 'contact-name').fill('Katherine Johnson');
    await inDetails(ada, 'contact-email').fill('katherine@example.com');
    await inDetails(ada, 'contact-add-attribute').click();
    await inDetails(ada, 'attribute-key').last().fill('plan');
    await inDetails(ada, 'attribute-value').last().fill('enterprise');
    await inDetails(ada, 'contact-save').click();
    await expect.poll(() => inDetails(ada, 'contact-status').innerText()).toBe('Saved');
    await expect.poll(() => inDetails(grace, 'contact-email').inputValue()).toBe('katherine@example.com');
    expect(await inDetails(grace, 'contact-name').inputValue()).toBe('Katherine Johnson');
    expect(await inDetails(grace, 'attribute-value').last().inputValue()).toBe('enterprise');
  });

  it('lists the contact’s earlier conversations and opens one', async () => {
    const earlier = inDetails(ada, 'earlier-conversation');
    await expect
      .poll(() => earlier.evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation-id'))))
      .toEqual([earlierId]);
    await earlier.locator('button').click();
    await ada.locator(`[data-testid="thread"][data-conversation-id="${earlierId}"]`).waitFor();
    await expect
      .poll(() => byTestId(ada, 'message').allInnerTexts())
      .toEqual([expect.stringContaining('My first question')]);
  });
});
