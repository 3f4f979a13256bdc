// Opt-in sound and browser notifications in real Chromium: nothing until the visitor turns the
// bell on; then a chime and a notification for a reply that arrives while the tab is hidden, and
// neither while they are looking. The page records what it asks of the browser.
import { describe, expect, it } from 'vitest';
import { DEMO } from '@switchboard/server';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

const f = useWidgetFixture();

interface Recorded {
  notifications: { title: string; body: string | undefined; tag: string | undefined }[];
  tones: number;
}
type Observed = Window & { recorded: Recorded; pageHidden: boolean };

describe('notifications', () => {
  it('chimes and notifies of a reply while the tab is hidden, once the visitor opted in', async () => {
    const { page, errors } = await f.newPage();
    await page.context().grantPermissions(['notifications'], { origin: f.server.url });
    await page.addInitScript(() => {
      const w = window as unknown as Observed;
      w.recorded = { notifications: [], tones: 0 };
      w.pageHidden = false;
      Object.defineProperty(document, 'visibilityState', {
        get: () => (w.pageHidden ? 'hidden' : 'visible'),
      });
      const Native = window.Notification;
      window.Notification = class extends Native {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          w.recorded.notifications.push({ title, body: options?.body, tag: options?.tag });
        }
      };
      const createOscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.recorded.tones += 1;
        return createOscillator.call(this);
      };
    });
    const recorded = () => page.evaluate(() => (window as unknown as Observed).recorded);
    const hide = (hidden: boolean) =>
      page.evaluate((value) => ((window as unknown as Observed).pageHidden = value), hidden);

    await page.goto(f.server.url);
    const ui = chatParts(page);
    const bell = page.locator('switchboard-chat [part~="notify-button"]');
    await ui.launcher.click();
    await ui.input.fill('Ping me when you know');
    await ui.send.click();
    const conversationId = await conversationWith(f.agent, 'Ping me when you know');

    // Off by default: a hidden tab gets nothing.
    expect(await bell.getAttribute('aria-pressed')).toBe('false');
    await hide(true);
    await f.agent.sendMessage(conversationId, 'Checking now.');
    await expect.poll(() => ui.messages.count()).toBe(2);
    expect(await recorded()).toEqual({ notifications: [], tones: 0 });

    await hide(false);
    await bell.click();
    await expect.poll(() => bell.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('switchboard:notify'))).toBe('on');

    await hide(true);
    await f.agent.sendMessage(conversationId, '*Good news:*\nyour order ships today');
    await expect
      .poll(async () => (await recorded()).notifications)
      .toEqual([
        {
          title: DEMO.agentName,
          body: 'Good news: your order ships today',
          tag: `switchboard-${conversationId}`,
        },
      ]);
    expect((await recorded()).tones).toBe(2);

    // Looking at the page: the reply just shows.
    await hide(false);
    await f.agent.sendMessage(conversationId, 'Anything else?');
    await expect.poll(() => ui.messages.count()).toBe(4);
    expect((await recorded()).notifications).toHaveLength(1);

    // The choice is remembered on this browser.
    await page.reload();
    await ui.launcher.click();
    await expect.poll(() => bell.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });
});
