// CSAT end to end: the built script-tag widget in real Chromium, on the demo page served by the
// real server, and an agent that is an SDK client in this Node process. The agent resolves, the
// widget asks for a rating, the visitor gives one with the keyboard, the agent hears of it, and a
// reload shows the thanks rather than asking again. Then the built agent console shows a rating
// as it arrives.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationRatedEvent } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { visitorClient } from './support/clients.js';
import { waitFor } from './support/wait.js';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

// The demo agent is online, so routing hands it the visitor's conversation.
const f = useWidgetFixture();

const chat = (page: Page) => ({
  ...chatParts(page),
  prompt: page.locator('switchboard-chat [part~="csat"]'),
  stars: page.getByRole('radiogroup', { name: 'How would you rate this conversation?' }),
  star: (score: number) => page.getByRole('radio', { name: `${score} of 5` }),
  comment: page.locator('switchboard-chat [part~="csat-comment"]'),
  submit: page.locator('switchboard-chat [part~="csat-submit"]'),
  error: page.locator('switchboard-chat [part~="csat-error"]'),
  thanks: page.locator('switchboard-chat [part~="csat-thanks"]'),
});

/** An attribute of the element focused inside the widget's shadow root. */
function focusedInChat(page: Page, attribute: string): Promise<string | null | undefined> {
  return page.evaluate(
    (name) => document.querySelector('switchboard-chat')?.shadowRoot?.activeElement?.getAttribute(name),
    attribute,
  );
}

describe('rating a resolved conversation in the widget', () => {
  it('asks once resolved, takes a keyboard rating with a comment, tells the agent, and thanks again after a reload', async () => {
    const { page, errors } = await f.newPage();
    await page.goto(f.server.url);
    const ui = chat(page);
    await ui.launcher.click();
    await ui.input.fill('My parcel is late.');
    await ui.input.press('Enter');

    const conversationId = await conversationWith(f.agent, 'My parcel is late.');
    await waitFor(
      () => f.agent.getSnapshot().conversations[conversationId]?.status === 'active',
      'routing to hand the conversation to the agent',
    );
    await f.agent.sendMessage(conversationId, 'Sorry! It arrives tomorrow.');
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['My parcel is late.', 'Sorry! It arrives tomorrow.']);
    // Nothing to rate while the conversation is open.
    expect(await ui.prompt.count()).toBe(0);

    const heard: ConversationRatedEvent[] = [];
    f.agent.on('conversation:rated', (event) => heard.push(event));
    await f.agent.resolve(conversationId, 'solved');
    await ui.stars.waitFor();
    expect(await ui.star(1).isChecked()).toBe(false);

    // Sent without a star: the prompt says why, next to the stars, and puts focus on them.
    await ui.submit.click();
    await expect.poll(() => ui.error.innerText()).toBe('Please choose a rating.');
    expect(await focusedInChat(page, 'aria-label')).toBe('1 of 5');
    expect(heard).toEqual([]);

    // The keyboard alone: arrows choose a star, Tab moves on to the comment and the button.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await ui.star(4).isChecked()).toBe(true);
    await expect.poll(() => ui.error.count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focusedInChat(page, 'part')).toBe('csat-comment');
    await page.keyboard.type('Quick and kind, thank you.');
    await page.keyboard.press('Tab');
    expect(await focusedInChat(page, 'part')).toBe('csat-submit');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => ui.thanks.innerText())
      .toBe('Thanks for your feedback! You rated this conversation 4 of 5.');
    expect(await ui.prompt.count()).toBe(0);
    // The form and its button are gone: focus carries on in the composer (moved after that render).
    await expect.poll(() => focusedInChat(page, 'part')).toBe('composer-input');

    await waitFor(() => heard.length > 0, 'the agent to hear conversation:rated');
    expect(heard).toMatchObject([
      { conversation: { id: conversationId }, score: 4, comment: 'Quick and kind, thank you.' },
    ]);
    expect(f.agent.getSnapshot().conversations[conversationId]?.csat).toMatchObject({
      score: 4,
      comment: 'Quick and kind, thank you.',
    });
    const { store } = f.server.switchboard;
    expect((await store.conversations.byId(conversationId))?.csat).toMatchObject({
      score: 4,
      comment: 'Quick and kind, thank you.',
    });
    expect((await store.timeline.list(conversationId)).filter((e) => e.type === 'rated')).toHaveLength(1);

    // A reload shows the conversation with the thanks, and does not ask again.
    await page.reload();
    await ui.launcher.click();
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['My parcel is late.', 'Sorry! It arrives tomorrow.']);
    await expect
      .poll(() => ui.thanks.innerText())
      .toBe('Thanks for your feedback! You rated this conversation 4 of 5.');
    expect(await ui.prompt.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the agent console', () => {
  const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

  it('shows a resolved conversation’s rating, live as the visitor gives it', async () => {
    const visitor = visitorClient(f.server.url);
    const { page } = await f.newPage();
    try {
      await page.goto(`${f.server.url}/console`);
      await byTestId(page, 'email').fill(DEMO.agentEmail);
      await byTestId(page, 'password').fill(DEMO.agentPassword);
      await byTestId(page, 'login-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
      await byTestId(page, 'conversation-list').waitFor();

      const { conversationId } = await visitor.sendMessage('Do you ship to Norway?');
      await waitFor(
        () => f.agent.getSnapshot().conversations[conversationId]?.status === 'active',
        'routing to hand the conversation to the agent',
      );
      await page
        .locator(`[data-testid="conversation-item"][data-conversation-id="${conversationId}"]`)
        .click();
      const panel = byTestId(page, 'csat-panel');
      expect(await panel.isVisible()).toBe(false);

      await f.agent.resolve(conversationId, 'solved');
      await expect.poll(() => byTestId(page, 'csat-score').innerText()).toBe('Not rated by the visitor yet');

      await waitFor(() => visitor.getSnapshot().conversation?.status === 'resolved', 'the visitor to see it');
      await visitor.rate(5, 'Yes they do, and fast.');
      await expect.poll(() => byTestId(page, 'csat-score').innerText()).toBe('Rated 5 of 5');
      expect(await byTestId(page, 'csat-stars').innerText()).toBe('★★★★★');
      expect(await byTestId(page, 'csat-comment').innerText()).toBe('“Yes they do, and fast.”');
    } finally {
      visitor.disconnect();
    }
  });
});
