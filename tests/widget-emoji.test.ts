// The emoji picker of the built widget in real Chromium, by keyboard: it opens on the composer's
// button, arrow keys move, Enter puts the emoji at the caret, Escape closes only the picker.
import { describe, expect, it } from 'vitest';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

const f = useWidgetFixture();

describe('the emoji picker', () => {
  it('inserts the chosen emoji at the caret and sends a lone emoji shown large', async () => {
    const { page, errors } = await f.newPage();
    await page.goto(f.server.url);
    const ui = chatParts(page);
    const button = page.locator('switchboard-chat [part~="emoji-button"]');
    const picker = page.locator('switchboard-chat [part~="emoji-picker"]');
    const panel = page.locator('switchboard-chat [part~="panel"]');
    await ui.launcher.click();

    await ui.input.fill('Thanks !');
    // The caret between "Thanks " and "!".
    await ui.input.evaluate((input: HTMLTextAreaElement) => input.setSelectionRange(7, 7));
    await button.click();
    await expect.poll(() => picker.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown'); // second row, first column: 😮
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => ui.input.inputValue()).toBe('Thanks 😮!');
    await expect.poll(() => picker.count()).toBe(0);
    // Focus is back in the text field, after the emoji.
    expect(await ui.input.evaluate((input: HTMLTextAreaElement) => input.selectionStart)).toBe(9);

    // Escape closes the picker, not the chat, and hands focus back to its button.
    await button.click();
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.count()).toBe(0);
    expect(await panel.isVisible()).toBe(true);
    expect(
      await button.evaluate(
        (el) =>
          el.getRootNode() instanceof ShadowRoot && el === (el.getRootNode() as ShadowRoot).activeElement,
      ),
    ).toBe(true);

    await ui.input.fill('👍');
    await ui.send.click();
    await conversationWith(f.agent, '👍');
    const sent = page.locator('switchboard-chat [part~="message-emoji"]');
    await expect.poll(() => sent.allInnerTexts()).toEqual(['👍']);
    expect(await sent.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(24);
    expect(errors).toEqual([]);
  });
});
