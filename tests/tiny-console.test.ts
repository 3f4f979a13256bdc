// The console of docs/guides/agent-console-in-100-lines.md (examples/tiny-console): the guide
// shows exactly the code that is built, and that code, served by the real server at
// /tiny-console, works in Chromium against a visitor on the SDK.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { visitorClient } from './support/clients.js';
import { useManualQueue } from './support/seed.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');

/** The fenced blocks of one language in a Markdown file, in order, without their fences. */
function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  return [...markdown.matchAll(fence)].map((match) => match[1] ?? '');
}

describe('the guide', () => {
  const guide = read('docs/guides/agent-console-in-100-lines.md');
  const main = read('examples/tiny-console/src/main.ts');

  it('shows the whole of main.ts, in order, one section per block', () => {
    const blocks = codeBlocks(guide, 'ts');
    expect(blocks.length).toBeGreaterThan(3);
    // Sections are cut at blank lines, so the file is its blocks joined by one.
    expect(blocks.join('\n')).toBe(main);
  });

  it('shows the page as it is, and keeps the promise of its title', () => {
    expect(codeBlocks(guide, 'html')).toEqual([read('examples/tiny-console/index.html')]);
    expect(main.trimEnd().split('\n').length).toBeLessThanOrEqual(100);
  });

  it('is linked from the README and the SDK guide', () => {
    expect(read('README.md')).toContain('(docs/guides/agent-console-in-100-lines.md)');
    expect(read('docs/agent-sdk.md')).toContain('(guides/agent-console-in-100-lines.md)');
  });
});

describe('the tiny console in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let visitor: VisitorClient;

  beforeAll(async () => {
    server = await startServer();
    // Manual: the conversation waits in the queue for the console's Accept.
    await useManualQueue(server.switchboard);
    browser = await launchBrowser();
    page = await browser.newPage();
    visitor = visitorClient(server.url);
  });
  afterAll(async () => {
    visitor?.disconnect();
    await browser?.close();
    await server?.close();
  });

  const signIn = async (password: string) => {
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const shownMessages = () =>
    page
      .locator('#messages li')
      .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-author-kind')}: ${li.textContent}`));

  it('refuses a wrong password in the form, then signs in', async () => {
    await page.goto(`${server.url}/tiny-console`);
    expect(await page.locator('input[name="email"]').inputValue()).toBe(DEMO.agentEmail);
    await signIn('wrong password');
    await expect.poll(() => page.locator('#login-error').innerText()).toMatch(/\S/);
    expect(await page.locator('#console').isHidden()).toBe(true);

    await signIn(DEMO.agentPassword);
    await expect.poll(() => page.locator('#connection').innerText()).toBe('connected');
    // The socket is up before connect() resolves (it loads the list too): the form goes after.
    await expect.poll(() => page.locator('#login').isHidden()).toBe(true);
  });

  it('lists a visitor’s new conversation live; Accept, a reply the visitor gets, and Resolve', async () => {
    const sent = await visitor.sendMessage('Hello, is anyone there?');
    const row = page.locator(`button[data-conversation-id="${sent.conversationId}"]`);
    await expect.poll(() => row.innerText()).toMatch(/^Visitor \S{6} · queued$/);
    await row.click();
    await expect.poll(shownMessages).toEqual(['visitor: Hello, is anyone there?']);
    expect(await page.getByRole('button', { name: 'Resolve' }).isHidden()).toBe(true);

    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('#thread').getAttribute('data-status')).toBe('active');
    await expect.poll(() => row.innerText()).toMatch(/· active$/);
    expect(await page.getByRole('button', { name: 'Accept' }).isHidden()).toBe(true);

    await page.getByLabel('Reply').fill('Yes! How can I help?');
    await page.getByLabel('Reply').press('Enter');
    const reply = await waitFor(
      () => visitor.getSnapshot().messages.find((m) => m.authorKind === 'agent'),
      'the visitor to receive the reply',
    );
    expect(reply.text).toBe('Yes! How can I help?');
    expect(await page.getByLabel('Reply').inputValue()).toBe('');

    // The visitor answers; it appears in the open conversation without a click.
    await visitor.sendMessage('<b>Where</b> is my order?');
    await expect
      .poll(shownMessages)
      .toEqual([
        'visitor: Hello, is anyone there?',
        'agent: Yes! How can I help?',
        'visitor: <b>Where</b> is my order?',
      ]);
    // Text stays text.
    expect(await page.locator('#messages b').count()).toBe(0);

    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => page.locator('#thread').getAttribute('data-status')).toBe('resolved');
    // The list holds open conversations: the resolved one leaves it.
    await expect.poll(() => row.count()).toBe(0);
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'resolved',
      'the visitor to see it end',
    );
    const stored = await server.switchboard.store.conversations.byId(sent.conversationId);
    expect(stored).toMatchObject({ status: 'resolved', resolveReason: 'solved' });
  });
});
