// The built script-tag widget's socket in real Chromium against the real server. The widget
// speaks socket.io over a plain WebSocket (the SDK's lite socket, not socket.io-client): it must
// reconnect when the connection drops under it, recover what it missed, notice the browser going
// offline, and never fall back to long-polling.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dropTransports, visitorSockets } from './support/faults.js';
import { waitFor } from './support/wait.js';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

const f = useWidgetFixture();

/** A page with the chat open, and every URL the page asked of socket.io. */
async function openChat(): Promise<{ page: Page; errors: string[]; socketUrls: string[] }> {
  const { page, errors } = await f.newPage();
  const socketUrls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/socket.io/')) socketUrls.push(request.url());
  });
  page.on('websocket', (socket) => socketUrls.push(socket.url()));
  await page.goto(f.server.url);
  await chatParts(page).launcher.click();
  await chatParts(page).input.waitFor();
  return { page, errors, socketUrls };
}

async function send(page: Page, text: string): Promise<void> {
  await chatParts(page).input.fill(text);
  await chatParts(page).input.press('Enter');
}

/** How many copies of `text` the agent holds in the conversation. */
const copiesAtAgent = (conversationId: string, text: string): number =>
  (f.agent.getSnapshot().messages[conversationId] ?? []).filter((m) => m.text === text).length;

describe('the widget’s connection', () => {
  it('reconnects after a network drop, recovers the session with what it missed, and keeps sending', async () => {
    const { page, errors, socketUrls } = await openChat();
    const ui = chatParts(page);
    await send(page, 'Hello?');
    const conversationId = await conversationWith(f.agent, 'Hello?');
    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Hello?']);

    // The transport dies without a goodbye; the agent writes before the widget is back (its first
    // retry waits at least 250 ms).
    dropTransports(visitorSockets(f.server));
    await f.agent.sendMessage(conversationId, 'Sent while you were away.');

    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Hello?', 'Sent while you were away.']);
    const [socket] = await waitFor(() => {
      const sockets = visitorSockets(f.server);
      return sockets.length === 1 && sockets;
    }, 'the widget to reconnect');
    // socket.io's connection state recovery worked: the server restored the session (rooms and
    // missed packets) instead of starting a new one.
    expect(socket!.recovered).toBe(true);

    await send(page, 'Still here.');
    await waitFor(() => copiesAtAgent(conversationId, 'Still here.') === 1, 'the agent to receive it');

    // Two WebSockets (one per connection), and not one long-polling request.
    expect(socketUrls).toHaveLength(2);
    for (const url of socketUrls) expect(url).toMatch(/\/socket\.io\/\?EIO=4&transport=websocket$/);
    expect(errors).toEqual([]);
  });

  it('notices the browser going offline at once, holds a message written offline, and delivers it once back', async () => {
    const { page, errors } = await openChat();
    const ui = chatParts(page);
    const banner = page.locator('switchboard-chat [part~="banner"]');
    await send(page, 'Before the tunnel');
    const conversationId = await conversationWith(f.agent, 'Before the tunnel');

    // Watched from the page's side: whether the server hears the close frame at once depends on
    // the emulated network, and a heartbeat would take 45 s.
    let closed = 0;
    page.on('websocket', (socket) => socket.on('close', () => (closed += 1)));
    const opened = new Promise<void>((resolve) => page.once('websocket', () => resolve()));
    await page.reload();
    await chatParts(page).launcher.click();
    await opened;
    await page.context().setOffline(true);
    // The socket closes on the browser's `offline` event, long before a heartbeat would tell.
    await banner.waitFor();
    await waitFor(() => closed === 1, 'the widget to close its socket');
    await send(page, 'Written in the tunnel');
    await page.locator('switchboard-chat [part~="message-pending"]').waitFor();
    await page.waitForTimeout(500);
    expect(copiesAtAgent(conversationId, 'Written in the tunnel')).toBe(0);

    await page.context().setOffline(false);
    await waitFor(() => copiesAtAgent(conversationId, 'Written in the tunnel') === 1, 'the delivery', 15_000);
    // The banner stays in place (a live region), hidden once connected again.
    await banner.waitFor({ state: 'hidden' });
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Before the tunnel', 'Written in the tunnel']);
    await page.waitForTimeout(300);
    expect(copiesAtAgent(conversationId, 'Written in the tunnel')).toBe(1);
    expect(errors).toEqual([]);
  });

  it('is not socket.io-client: the script-tag build carries no engine.io transports', () => {
    const chunks = new URL('../packages/widget/dist/cdn/chunks/', import.meta.url);
    const code = readdirSync(chunks)
      .map((name) => readFileSync(new URL(name, chunks), 'utf8'))
      .join('\n');
    expect(code).toContain('transport=websocket');
    // engine.io-client names its transports in strings that minifiers keep.
    expect(code).not.toMatch(/polling|webtransport/);
  });
});
