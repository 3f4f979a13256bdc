// The console's whole hand-to-hand flow, as issue 6 asks for it: two agents, each in the built
// console in their own Chromium page, and two visitors (SDK clients in this Node process), against
// the real server. Ada takes a conversation from the queue and transfers it to Grace with a note;
// Grace writes a note that @mentions Ada, answers with a canned reply and resolves it. Each step is
// done with the console's keys and buttons, and each is checked where it must show: the visitor's
// side, the other agent's console, and the server's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { agentClient, memoryStorage, visitorClient } from './support/clients.js';
import {
  byTestId,
  conversationItem,
  logIn,
  openConversation,
  tabCount,
  type Credentials,
} from './support/console.js';
import { seedAgent, stored, useManualQueue } from './support/seed.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const GRACE: Credentials & { name: string } = {
  email: 'grace@example.com',
  password: 'password',
  name: 'Grace Hopper',
};
const TRANSFER_NOTE = 'She was charged twice for order 1042';
const MENTION_NOTE = 'can you confirm the duplicate charge was refunded?';
// Both kinds of variable, one with a fallback, as an agent would write them.
const CANNED_BODY =
  "Hi {{contact.first_name || 'there'}}, {{agent.name}} here: the second charge has been refunded.";
const RESOLVE_NOTE = 'Refund confirmed by finance';

let server: TestServer;
let browser: Browser;
let katherine: VisitorClient;
let anonymous: VisitorClient;
let ada: Page;
let grace: Page;
let graceId: string;
/** Katherine's conversation: the one that goes through every step. */
let conversationId: string;
/** The anonymous visitor's, which waits in the queue throughout. */
let waitingId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  graceId = await seedAgent(server.switchboard, GRACE);
  // Manual: conversations wait until someone accepts them, so the queue is the agents' to work.
  await useManualQueue(server.switchboard, [graceId]);

  // The reply is written once, through the SDK, as a team lead would set it up.
  const lead = agentClient(server.url);
  try {
    await lead.connect();
    const site = (await lead.canned.list({ q: 'greeting' }))[0];
    if (!site) throw new Error('the demo site has no greeting reply');
    await lead.canned.create({
      siteId: site.siteId,
      shortcut: 'refund-done',
      title: 'Refund done',
      body: CANNED_BODY,
    });
  } finally {
    lead.disconnect();
  }

  katherine = visitorClient(server.url, memoryStorage(), {
    identity: { userId: 'katherine', name: 'Katherine Johnson', email: 'katherine@example.com' },
  });
  anonymous = visitorClient(server.url);
  conversationId = (await katherine.sendMessage('I was charged twice for my order')).conversationId;
  waitingId = (await anonymous.sendMessage('Do you sell gift cards?')).conversationId;

  ada = await logIn(browser, server.url);
  grace = await logIn(browser, server.url, GRACE);
});
afterAll(async () => {
  katherine?.disconnect();
  anonymous?.disconnect();
  await browser?.close();
  await server?.close();
});

/** Everything the visitor's client holds, as text: what could ever reach their screen. */
const visitorSees = (visitor: VisitorClient) => JSON.stringify(visitor.getSnapshot());

describe('two agents in the console', () => {
  it('both see the two visitors waiting in the queue', async () => {
    for (const page of [ada, grace]) {
      await byTestId(page, 'tab-queue').click();
      await conversationItem(page, conversationId).waitFor();
      await conversationItem(page, waitingId).waitFor();
      expect(await tabCount(page, 'queue')).toBe('2');
    }
  });

  it('Ada accepts one from the Queue tab; it leaves both queues live', async () => {
    await openConversation(ada, conversationId);
    await byTestId(ada, 'accept').click();
    await expect.poll(() => byTestId(ada, 'thread').getAttribute('data-status')).toBe('active');
    expect(await byTestId(ada, 'accept').isVisible()).toBe(false);

    // Grace did nothing: her list follows the server on its own.
    await expect.poll(() => conversationItem(grace, conversationId).count()).toBe(0);
    await expect.poll(() => tabCount(grace, 'queue')).toBe('1');
    expect(await conversationItem(grace, waitingId).getAttribute('data-status')).toBe('queued');
    await expect.poll(() => tabCount(ada, 'queue')).toBe('1');
    expect(await tabCount(ada, 'mine')).toBe('1');
    await waitFor(
      () => katherine.getSnapshot().conversation?.status === 'active',
      'the visitor to see an agent take the conversation',
    );
  });

  it('Ada transfers it to Grace with Ctrl+T and a note; it lands in Grace’s Mine tab with the note', async () => {
    await byTestId(ada, 'composer').focus();
    await ada.keyboard.press('Control+t');
    const target = byTestId(ada, 'transfer-target');
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    await target.selectOption(`agent:${graceId}`);
    await byTestId(ada, 'transfer-note').fill(TRANSFER_NOTE);
    await byTestId(ada, 'transfer-note').press('Enter');
    await expect.poll(() => byTestId(ada, 'thread').getAttribute('data-assignee-id')).toBe(graceId);
    await expect.poll(() => byTestId(ada, 'transfer-form').isVisible()).toBe(false);
    await expect.poll(() => tabCount(ada, 'mine')).toBe('0');

    await expect.poll(() => tabCount(grace, 'mine')).toBe('1');
    await byTestId(grace, 'tab-mine').click();
    await openConversation(grace, conversationId);
    await expect
      .poll(() => byTestId(grace, 'transfer-notice').innerText())
      .toContain(`Transferred to you by ${DEMO.agentName}: “${TRANSFER_NOTE}”`);
    expect(await byTestId(grace, 'thread').getAttribute('data-status')).toBe('active');
    // The queue did not move: the other visitor still waits, in both consoles.
    expect(await tabCount(grace, 'queue')).toBe('1');
    expect(await tabCount(ada, 'queue')).toBe('1');
  });

  it('Grace writes a note with Ctrl+N that @mentions Ada, who is notified; the visitor is not', async () => {
    // Ada looks at the waiting conversation meanwhile, so the mention is news to her.
    await openConversation(ada, waitingId);

    await byTestId(grace, 'composer').focus();
    await grace.keyboard.press('Control+n');
    const note = byTestId(grace, 'note-input');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.pressSequentially('@ad');
    await expect
      .poll(() => byTestId(grace, 'mention-suggestion').allInnerTexts())
      .toEqual([`${DEMO.agentName} · @ada`]);
    await note.press('Tab');
    await note.pressSequentially(MENTION_NOTE);
    await note.press('Enter');
    await expect
      .poll(() => byTestId(grace, 'note').allInnerTexts())
      .toEqual([expect.stringContaining(`@ada ${MENTION_NOTE}`)]);

    await expect.poll(() => byTestId(ada, 'mention-toast').isVisible()).toBe(true);
    expect(await byTestId(ada, 'mention-toast-text').innerText()).toBe(
      `${GRACE.name} mentioned you: “@ada ${MENTION_NOTE}”`,
    );
    expect(await byTestId(ada, 'mention-count').innerText()).toBe('1');
    // Grace is not notified of her own note.
    expect(await byTestId(grace, 'mention-count').isVisible()).toBe(false);

    // Open takes Ada to the note; reading it clears the badge.
    await byTestId(ada, 'mention-toast-open').click();
    await ada.locator(`[data-testid="thread"][data-conversation-id="${conversationId}"]`).waitFor();
    await expect.poll(() => byTestId(ada, 'mention-count').isVisible()).toBe(false);
    await expect.poll(() => ada.locator('mark.mention.is-me').count()).toBe(1);

    const seen = visitorSees(katherine);
    expect(seen).not.toContain(MENTION_NOTE);
    expect(seen).not.toContain(TRANSFER_NOTE);
    expect(katherine.getSnapshot().messages.map((m) => m.authorKind)).toEqual(['visitor']);
  });

  it('Grace picks the canned reply with "/", filled in for Katherine and herself, and sends it with Ctrl+Enter', async () => {
    const composer = byTestId(grace, 'composer');
    await composer.focus();
    await composer.pressSequentially('/refund-d');
    await expect
      .poll(() =>
        byTestId(grace, 'canned-option').evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-shortcut')),
        ),
      )
      .toEqual(['refund-done']);
    await composer.press('Enter');
    const rendered = 'Hi Katherine, Grace Hopper here: the second charge has been refunded.';
    await expect.poll(() => composer.inputValue()).toBe(rendered);
    // Enter only inserted it: nothing went out yet.
    expect(katherine.getSnapshot().messages).toHaveLength(1);

    await composer.press('Control+Enter');
    const reply = await waitFor(
      () => katherine.getSnapshot().messages.find((m) => m.authorKind === 'agent'),
      'the visitor to receive the canned reply',
    );
    expect(reply.text).toBe(rendered);
    expect(reply.authorId).toBe(graceId);
    await expect.poll(() => composer.inputValue()).toBe('');

    // Ada, on the same conversation, sees the reply arrive in her thread.
    const inAdasThread = ada.locator(`[data-testid="message"][data-seq="${reply.seq}"]`);
    await expect.poll(() => inAdasThread.innerText()).toContain(rendered);
    expect(await inAdasThread.getAttribute('data-author-kind')).toBe('agent');
  });

  it('Grace resolves it with Ctrl+R and a reason; it moves to Closed in Ada’s console, and the reason is kept', async () => {
    await byTestId(ada, 'tab-closed').click();
    expect(await conversationItem(ada, conversationId).count()).toBe(0);

    await byTestId(grace, 'composer').focus();
    await grace.keyboard.press('Control+r');
    const reason = byTestId(grace, 'resolve-reason');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.selectOption('other');
    await byTestId(grace, 'resolve-note').fill(RESOLVE_NOTE);
    await byTestId(grace, 'resolve-confirm').click();
    await expect.poll(() => byTestId(grace, 'thread').getAttribute('data-status')).toBe('resolved');
    await expect.poll(() => tabCount(grace, 'mine')).toBe('0');

    // Ada's console: the row appears under Closed, and her open thread says resolved.
    await conversationItem(ada, conversationId).waitFor();
    expect(await conversationItem(ada, conversationId).getAttribute('data-status')).toBe('resolved');
    await expect.poll(() => byTestId(ada, 'thread').getAttribute('data-status')).toBe('resolved');
    await waitFor(
      () => katherine.getSnapshot().conversation?.status === 'resolved',
      'the visitor to see the conversation end',
    );

    // The reason and note are on record, in the stored row and the timeline agents read.
    expect(await stored(server.switchboard, conversationId)).toMatchObject({
      status: 'resolved',
      resolveReason: 'other',
      assigneeId: graceId,
    });
    const reader = agentClient(server.url);
    try {
      await reader.connect();
      const timeline = await reader.timeline(conversationId);
      expect(timeline.map((event) => event.type)).toEqual(
        expect.arrayContaining(['assigned', 'transferred', 'resolved']),
      );
      expect(timeline.find((event) => event.type === 'transferred')).toMatchObject({
        actorKind: 'agent',
        data: { toAgentId: graceId, note: TRANSFER_NOTE },
      });
      expect(timeline.at(-1)).toMatchObject({
        type: 'resolved',
        actorId: graceId,
        toStatus: 'resolved',
        data: { reason: 'other', note: RESOLVE_NOTE },
      });
    } finally {
      reader.disconnect();
    }
    expect(visitorSees(katherine)).not.toContain(RESOLVE_NOTE);

    // The other visitor is still waiting, in both queues.
    expect(await stored(server.switchboard, waitingId)).toMatchObject({ status: 'queued', assigneeId: null });
    for (const page of [ada, grace]) {
      await byTestId(page, 'tab-queue').click();
      await conversationItem(page, waitingId).waitFor();
      expect(await tabCount(page, 'queue')).toBe('1');
    }
  });
});
