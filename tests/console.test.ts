// The example agent console, built, in real Chromium against the real server; the visitor is an
// SDK client in this Node process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { agentClient, memoryStorage, visitorClient } from './support/clients.js';
import { byTestId, DEMO_LOGIN, submitLogin } from './support/console.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
let browser: Browser;
let visitor: VisitorClient;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  visitor = visitorClient(server.url);
});
afterAll(async () => {
  visitor.disconnect();
  await browser?.close();
  await server?.close();
});

const logIn = (page: Page, password: string) => submitLogin(page, server.url, { ...DEMO_LOGIN, password });

describe('the agent console', () => {
  it('refuses a wrong password with a message in the form', async () => {
    const page = await browser.newPage();
    await logIn(page, 'wrong password');
    await expect.poll(() => byTestId(page, 'login-error').innerText()).toMatch(/\S/);
    await page.close();
  });

  it('logs in, sees a new conversation live, opens it and replies to the visitor', async () => {
    const page = await browser.newPage();
    await logIn(page, DEMO.agentPassword);
    await byTestId(page, 'conversation-list').waitFor();

    const sent = await visitor.sendMessage('Is the Ridge 2P tent waterproof?');
    const item = page.locator(
      `[data-testid="conversation-item"][data-conversation-id="${sent.conversationId}"]`,
    );
    await item.click();
    await expect
      .poll(() =>
        byTestId(page, 'message').evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-seq'), el.getAttribute('data-author-kind')]),
        ),
      )
      .toEqual([['1', 'visitor']]);

    await byTestId(page, 'composer').fill('Yes, 3000 mm hydrostatic head.');
    await byTestId(page, 'composer').press('Enter');
    const reply = await waitFor(
      () => visitor.getSnapshot().messages.find((m) => m.authorKind === 'agent'),
      'the visitor to receive the reply',
    );
    expect(reply).toMatchObject({ seq: 2, text: 'Yes, 3000 mm hydrostatic head.' });
    // The visitor's client acknowledged it on its own; reading it is the visitor's doing.
    const receipt = page.locator('[data-testid="message"][data-seq="2"] [data-testid="reply-receipt"]');
    await expect.poll(() => receipt.innerText()).toBe('Delivered');
    visitor.markRead();
    await expect.poll(() => receipt.innerText()).toBe('Read');
    expect(await receipt.getAttribute('data-state')).toBe('read');

    // A follow-up from the visitor arrives live in the open thread.
    await visitor.sendMessage('Great, thanks!');
    await expect.poll(() => byTestId(page, 'message').count()).toBe(3);
    await page.close();
  });

  it('searches conversations on the server and filters them, keeping the tab counts in step', async () => {
    const page = await browser.newPage();
    await logIn(page, DEMO.agentPassword);
    await byTestId(page, 'conversation-list').waitFor();
    const tents = await visitor.sendMessage('Do you ship the Ridge tent to Norway?');
    const other = visitorClient(server.url, memoryStorage(), {
      identity: { userId: 'u-search', name: 'Hedy Lamarr', email: 'hedy@example.com' },
    });
    const hedy = await other.sendMessage('Hello there');
    const row = (id: string) =>
      page.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`);
    await byTestId(page, 'tab-all').click();
    await row(hedy.conversationId).waitFor();

    // By the contact's email, then by words of a message; Escape clears the search.
    await byTestId(page, 'list-search').fill('hedy@example');
    await expect.poll(() => byTestId(page, 'conversation-item').count()).toBe(1);
    await row(hedy.conversationId).waitFor();
    await byTestId(page, 'list-search').fill('norway');
    await row(tents.conversationId).waitFor();
    await expect.poll(() => byTestId(page, 'conversation-item').count()).toBe(1);
    await byTestId(page, 'list-search').fill('no such words anywhere');
    await expect
      .poll(() => byTestId(page, 'conversation-list-empty').innerText())
      .toMatch(/nothing matches/i);
    await byTestId(page, 'list-search').press('Escape');
    await row(hedy.conversationId).waitFor();

    // A filter is answered from the state: no web conversation is urgent until one is made so.
    await byTestId(page, 'filter-priority').selectOption('urgent');
    await expect.poll(() => byTestId(page, 'conversation-item').count()).toBe(0);
    const agent = agentClient(server.url);
    await agent.connect();
    await agent.setPriority(hedy.conversationId, 'urgent');
    await row(hedy.conversationId).waitFor();
    await expect.poll(() => byTestId(page, 'conversation-item').count()).toBe(1);
    agent.disconnect();
    other.disconnect();
    await page.close();
  });

  it('opens resolve and transfer from the keyboard, and Escape closes the form, then the conversation', async () => {
    const page = await browser.newPage();
    await logIn(page, DEMO.agentPassword);
    const sent = await visitor.sendMessage('Can I change my delivery address?');
    await byTestId(page, 'tab-all').click();
    await page
      .locator(`[data-testid="conversation-item"][data-conversation-id="${sent.conversationId}"]`)
      .click();
    await byTestId(page, 'thread').waitFor();
    const resolveForm = byTestId(page, 'resolve-form');
    const transferForm = byTestId(page, 'transfer-form');
    await expect.poll(() => resolveForm.isVisible()).toBe(false);

    await page.keyboard.press('Control+r');
    await expect.poll(() => resolveForm.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => resolveForm.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('resolve');

    await page.keyboard.press('Control+t');
    await expect.poll(() => transferForm.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => transferForm.isVisible()).toBe(false);
    // Nothing left to close: Escape closes the conversation, and the page did not reload.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toContain(sent.conversationId);
    await page.getByText('Select a conversation to read and reply.').waitFor();
    await page.close();
  });

  it('sounds and notifies a new conversation once alerts are on, and the notification opens it', async () => {
    const page = await browser.newPage();
    // Stand-ins that record what the console asks of the browser (a headless one plays nothing).
    await page.addInitScript(() => {
      const seen = { notifications: [] as { title: string; body?: string; tag?: string }[], sounds: 0 };
      (window as unknown as { alerts: typeof seen }).alerts = seen;
      class FakeNotification {
        static permission = 'default';
        static requestPermission = () => {
          FakeNotification.permission = 'granted';
          return Promise.resolve('granted');
        };
        onclick: (() => void) | null = null;
        constructor(title: string, options: { body?: string; tag?: string }) {
          seen.notifications.push({ title, body: options.body, tag: options.tag });
          (window as unknown as { lastNotification: FakeNotification }).lastNotification = this;
        }
        close() {}
      }
      (window as unknown as { Notification: unknown }).Notification = FakeNotification;
      const RealContext = window.AudioContext;
      window.AudioContext = class extends RealContext {
        constructor() {
          super();
          seen.sounds += 1;
        }
      };
    });
    const recorded = () =>
      page.evaluate(
        () =>
          (window as unknown as { alerts: { notifications: { title: string }[]; sounds: number } }).alerts,
      );
    await logIn(page, DEMO.agentPassword);
    await byTestId(page, 'conversation-list').waitFor();
    const agent = agentClient(server.url);
    await agent.connect();
    // Away: the new conversation waits in the queue rather than being routed.
    await agent.setStatus('away');

    const quiet = visitorClient(server.url);
    await quiet.sendMessage('Anyone there?');
    await page.waitForTimeout(300);
    expect((await recorded()).notifications).toEqual([]);

    await byTestId(page, 'alert-toggle').click();
    expect(await byTestId(page, 'alert-toggle').getAttribute('aria-pressed')).toBe('true');
    const caller = visitorClient(server.url);
    const sent = await caller.sendMessage('My order arrived broken');
    await expect
      .poll(async () => (await recorded()).notifications.map((n) => n.title))
      .toContain('New conversation');
    expect((await recorded()).sounds).toBeGreaterThan(0);
    await page.evaluate(() =>
      (window as unknown as { lastNotification: { onclick: () => void } }).lastNotification.onclick(),
    );
    await expect.poll(() => page.url()).toContain(sent.conversationId);

    // Remembered across a reload.
    await page.reload();
    await expect.poll(() => byTestId(page, 'alert-toggle').getAttribute('aria-pressed')).toBe('true');
    await agent.setStatus('available');
    agent.disconnect();
    quiet.disconnect();
    caller.disconnect();
    await page.close();
  });

  it('offers canned replies on "/" and Ctrl+/, filled in for the contact and the agent, and live', async () => {
    const grace = visitorClient(server.url, memoryStorage(), {
      identity: { userId: 'grace', name: 'Grace Hopper', email: 'grace@example.com' },
    });
    const page = await browser.newPage();
    try {
      await logIn(page, DEMO.agentPassword);
      const sent = await grace.sendMessage('Can I return my tent?');
      await page
        .locator(`[data-testid="conversation-item"][data-conversation-id="${sent.conversationId}"]`)
        .click();
      const composer = byTestId(page, 'composer');
      const picker = byTestId(page, 'canned-picker');
      const shown = () =>
        byTestId(page, 'canned-option').evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-shortcut')),
        );

      // "/" at the start opens the list; the word after it filters; Enter inserts, it does not send.
      await composer.pressSequentially('/');
      await expect.poll(shown).toEqual(['follow-up-email', 'greeting', 'refund-policy']);
      await composer.pressSequentially('RET');
      await expect.poll(shown).toEqual(['refund-policy']);
      await composer.press('Enter');
      await expect
        .poll(() => composer.inputValue())
        .toMatch(/^Of course, Grace! Returns are free for 60 days/);
      expect(await picker.isHidden()).toBe(true);

      // Ctrl+/ anywhere: a search field of its own, arrows to move, and the reply goes in at the caret.
      await composer.press('End');
      await composer.pressSequentially(' ');
      await composer.press('Control+/');
      const search = byTestId(page, 'canned-search');
      await search.pressSequentially('e');
      await expect.poll(shown).toEqual(['follow-up-email', 'greeting', 'refund-policy']);
      await search.press('ArrowDown');
      await search.press('Enter');
      await expect
        .poll(() => composer.inputValue())
        .toMatch(/ Hi Grace, I'm Ada from the Switchboard demo shop\. How can I help you today\?$/);
      await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);

      // Escape closes the list and leaves the text as typed.
      await composer.fill('');
      await composer.pressSequentially('/gr');
      await expect.poll(shown).toEqual(['greeting']);
      await composer.press('Escape');
      await expect.poll(() => picker.isHidden()).toBe(true);
      expect(await composer.inputValue()).toBe('/gr');

      // A reply a colleague adds shows up in an open list at once.
      await composer.fill('');
      await composer.pressSequentially('/');
      const colleague = agentClient(server.url);
      try {
        await colleague.connect();
        const [site] = await colleague.canned.list({ q: 'greeting' });
        await colleague.canned.create({
          siteId: site!.siteId,
          shortcut: 'goodbye',
          title: 'Goodbye',
          body: 'Bye!',
        });
      } finally {
        colleague.disconnect();
      }
      await expect.poll(shown).toEqual(['follow-up-email', 'goodbye', 'greeting', 'refund-policy']);
      await composer.pressSequentially('good');
      await composer.press('Enter');
      await expect.poll(() => composer.inputValue()).toBe('Bye!');
      await composer.press('Enter');
      await waitFor(
        () => grace.getSnapshot().messages.find((m) => m.authorKind === 'agent' && m.text === 'Bye!'),
        'the visitor to receive the canned reply',
      );
    } finally {
      grace.disconnect();
      await page.close();
    }
  });
});
