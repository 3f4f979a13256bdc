// The built script-tag widget in real Chromium, on the demo page served by the real server with
// the demo rules bot: quick replies, and the offline form when nobody can answer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Message } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
  browser = await launchBrowser();
});
afterEach(() => context?.close());
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const chat = (page: Page) => ({
  launcher: page.locator('switchboard-chat [part~="launcher"]'),
  input: page.locator('switchboard-chat [part~="composer-input"]'),
  messages: page.locator('switchboard-chat [part~="message"]:not([part~="message-pending"])'),
  botAuthors: page.locator('switchboard-chat [part~="author-bot"]'),
  quickReplies: page.getByRole('group', { name: 'Suggested replies' }),
  form: page.locator('switchboard-chat [part~="offline-form"]'),
  formErrors: page.locator('switchboard-chat [part~="offline-form-error"]'),
  formSubmit: page.locator('switchboard-chat [part~="offline-form-submit"]'),
  formSent: page.locator('switchboard-chat [part~="offline-form-sent"]'),
});

/** Opens the demo page and the chat; `prepare` runs on the fresh context before the page loads. */
async function openDemoPage(
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext();
  await prepare?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await chat(page).launcher.click();
  await chat(page).input.waitFor();
  return { page, errors };
}

/** An attribute of the element focused inside the widget's shadow root. */
function focusedInChat(page: Page, attribute: string): Promise<string | null | undefined> {
  return page.evaluate(
    (name) => document.querySelector('switchboard-chat')?.shadowRoot?.activeElement?.getAttribute(name),
    attribute,
  );
}

async function write(page: Page, text: string): Promise<void> {
  await chat(page).input.fill(text);
  await chat(page).input.press('Enter');
}

/** The demo admin's token, for the admin REST API. */
async function adminToken(): Promise<string> {
  const response = await fetch(`${server.url}/v1/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** Closes the demo site around the clock, offering the offline form (`PUT /v1/sites/:id/business-hours`). */
async function closeWithOfflineForm(): Promise<void> {
  const token = await adminToken();
  const sites = (await (
    await fetch(`${server.url}/v1/sites`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { id: string; name: string }[];
  const site = sites.find((s) => s.name === DEMO.siteName);
  const closed = await fetch(`${server.url}/v1/sites/${site!.id}/business-hours`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      timeZone: 'UTC',
      weekly: {},
      afterHours: { message: 'We are closed.', mode: 'offline_form' },
    }),
  });
  expect(closed.status).toBe(200);
}

/** Asks the demo bot for a person (it wants an email first) and waits for the offline form. */
async function reachOfflineForm(page: Page) {
  const ui = chat(page);
  await write(page, 'talk to a human');
  await expect.poll(() => ui.messages.last().innerText()).toMatch(/email/i);
  await write(page, 'chat@example.com');
  await expect.poll(() => ui.messages.allInnerTexts()).toContain('We are closed.');
  await ui.form.waitFor();
  return {
    name: ui.form.getByLabel('Name'),
    email: ui.form.getByLabel('Email'),
    message: ui.form.getByLabel('How can we help?'),
  };
}

/** The server's copy of the conversation holding a visitor message with `text`. */
async function storedConversationWith(text: string) {
  const { store } = server.switchboard;
  return waitFor(async () => {
    for (const conversation of (await store.conversations.list({ limit: 50 })).items) {
      const { items } = await store.messages.history(conversation.id, { limit: 100, includeNotes: true });
      if (items.some((m) => m.authorKind === 'visitor' && m.text === text)) return { conversation, items };
    }
    return undefined;
  }, `a stored conversation with "${text}"`);
}

describe('the widget with the demo bot', () => {
  it('shows the bot as the author, offers its quick replies, and sends the chosen one', async () => {
    const { page, errors } = await openDemoPage();
    const ui = chat(page);
    await write(page, 'hello');

    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['hello', expect.stringMatching(/assistant/i)]);
    await expect.poll(() => ui.botAuthors.allInnerTexts()).toEqual(['Assistant']);
    const buttons = ui.quickReplies.getByRole('button');
    await expect
      .poll(() => buttons.allInnerTexts())
      .toEqual(['Shipping', 'Returns', 'Opening hours', 'Talk to a human']);

    await ui.quickReplies.getByRole('button', { name: 'Shipping' }).click();
    // Sent as the visitor's message, by value; the FAQ answer follows.
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual([
        'hello',
        expect.stringMatching(/assistant/i),
        'How long does shipping take?',
        expect.stringMatching(/^We ship within one business day/),
      ]);
    // Only the latest bot message's replies are offered; the greeting's are gone.
    await expect.poll(() => buttons.allInnerTexts()).toEqual(['Where is my order?', 'Talk to a human']);
    expect(await page.locator('switchboard-chat [part~="quick-replies"]').count()).toBe(1);

    // Usable from the keyboard: focus a button, press Enter.
    await ui.quickReplies.getByRole('button', { name: 'Talk to a human' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ui.messages.last().innerText()).toMatch(/email/i);
    // Focus stays in the chat, on the composer, once the buttons are gone.
    expect(await focusedInChat(page, 'part')).toBe('composer-input');
    expect(errors).toEqual([]);
  });

  it('offers the offline form after hours, checks it, sends it, and thanks the visitor', async () => {
    await closeWithOfflineForm();
    const { page, errors } = await openDemoPage();
    const ui = chat(page);
    const { name, email, message } = await reachOfflineForm(page);
    // The bot handed off: its buttons would be dead ends now.
    expect(await ui.quickReplies.count()).toBe(0);
    expect(await email.getAttribute('type')).toBe('email');
    expect(await email.getAttribute('required')).not.toBeNull();
    expect(await name.getAttribute('required')).toBeNull();
    expect(await message.evaluate((el) => el.tagName)).toBe('TEXTAREA');

    // Checked before anything is sent: each refusal sits on its field, and focus goes to the first.
    await email.fill('ada@');
    await ui.formSubmit.click();
    await expect
      .poll(() => ui.formErrors.allInnerTexts())
      .toEqual(['Please enter a valid email address.', 'Please fill this in.']);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedInChat(page, 'name')).toBe('email');

    const text = 'Please send me the invoice for order A123456.';
    await name.fill('Ada Lovelace');
    await email.fill('ada.lovelace@example.org');
    await message.fill(text);
    expect(await ui.formErrors.count()).toBe(0);
    await ui.formSubmit.click();

    await expect.poll(() => ui.formSent.innerText()).toBe("Thanks! We'll get back to you by email.");
    expect(await ui.form.count()).toBe(0);
    await expect.poll(() => ui.messages.last().innerText()).toBe(text);

    // The server stored it as the visitor's message, queued the conversation and filled the contact.
    const { conversation, items } = await storedConversationWith(text);
    const form = items.find((m: Message) => m.form !== null);
    expect(form).toMatchObject({ authorKind: 'system', text: 'We are closed.', form: { kind: 'offline' } });
    expect(items.filter((m) => m.text === text)).toHaveLength(1);
    expect(items.at(-1)).toMatchObject({ authorKind: 'visitor', text });
    expect(conversation.status).toBe('queued');
    const contact = await server.switchboard.store.contacts.byId(conversation.contactId);
    expect(contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada.lovelace@example.org' });
    const timeline = await server.switchboard.store.timeline.list(conversation.id);
    expect(timeline.filter((e) => e.type === 'offline_form_submitted')).toHaveLength(1);

    // Once sent, a reload does not offer the same form again.
    await page.reload();
    await ui.launcher.click();
    await expect.poll(() => ui.messages.last().innerText()).toBe(text);
    expect(await ui.form.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('puts a server refusal on its field, and shows a lost acknowledgement with a retry that stores the form once', async () => {
    await closeWithOfflineForm();
    // Stands in for an acknowledgement lost on the way back: the server has stored the form, the
    // widget hears that it failed.
    let dropped = 0;
    const { page, errors } = await openDemoPage((context) =>
      context.routeWebSocket(/\/socket\.io\//, (ws) => {
        const upstream = ws.connectToServer();
        const submits = new Set<string>();
        ws.onMessage((frame) => {
          const submit = /^42\/visitor,(\d+)\["offline_form:submit"/.exec(String(frame));
          if (submit) submits.add(submit[1]!);
          upstream.send(frame);
        });
        upstream.onMessage((frame) => {
          const ack = /^43\/visitor,(\d+)\[/.exec(String(frame));
          if (ack && submits.has(ack[1]!) && dropped === 0 && String(frame).includes('"ok":true')) {
            dropped++;
            ws.send(`43/visitor,${ack[1]}[{"ok":false,"error":{"code":"internal","message":"Lost"}}]`);
            return;
          }
          ws.send(frame);
        });
      }),
    );
    const ui = chat(page);
    const { email, message } = await reachOfflineForm(page);

    // Loose enough for the widget, refused by the server's stricter check: shown on the field.
    const text = 'Do you ship to Madeira?';
    await email.fill('ada@exa_mple.com');
    await message.fill(text);
    await ui.formSubmit.click();
    await expect.poll(() => ui.formErrors.allInnerTexts()).toEqual(['Please enter a valid email address.']);
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('ada@example.com');
    await ui.formSubmit.click();
    const status = page.locator('switchboard-chat [part~="offline-form-status"]');
    await expect.poll(() => status.innerText()).toMatch(/^Your message could not be sent\./);
    expect(dropped).toBe(1);
    expect(await ui.formSubmit.isEnabled()).toBe(true);

    await status.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => ui.formSent.innerText()).toBe("Thanks! We'll get back to you by email.");
    // The retry went under the first attempt's clientMessageId: one message, one notification.
    const { conversation, items } = await storedConversationWith(text);
    expect(items.filter((m) => m.text === text)).toHaveLength(1);
    const timeline = await server.switchboard.store.timeline.list(conversation.id);
    expect(timeline.filter((e) => e.type === 'offline_form_submitted')).toHaveLength(1);
    await expect.poll(() => ui.messages.allInnerTexts()).toContain(text);
    expect((await ui.messages.allInnerTexts()).filter((t) => t === text)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
