// The headline flow, end to end: the built script-tag widget in real Chromium, on the demo
// page served by the real server, and the demo agent as an SDK client in this process. The site
// switches its pre-chat form on over REST; the visitor opens the chat, gets the form, is stopped
// by a typo and a missing consent, fixes them and starts the chat; the agent gets the conversation
// with the visitor's name and email, replies, resolves; the visitor rates it 5 with a comment,
// and the server has the rating.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '@switchboard/server';
import { visitorClient } from './support/clients.js';
import { setBusinessHours, setPreChat } from './support/site-settings.js';
import { waitFor } from './support/wait.js';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

const f = useWidgetFixture();
afterEach(async () => {
  await setPreChat(f.server.url, null);
  await setBusinessHours(f.server.url, null);
});

const FORM = {
  intro: 'Tell us who you are and we will be right with you.',
  fields: [
    { name: 'name', label: 'Your name', required: true },
    { name: 'email', label: 'Email', type: 'email' as const, required: true },
    { name: 'orderNumber', label: 'Order number' },
  ],
  consent: { text: 'I agree that Acme stores this chat.', url: 'https://example.com/privacy' },
};

const chat = (page: Page) => {
  const part = (name: string) => page.locator(`switchboard-chat [part~="${name}"]`);
  return {
    ...chatParts(page),
    form: page.getByRole('form', { name: 'Before we start' }),
    field: (label: string) => page.getByRole('textbox', { name: label, exact: true }),
    message: page.getByRole('textbox', { name: 'How can we help?' }),
    consent: page.getByRole('checkbox', { name: FORM.consent.text }),
    policy: part('pre-chat-consent-link'),
    start: part('pre-chat-submit'),
    errors: part('pre-chat-error'),
    star: (score: number) => page.getByRole('radio', { name: `${score} of 5` }),
    csatComment: part('csat-comment'),
    csatSubmit: part('csat-submit'),
    thanks: part('csat-thanks'),
  };
};

/** An attribute of the element focused inside the widget's shadow root. */
function focusedInChat(page: Page, attribute: string): Promise<string | null | undefined> {
  return page.evaluate(
    (name) => document.querySelector('switchboard-chat')?.shadowRoot?.activeElement?.getAttribute(name),
    attribute,
  );
}

describe('the pre-chat form', () => {
  it('pre-chat → chat → agent reply → resolve → CSAT, against the real server', async () => {
    await setPreChat(f.server.url, FORM);
    const { page, errors } = await f.newPage();
    await page.goto(f.server.url);
    const ui = chat(page);
    const requestsBefore = f.server.requests.length;

    // Opening the chat reads the site and shows its form, focused on the first field; the
    // composer waits. Nothing is created or stored yet.
    await ui.launcher.click();
    await ui.form.waitFor();
    expect(await ui.form.getByText(FORM.intro).count()).toBe(1);
    await expect.poll(() => focusedInChat(page, 'id')).toBe('pre-chat-field-name');
    expect(await ui.input.isDisabled()).toBe(true);
    expect(await ui.policy.getAttribute('href')).toBe('https://example.com/privacy');
    expect(await ui.policy.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await ui.policy.getAttribute('target')).toBe('_blank');
    const api = () => f.server.requests.slice(requestsBefore).filter((r) => r.includes('/v1/'));
    expect(api()).toEqual(['GET /v1/sites/by-key/pk_demo_switchboard/public']);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // A typo in the email and no consent: both are named, focus goes to the first, and nothing
    // is sent.
    await ui.field('Your name').fill('Ada Lovelace');
    await ui.field('Email').fill('ada@example');
    await ui.field('Order number').fill('A1234');
    await ui.message.fill('Where is my order?');
    await ui.start.click();
    await expect
      .poll(() => ui.errors.allInnerTexts())
      .toEqual(['Please enter a valid email address.', 'Please tick this box to continue.']);
    expect(await ui.field('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await ui.field('Email').getAttribute('aria-describedby')).toBe('pre-chat-field-email-error');
    await expect.poll(() => focusedInChat(page, 'id')).toBe('pre-chat-field-email');
    expect(api()).toHaveLength(1);

    // Fixed, and the box ticked from the keyboard: the chat starts with the form's message.
    await ui.field('Email').fill('ada@example.com');
    await expect.poll(() => ui.errors.allInnerTexts()).toEqual(['Please tick this box to continue.']);
    await ui.consent.focus();
    await page.keyboard.press('Space');
    expect(await ui.consent.isChecked()).toBe(true);
    await ui.start.click();
    await expect.poll(() => ui.form.count()).toBe(0);
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Where is my order?']);
    await expect.poll(() => focusedInChat(page, 'part')).toBe('composer-input');
    expect(await ui.input.isDisabled()).toBe(false);

    // The agent has the conversation, and knows who is asking and what they agreed to.
    const conversationId = await conversationWith(f.agent, 'Where is my order?');
    await waitFor(
      () => f.agent.getSnapshot().conversations[conversationId]?.status === 'active',
      'routing to hand the conversation to the agent',
    );
    const contact = await f.agent.contact(conversationId);
    expect(contact).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      attributes: { orderNumber: 'A1234' },
      preChat: { consent: { text: FORM.consent.text, url: FORM.consent.url } },
    });

    await f.agent.sendMessage(conversationId, 'It left our warehouse this morning.');
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Where is my order?', 'It left our warehouse this morning.']);

    await f.agent.resolve(conversationId, 'solved');
    await ui.star(5).check();
    await ui.csatComment.fill('Fast and friendly.');
    await ui.csatSubmit.click();
    await expect
      .poll(() => ui.thanks.innerText())
      .toBe('Thanks for your feedback! You rated this conversation 5 of 5.');
    const stored = await f.server.switchboard.store.conversations.byId(conversationId);
    expect(stored?.csat).toMatchObject({ score: 5, comment: 'Fast and friendly.' });
    expect(errors).toEqual([]);
  });

  it('speaks Arabic, right to left, with the site’s own labels as written', async () => {
    await setPreChat(f.server.url, FORM);
    const { page, errors } = await f.newPage();
    await page.goto(f.server.url);
    await page.evaluate(() => document.querySelector('switchboard-chat')?.setAttribute('locale', 'ar'));
    const ui = chat(page);
    await ui.launcher.click();
    const form = page.getByRole('form', { name: 'قبل أن نبدأ' });
    await form.waitFor();
    expect(await page.locator('switchboard-chat [part~="panel"]').getAttribute('dir')).toBe('rtl');
    expect(await ui.start.innerText()).toBe('بدء الدردشة');
    expect(await ui.policy.innerText()).toContain('سياسة الخصوصية');
    expect(await ui.field('Your name').count()).toBe(1);
    await ui.start.click();
    await expect.poll(() => ui.errors.first().innerText()).toBe('يُرجى ملء هذا الحقل.');
    expect(errors).toEqual([]);
  });

  it('is not shown to a returning visitor who already sent it', async () => {
    await setPreChat(f.server.url, { ...FORM, consent: null });
    const { page, errors } = await f.newPage();
    await page.goto(f.server.url);
    const ui = chat(page);
    await ui.launcher.click();
    await ui.field('Your name').fill('Grace');
    await ui.field('Email').fill('grace@example.com');
    await ui.message.fill('First question');
    await ui.start.click();
    const conversationId = await conversationWith(f.agent, 'First question');
    await waitFor(() => f.agent.getSnapshot().conversations[conversationId]?.status === 'active', 'routing');
    await f.agent.resolve(conversationId, 'solved');
    await page.locator('switchboard-chat [part~="new-conversation"]').click();

    // After a reload, with the conversation over: straight to the composer.
    await page.reload();
    await ui.launcher.click();
    await expect.poll(() => ui.input.isDisabled()).toBe(false);
    expect(await ui.form.count()).toBe(0);
    await ui.input.fill('Second question');
    await ui.input.press('Enter');
    const second = await conversationWith(f.agent, 'Second question');
    expect(second).not.toBe(conversationId);
    expect(errors).toEqual([]);
  });
});

describe('outside business hours', () => {
  it('says the team is away as soon as the chat opens, and the form leaves the message without a second form', async () => {
    await setBusinessHours(f.server.url, {
      timeZone: 'UTC',
      weekly: {},
      afterHours: { message: 'We are closed; we answer weekdays 9–17.', mode: 'offline_form' },
    });
    await setPreChat(f.server.url, { ...FORM, consent: null });
    const { page, errors } = await f.newPage();
    await page.goto(f.server.url);
    const ui = chat(page);
    await ui.launcher.click();

    // Known before the visitor writes anything: the site was read when the chat opened.
    const status = page.locator('switchboard-chat [part~="header-status"]');
    await expect.poll(() => status.innerText()).toBe("We're away");
    expect(await page.locator('switchboard-chat [part~="header-notice"]').innerText()).toBe(
      "We're outside our business hours. Leave a message and we'll reply as soon as we're back.",
    );
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await ui.field('Your name').fill('Ada');
    await ui.field('Email').fill('ada@example.com');
    await ui.message.fill('Please call me back.');
    await ui.start.click();
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Please call me back.', 'We are closed; we answer weekdays 9–17.']);
    // The form already gave the team an email and the question: no offline form asks again.
    expect(await page.locator('switchboard-chat [part~="offline-form"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the agent console', () => {
  const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

  it('shows the visitor’s pre-chat answers and consent with the conversation', async () => {
    await setPreChat(f.server.url, FORM);
    const visitor = visitorClient(f.server.url);
    const { page } = await f.newPage();
    try {
      await page.goto(`${f.server.url}/console`);
      await byTestId(page, 'email').fill(DEMO.agentEmail);
      await byTestId(page, 'password').fill(DEMO.agentPassword);
      await byTestId(page, 'login-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
      await byTestId(page, 'conversation-list').waitFor();

      const { conversation } = await visitor.submitPreChat({
        fields: { name: 'Ada Lovelace', email: 'ada@example.com', orderNumber: 'A1234' },
        consent: true,
        message: 'Is my tent waterproof?',
      });
      await page
        .locator(`[data-testid="conversation-item"][data-conversation-id="${conversation!.id}"]`)
        .click();
      const panel = byTestId(page, 'pre-chat-panel');
      await panel.waitFor();
      expect(await byTestId(page, 'pre-chat-answers').locator('div').allInnerTexts()).toEqual([
        'Your name\nAda Lovelace',
        'Email\nada@example.com',
        'Order number\nA1234',
      ]);
      expect(await byTestId(page, 'pre-chat-consent').innerText()).toMatch(
        /^Agreed to “I agree that Acme stores this chat\.” on .+ \(version [0-9a-f]{8}\)\.$/,
      );
    } finally {
      visitor.disconnect();
    }
  });
});
