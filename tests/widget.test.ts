// The built script-tag widget in real Chromium, on the demo page served by the real server,
// talking to an agent that is an SDK client in this Node process.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ulid, type AgentClientToServerEvents, type AgentServerToClientEvents } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { io, type Socket } from 'socket.io-client';
import { waitFor } from './support/wait.js';
import { chatParts, conversationWith, useWidgetFixture } from './support/widget.js';

// The demo agent is online, so routing hands it the visitor's conversation.
const f = useWidgetFixture();

const chat = chatParts;

async function openDemoPage(): Promise<Page> {
  const { page, errors } = await f.newPage();
  await page.goto(f.server.url);
  await chat(page).launcher.click();
  await chat(page).input.waitFor();
  expect(errors).toEqual([]);
  return page;
}

describe('the demo page’s widget', () => {
  it('shows the launcher and writes no storage before the visitor interacts', async () => {
    const { page } = await f.newPage();
    await page.goto(f.server.url);
    await chat(page).launcher.waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('delivers a visitor message to the agent with its seq, shows the reply, and keeps both after a reload', async () => {
    const page = await openDemoPage();
    const ui = chat(page);
    await ui.input.fill('Hi, where is my order?');
    await ui.input.press('Enter');

    const received = await waitFor(() => {
      for (const [id, list] of Object.entries(f.agent.getSnapshot().messages)) {
        const match = list.find((m) => m.text === 'Hi, where is my order?');
        if (match) return { conversationId: id, message: match };
      }
      return undefined;
    }, 'the agent to receive the visitor message');
    expect(received.message).toMatchObject({ seq: 1, authorKind: 'visitor', kind: 'text' });

    await f.agent.sendMessage(received.conversationId, 'It ships tomorrow.');
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Hi, where is my order?', 'It ships tomorrow.']);

    await page.reload();
    await ui.launcher.click();
    await expect
      .poll(() => ui.messages.allInnerTexts())
      .toEqual(['Hi, where is my order?', 'It ships tomorrow.']);
  });

  it('names the agent who answers (header, author line, system lines) and says when the conversation ends', async () => {
    const page = await openDemoPage();
    const ui = chat(page);
    await ui.input.fill('Who am I talking to?');
    await ui.send.click();
    const conversationId = await conversationWith(f.agent, 'Who am I talking to?');
    await f.agent.sendMessage(conversationId, 'Ada here, hello!');

    const status = page.locator('switchboard-chat [part~="header-status"]');
    await expect.poll(() => status.innerText()).toBe(DEMO.agentName);
    const avatar = page.locator('switchboard-chat img[part~="header-avatar-image"]');
    expect(await avatar.getAttribute('src')).toBe(`${f.server.url}/images/ada.svg`);
    // The picture really loads (the demo website serves it), and is decorative.
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await avatar.getAttribute('alt')).toBe('');
    await expect
      .poll(() => page.locator('switchboard-chat [part~="author-agent"]').allInnerTexts())
      .toEqual([DEMO.agentName]);

    // The lines between messages: who joined, and the end, in the visitor's language.
    const activity = page.locator('switchboard-chat [part~="activity"]');
    await expect.poll(() => activity.allInnerTexts()).toEqual([`${DEMO.agentName} joined the conversation`]);
    await page.reload();
    await chat(page).launcher.click();
    await expect.poll(() => activity.allInnerTexts()).toEqual([`${DEMO.agentName} joined the conversation`]);
    await f.agent.resolve(conversationId, 'solved');
    await expect
      .poll(() => activity.allInnerTexts())
      .toEqual([`${DEMO.agentName} joined the conversation`, 'The conversation ended']);
  });

  it('renders message text exactly: line breaks kept, markup inert, nothing added', async () => {
    const page = await openDemoPage();
    const ui = chat(page);
    await ui.input.fill('<b>not bold</b>');
    await ui.input.press('Enter');
    const conversationId = await conversationWith(f.agent, '<b>not bold</b>');
    await f.agent.sendMessage(conversationId, 'Line one\nLine two');
    const texts = page.locator('switchboard-chat [part~="message"]:not([part~="message-pending"]) .text');
    await expect.poll(() => texts.allInnerTexts()).toEqual(['<b>not bold</b>', 'Line one\nLine two']);
    expect(await page.locator('switchboard-chat b').count()).toBe(0);
    const height = (i: number) => texts.nth(i).evaluate((el) => el.getBoundingClientRect().height);
    expect(await height(1)).toBeGreaterThan((await height(0)) * 1.5);
  });

  it('renders one copy of a message whose send was repeated three times, once across a disconnect', async () => {
    const page = await openDemoPage();
    const ui = chat(page);
    await ui.input.fill('Hello?');
    await ui.send.click();
    const conversationId = await conversationWith(f.agent, 'Hello?');

    // A raw agent socket, so the test controls the clientMessageId the way a retrying client would.
    const { token } = (await (
      await fetch(`${f.server.url}/v1/agent/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
      })
    ).json()) as { token: string };
    const open = () =>
      new Promise<Socket<AgentServerToClientEvents, AgentClientToServerEvents>>((resolve, reject) => {
        const socket: Socket<AgentServerToClientEvents, AgentClientToServerEvents> = io(
          `${f.server.url}/agent`,
          {
            auth: { token },
            transports: ['websocket'],
            forceNew: true,
          },
        );
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const payload = { conversationId, clientMessageId: ulid(), text: 'Only once, I promise.' };
    let socket = await open();
    const first = await socket.emitWithAck('message:send', payload);
    const second = await socket.emitWithAck('message:send', payload);
    socket.disconnect();
    socket = await open();
    const third = await socket.emitWithAck('message:send', payload);
    socket.disconnect();
    expect(second).toEqual(first);
    expect(third).toEqual(first);

    await expect.poll(() => ui.messages.allInnerTexts()).toEqual(['Hello?', 'Only once, I promise.']);
    await page.waitForTimeout(300);
    expect(await ui.messages.allInnerTexts()).toEqual(['Hello?', 'Only once, I promise.']);
  });
});
