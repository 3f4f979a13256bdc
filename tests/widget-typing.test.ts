// Typing indicators, delivery and read receipts between the built widget in real Chromium and an agent that
// is an SDK client in this Node process, through the real server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFor } from './support/wait.js';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

// The demo agent is online, so routing hands it the visitor's conversation.
const f = useWidgetFixture();

const chat = (page: Page) => ({
  ...chatParts(page),
  typing: page.locator('switchboard-chat [part~="typing-indicator"]'),
  status: page.locator('switchboard-chat [part~="message-status"]'),
});

/** Opens the demo page's chat, sends `text` as the visitor and returns the conversation's id. */
async function visitorWrites(text: string): Promise<{ page: Page; conversationId: string }> {
  const { page, errors } = await f.newPage();
  await page.goto(f.server.url);
  await chat(page).launcher.click();
  await chat(page).input.fill(text);
  await chat(page).input.press('Enter');
  const conversationId = await conversationWith(f.agent, text);
  expect(errors).toEqual([]);
  return { page, conversationId };
}

describe('typing indicators, delivery and read receipts in the widget', () => {
  it('shows the agent typing until their message arrives, and tells the agent when the visitor types', async () => {
    const { page, conversationId } = await visitorWrites('Is anyone there?');
    const ui = chat(page);
    await expect.poll(() => ui.typing.isVisible()).toBe(false);

    f.agent.setTyping(conversationId, true);
    await expect.poll(() => ui.typing.isVisible()).toBe(true);
    expect(await ui.typing.innerText()).toContain('Support is typing…');
    expect(await ui.typing.getAttribute('aria-live')).toBe('polite');

    await f.agent.sendMessage(conversationId, 'Yes, I am here.');
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Is anyone there?', 'Yes, I am here.']);
    await expect.poll(() => ui.typing.isVisible()).toBe(false);

    await ui.input.pressSequentially('I have a question', { delay: 20 });
    await waitFor(
      () => f.agent.getSnapshot().visitorTyping[conversationId],
      'the agent to see the visitor typing',
    );
    // Sending ends it at once (the widget says so; the message would too).
    await ui.input.press('Enter');
    await waitFor(
      () => f.agent.getSnapshot().visitorTyping[conversationId] === undefined,
      'the visitor to stop typing',
    );
  });

  it('shows the visitor "Sent", "Delivered" once the agent’s console has the message, then "Read"', async () => {
    const { page, conversationId } = await visitorWrites('Where is my parcel?');
    const ui = chat(page);
    // The agent's console is online and has the conversation: it acknowledges on its own.
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Delivered']);

    // While the console is away, the next message is stored but only "Sent"…
    f.agent.disconnect();
    await ui.input.fill('Hello? Anyone?');
    await ui.input.press('Enter');
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Where is my parcel?', 'Hello? Anyone?']);
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Sent']);
    await page.waitForTimeout(500);
    expect(await ui.status.allInnerTexts()).toEqual(['Sent']);
    expect(await page.locator('switchboard-chat [part~="message-status-sent"]').count()).toBe(1);

    // …until it comes back and catches up: "Delivered", though nobody has read it yet.
    await f.agent.connect();
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Delivered']);
    expect(await page.locator('switchboard-chat [part~="message-status-delivered"]').count()).toBe(1);

    // The widget acknowledges and reads the agent's reply in turn.
    const reply = await f.agent.sendMessage(conversationId, 'Let me check.');
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Where is my parcel?', 'Hello? Anyone?', 'Let me check.']);
    await waitFor(
      () => (f.agent.getSnapshot().visitorDeliveredSeq[conversationId] ?? 0) >= reply.seq,
      'the visitor’s delivery receipt',
    );
    await waitFor(
      () => (f.agent.getSnapshot().visitorReadSeq[conversationId] ?? 0) >= reply.seq,
      'the visitor’s read receipt',
    );
    expect(await ui.status.allInnerTexts()).toEqual(['Delivered']);

    f.agent.markRead(conversationId);
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Read']);
    expect(await page.locator('switchboard-chat [part~="message-status-read"]').count()).toBe(1);

    // Stored: a reload shows the same.
    await page.reload();
    await ui.launcher.click();
    await expect.poll(() => ui.status.allInnerTexts()).toEqual(['Read']);
  });
});
