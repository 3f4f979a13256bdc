// A channel conversation in the example console, in real Chromium against the real server and a
// real system on the other end of the generic webhook channel: the thread shows the channel, a
// reply shows the provider's delivery state as it moves on, and a refused one says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { agentClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';
import { connectWebhookSystem, type WebhookSystem } from './support/webhook-channel.js';

let server: TestServer;
let browser: Browser;
let system: WebhookSystem;
let sdk: AgentClient;
let page: Page;
let conversationId: string;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  system = await connectWebhookSystem(server.url);
  await system.customerWrites('crm-1', 'The invoice for order 1042 is wrong');
  // The demo agent takes it through the SDK, so the console opens a conversation that is theirs.
  sdk = agentClient(server.url);
  await sdk.connect();
  const conversation = await waitFor(
    () => Object.values(sdk.getSnapshot().conversations).find((c) => c.channel === 'webhook'),
    'the channel conversation',
  );
  conversationId = conversation.id;
  if (conversation.assigneeId === null) await sdk.accept(conversationId);

  page = await browser.newPage();
  await page.goto(`${server.url}/console`);
  await byTestId('email').fill(DEMO.agentEmail);
  await byTestId('password').fill(DEMO.agentPassword);
  await byTestId('login-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await byTestId('conversation-list').waitFor();
});

afterAll(async () => {
  sdk?.disconnect();
  await browser?.close();
  await system?.close();
  await server?.close();
});

describe('a channel conversation in the console', () => {
  it('shows each reply’s delivery state, and the reason when the provider refused it', async () => {
    await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationId}"]`).click();
    await expect.poll(() => byTestId('thread-meta').textContent()).toMatch(/^webhook · /);

    await byTestId('composer').fill('Sorry about that, a corrected invoice is on its way');
    await byTestId('composer').press('Control+Enter');
    const delivered = page.locator('[data-testid="message"]', { hasText: 'corrected invoice' });
    await expect.poll(() => delivered.locator('[data-testid="channel-delivery"]').textContent()).toBe('Sent');
    expect(system.received.at(-1)).toMatchObject({ to: { id: 'crm-42' } });
    // The widget's receipt line is for web conversations only.
    expect(await byTestId('reply-receipt').count()).toBe(0);

    system.answer(410, 'customer account closed');
    await byTestId('composer').fill('Anything else I can do?');
    await byTestId('composer').press('Control+Enter');
    const refused = page.locator('[data-testid="message"]', { hasText: 'Anything else' });
    const marker = refused.locator('[data-testid="channel-delivery"]');
    await expect.poll(() => marker.textContent()).toMatch(/^Not delivered: .*410.*customer account closed/);
    expect(await marker.getAttribute('role')).toBe('alert');
  });

  it('starts a conversation on the channel from "New conversation"', async () => {
    system.answer(200);
    await byTestId('new-conversation').click();
    await byTestId('outbound-account').selectOption(system.account.id);
    // Nothing filled in: the form says what is missing and sends nothing.
    await byTestId('outbound-send').click();
    await expect
      .poll(() => byTestId('outbound-error').textContent())
      .toBe('Who is it to? Fill in the address.');
    await byTestId('outbound-to').fill('crm-77');
    await byTestId('outbound-name').fill('Katherine');
    await byTestId('outbound-text').fill('Your replacement part has shipped');
    await byTestId('outbound-send').click();

    // The new conversation opens, is the agent's, and its first message reached the system.
    await expect.poll(() => byTestId('thread-meta').textContent()).toBe('webhook · assigned to you');
    await expect
      .poll(() => page.locator('[data-testid="message"]', { hasText: 'replacement part' }).count())
      .toBe(1);
    await waitFor(() => system.received.find((delivery) => delivery.to.id === 'crm-77'), 'the delivery');
    expect(await byTestId('outbound-form').isHidden()).toBe(true);
  });
});
