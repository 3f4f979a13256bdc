// The example agent console, built, in real Chromium against the real server; the visitor is an
// SDK client in this Node process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { visitorClient } from './support/clients.js';
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

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

async function logIn(page: Page, password: string) {
  await page.goto(`${server.url}/console`);
  await byTestId(page, 'email').fill(DEMO.agentEmail);
  await byTestId(page, 'password').fill(password);
  await byTestId(page, 'login-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
}

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
});
