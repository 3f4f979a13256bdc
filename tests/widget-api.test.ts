// The integrator API of the built script-tag widget in real Chromium: `window.Switchboard` calls
// queued before the loader runs, the element's methods, and the DOM events a page listens to.
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
  // With the demo bot, so that an agent taking the conversation over is a handoff.
  server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
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

/** The slice of `window.Switchboard` used here (tests/ does not depend on the widget package). */
interface SwitchboardApi {
  push(...calls: unknown[][]): void;
  close(): void;
  open(): void;
  reset(): void;
}
type WithSwitchboard = { Switchboard?: unknown[] | SwitchboardApi };

interface Recorded {
  type: string;
  detail: unknown;
}

const chat = (page: Page) => ({
  panel: page.locator('switchboard-chat [part~="panel"]'),
  input: page.locator('switchboard-chat [part~="composer-input"]'),
  visitorMessages: page.locator('switchboard-chat [part~="message-self"]:not([part~="message-pending"])'),
  messages: page.locator('switchboard-chat [part~="message"]'),
});

/** The demo page, with calls queued on `window.Switchboard` before the loader runs. */
async function openQueuedPage(): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const events: { type: string; detail: unknown }[] = [];
    (window as unknown as { recorded: typeof events }).recorded = events;
    const record = (event: Event) =>
      events.push({
        type: event.type,
        detail: JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null)),
      });
    const page = window as unknown as WithSwitchboard;
    page.Switchboard = page.Switchboard || [];
    const queue = page.Switchboard;
    for (const name of [
      'ready',
      'open',
      'close',
      'message-send',
      'conversation-start',
      'handoff',
      'unread-change',
    ] as const)
      queue.push(['on', name, record]);
    queue.push(['setUser', { id: 'u1', name: 'Ada', email: 'ada@example.com' }]);
    queue.push(['open']);
  });
  await page.goto(server.url);
  return { page, errors };
}

const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { recorded: Recorded[] }).recorded);

async function eventsOf(page: Page, type: string): Promise<Recorded[]> {
  return (await recorded(page)).filter((event) => event.type === type);
}

async function send(page: Page, text: string): Promise<void> {
  await chat(page).input.fill(text);
  await chat(page).input.press('Enter');
}

describe('the widget’s integrator API', () => {
  it('runs queued calls, names the user, reports handoff and unread, and resets to a new visitor', async () => {
    const { page, errors } = await openQueuedPage();
    const ui = chat(page);
    await ui.input.waitFor();
    await expect.poll(async () => (await eventsOf(page, 'switchboard-ready')).length).toBe(1);
    expect((await eventsOf(page, 'switchboard-open')).length).toBe(1);
    // setUser before any interaction sends and stores nothing.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // A listener that cancels the send keeps the message: nothing leaves the page.
    await page.evaluate(() => {
      const element = document.querySelector('switchboard-chat') as Element & {
        on(name: string, handler: (event: CustomEvent<{ text: string }>) => void): void;
      };
      element.on('message-send', (event) => {
        if (event.detail.text === 'secret') event.preventDefault();
      });
    });
    await send(page, 'secret');
    expect(await ui.input.inputValue()).toBe('secret');
    expect(await ui.messages.count()).toBe(0);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await send(page, 'hello');
    await expect.poll(() => ui.visitorMessages.allInnerTexts()).toEqual(['hello']);
    const [started] = await waitFor(async () => {
      const found = await eventsOf(page, 'switchboard-conversation-start');
      return found.length > 0 ? found : undefined;
    }, 'switchboard-conversation-start');
    const conversation = (
      started?.detail as { conversation: { id: string; contactId: string; status: string } }
    ).conversation;
    expect(conversation.status).toBe('bot');
    const contact = await server.switchboard.store.contacts.byId(conversation.contactId);
    expect(contact).toMatchObject({ name: 'Ada', email: 'ada@example.com' });

    // An agent takes the conversation over from the bot.
    await agent.accept(conversation.id);
    const [handoff] = await waitFor(async () => {
      const found = await eventsOf(page, 'switchboard-handoff');
      return found.length > 0 ? found : undefined;
    }, 'switchboard-handoff');
    expect(handoff?.detail).toMatchObject({
      reason: 'agent_intervention',
      conversation: { id: conversation.id },
    });

    // Closed, a reply counts as unread.
    await page.evaluate(() => ((window as unknown as WithSwitchboard).Switchboard as SwitchboardApi).close());
    await expect.poll(async () => (await eventsOf(page, 'switchboard-close')).length).toBe(1);
    await agent.sendMessage(conversation.id, 'Hi Ada, how can I help?');
    await expect
      .poll(async () => (await eventsOf(page, 'switchboard-unread-change')).map((e) => e.detail))
      .toContainEqual({ count: 1 });

    // reset() forgets Ada: the next message starts a new, anonymous visitor.
    await page.evaluate(() => {
      const api = (window as unknown as WithSwitchboard).Switchboard as SwitchboardApi;
      api.reset();
      api.open();
    });
    await expect.poll(() => ui.messages.count()).toBe(0);
    await send(page, 'a new visitor');
    const second = await waitFor(async () => {
      const found = await eventsOf(page, 'switchboard-conversation-start');
      const last = found.at(-1)?.detail as { conversation: { id: string; contactId: string } } | undefined;
      return last && last.conversation.id !== conversation.id ? last.conversation : undefined;
    }, 'a second conversation');
    expect(second.contactId).not.toBe(conversation.contactId);
    const anonymous = await server.switchboard.store.contacts.byId(second.contactId);
    expect(anonymous).toMatchObject({ name: null, email: null });
    expect(errors).toEqual([]);
  });
});
