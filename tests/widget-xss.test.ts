// The built script-tag widget in real Chromium, on the demo page served by the real server: every
// payload of the XSS corpus, written by the visitor in the composer and by an agent over the SDK,
// shows as text, draws no element but the formatting ones, links nowhere but http(s) and mailto,
// and runs nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AgentClient } from '@switchboard/agent-sdk';
import { launchBrowser } from './support/browser.js';
import { agentClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';
import { PNG_8x6 } from './support/files.js';
import { XSS_CORPUS } from './support/xss-corpus.js';

/** What formatting may draw inside a message bubble, with the attributes each may carry. */
const ALLOWED_ELEMENTS: Record<string, readonly string[]> = {
  span: ['class'],
  strong: [],
  em: [],
  s: [],
  code: [],
  br: [],
  a: ['href', 'target', 'rel'],
};
const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:'];

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let agent: AgentClient;
/** Every sentinel call, from any frame or page of the context, as reported to this process. */
const fired: unknown[] = [];
const dialogs: string[] = [];
const pageErrors: string[] = [];

const chat = (on: Page) => ({
  launcher: on.locator('switchboard-chat [part~="launcher"]'),
  input: on.locator('switchboard-chat [part~="composer-input"]'),
  send: on.locator('switchboard-chat [part~="send-button"]'),
  fileInput: on.locator('switchboard-chat input[type="file"]'),
  drafts: on.locator('switchboard-chat [part~="attachment-draft"]'),
  ready: on.locator('switchboard-chat [part~="attachment-draft-ready"]'),
  sent: on.locator('switchboard-chat [part~="message"]:not([part~="message-pending"])'),
});

/** The corpus in messages' worth of files. */
const FILE_BATCHES = Array.from({ length: Math.ceil(XSS_CORPUS.length / 10) }, (_, i) =>
  XSS_CORPUS.slice(i * 10, i * 10 + 10),
);

/** Every file name the server kept for the conversation's messages, by author, in order. */
let keptNames: { visitor: string[]; agent: string[] } = { visitor: [], agent: [] };

/** Opens a page of the context (whose init script installs the sentinel), recording dialogs and errors. */
async function openPage(): Promise<Page> {
  const opened = await context.newPage();
  opened.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  opened.on('pageerror', (error) => pageErrors.push(error.message));
  return opened;
}

/** The messages' text as the visitor sees it (line breaks included), by side, in order. */
function shownTexts(on: Page): Promise<{ self: string[]; other: string[] }> {
  return on.evaluate(() => {
    const root = document.querySelector('switchboard-chat')?.shadowRoot;
    const shown = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? (node as Text).data
        : node.nodeName === 'BR'
          ? '\n'
          : Array.from(node.childNodes, shown).join('');
    const texts = (side: string) =>
      Array.from(
        root?.querySelectorAll(`[part~="message-${side}"]:not([part~="message-pending"]) .text`) ?? [],
        shown,
      );
    return { self: texts('self'), other: texts('other') };
  });
}

beforeAll(async () => {
  // No demo bot: the first message queues the conversation for the connected demo agent.
  server = await startServer();
  browser = await launchBrowser();
  agent = agentClient(server.url);
  await agent.connect();
  context = await browser.newContext();
  // On the context, so that popups and frames get the sentinel too.
  await context.exposeFunction('__xssReport', (id: unknown) => void fired.push(id));
  await context.addInitScript(() => {
    const sentinel = window as unknown as {
      __xss?: (id: unknown) => void;
      __xssCalls?: unknown[];
      __xssReport?: (id: unknown) => Promise<void>;
    };
    sentinel.__xssCalls = [];
    sentinel.__xss = (id) => {
      sentinel.__xssCalls?.push(id);
      void sentinel.__xssReport?.(id);
    };
  });
  page = await openPage();
  await page.goto(server.url);
  const ui = chat(page);
  await ui.launcher.click();
  await ui.input.waitFor();

  for (const { payload } of XSS_CORPUS) {
    await ui.input.fill(payload);
    await ui.input.press('Enter');
    await waitFor(async () => (await ui.input.inputValue()) === '', 'the composer to send');
  }
  const conversationId = await waitFor(() => {
    const { messages, conversations } = agent.getSnapshot();
    return Object.entries(messages).find(
      ([id, list]) => list.length >= XSS_CORPUS.length && conversations[id]?.status === 'active',
    )?.[0];
  }, 'the agent to be given the conversation with every visitor payload');
  for (const { payload } of XSS_CORPUS) await agent.sendMessage(conversationId, payload);
  await waitFor(
    async () => (await ui.sent.count()) === 2 * XSS_CORPUS.length,
    'every message to be shown',
    20_000,
  );

  // Files named after every payload: images the visitor picks in the widget (their names become
  // alt text and link text), text files the agent sends over the SDK.
  for (const batch of FILE_BATCHES) {
    await ui.fileInput.setInputFiles(
      batch.map(({ payload }) => ({ name: payload, mimeType: 'image/png', buffer: Buffer.from(PNG_8x6) })),
    );
    await waitFor(async () => (await ui.ready.count()) === batch.length, 'the files to upload', 20_000);
    await ui.send.click();
    await waitFor(async () => (await ui.drafts.count()) === 0, 'the files to be sent');
  }
  for (const batch of FILE_BATCHES) {
    const files = await Promise.all(
      batch.map(({ payload }) =>
        agent.upload(new TextEncoder().encode('x'), { name: payload, contentType: 'text/plain' }),
      ),
    );
    await agent.sendMessage(conversationId, '', { attachmentIds: files.map((file) => file.id) });
  }
  keptNames = await waitFor(() => {
    const messages = agent.getSnapshot().messages[conversationId] ?? [];
    const names = (author: string) =>
      messages.filter((m) => m.authorKind === author).flatMap((m) => m.attachments.map((a) => a.name));
    const kept = { visitor: names('visitor'), agent: names('agent') };
    return kept.visitor.length === XSS_CORPUS.length && kept.agent.length === XSS_CORPUS.length && kept;
  }, 'the agent to hold every file');
  await waitFor(
    async () =>
      (await page.locator('switchboard-chat [part~="attachment"]').count()) === 2 * XSS_CORPUS.length,
    'every file to be shown',
    20_000,
  );
  await waitFor(
    () =>
      page.evaluate(() =>
        Array.from(
          document.querySelector('switchboard-chat')?.shadowRoot?.querySelectorAll('img') ?? [],
        ).every((img) => img.complete),
      ),
    'the images to load',
  );
  // onerror, onload and ontoggle handlers run after the elements are drawn; give them time.
  await page.waitForTimeout(500);
});
afterAll(async () => {
  agent?.disconnect();
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the XSS corpus', () => {
  it('calls the sentinel exactly once per payload, with its id', () => {
    for (const { id, payload } of XSS_CORPUS) {
      expect(payload.split(`__xss(${id})`), `payload ${id}`).toHaveLength(2);
      expect(payload.length, `payload ${id}`).toBeLessThanOrEqual(4000);
    }
    expect(new Set(XSS_CORPUS.map((v) => v.id)).size).toBe(XSS_CORPUS.length);
  });

  it('has a live sentinel: a payload put into the page as HTML is recorded', async () => {
    const control = await openPage();
    await control.goto(server.url);
    await control.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=window.__xss(0)>');
    });
    await expect
      .poll(() => control.evaluate(() => (window as unknown as { __xssCalls: unknown[] }).__xssCalls))
      .toEqual([0]);
    await expect.poll(() => fired).toContain(0);
    await control.close();
    fired.splice(fired.indexOf(0), 1);
  });
});

describe('the widget, sent every XSS payload by the visitor and by an agent', () => {
  it('shows each payload the visitor wrote as its text, in order', async () => {
    const { self } = await shownTexts(page);
    expect(self).toEqual(XSS_CORPUS.map((v) => v.shown));
  });

  it('shows each payload the agent wrote as its text, in order', async () => {
    const { other } = await shownTexts(page);
    expect(other).toEqual(XSS_CORPUS.map((v) => v.shown));
  });

  it('draws only formatting elements in messages: no script, img, svg or iframe', async () => {
    const drawn = await page.evaluate(() =>
      Array.from(
        document.querySelector('switchboard-chat')?.shadowRoot?.querySelectorAll('[part~="message"] *') ?? [],
        (element) => ({ tag: element.localName, attributes: element.getAttributeNames() }),
      ),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(2 * XSS_CORPUS.length);
    const tags = new Set(drawn.map((element) => element.tag));
    for (const forbidden of ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'math', 'style', 'input']) {
      expect(tags.has(forbidden), forbidden).toBe(false);
    }
    for (const { tag, attributes } of drawn) {
      expect(Object.keys(ALLOWED_ELEMENTS), tag).toContain(tag);
      for (const attribute of attributes)
        expect(ALLOWED_ELEMENTS[tag], `${tag} ${attribute}`).toContain(attribute);
    }
    // The formatting-wrapped payloads were formatted, and the link payloads linked.
    expect(tags).toEqual(new Set(['span', 'strong', 's', 'code', 'br', 'a']));
  });

  it('links only to http, https and mailto URLs, and clicking any other link runs nothing', async () => {
    const links = await page.evaluate(() =>
      Array.from(
        document.querySelector('switchboard-chat')?.shadowRoot?.querySelectorAll('a[href]') ?? [],
        (a) => a.getAttribute('href') ?? '',
      ),
    );
    expect(links.length).toBeGreaterThan(0);
    const unsafe = links.filter((href) => {
      try {
        return !ALLOWED_PROTOCOLS.includes(new URL(href).protocol);
      } catch {
        return true;
      }
    });
    // There should be none. Should one appear, it is clicked, so that the sentinel tells what it
    // does: in this page, without its target, rather than in a popup that the browser may block.
    for (const href of unsafe) {
      const link = page.locator(`switchboard-chat a[href=${JSON.stringify(href)}]`).first();
      await link.evaluate((a) => a.removeAttribute('target'));
      await link.click({ timeout: 2000 }).catch(() => undefined);
    }
    await page.waitForTimeout(unsafe.length > 0 ? 500 : 0);
    expect(unsafe).toEqual([]);
    const rels = await page
      .locator('switchboard-chat a[href]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('rel')));
    expect(new Set(rels)).toEqual(new Set(['noopener noreferrer nofollow']));
  });

  it('shows every file name as text, as the server kept it, the markup intact', async () => {
    const shown = await page.evaluate(() => {
      const root = document.querySelector('switchboard-chat')?.shadowRoot;
      const texts = (side: string) =>
        Array.from(
          root?.querySelectorAll(`[part~="attachments-${side}"] [part~="attachment-name"]`) ?? [],
          (n) => n.textContent ?? '',
        );
      const alts = Array.from(
        root?.querySelectorAll('[part~="attachments-self"] [part~="attachment-image"]') ?? [],
        (img) => img.getAttribute('alt') ?? '',
      );
      return { self: texts('self'), other: texts('other'), alts };
    });
    // The visitor's images show as previews, so their names are alt text; the agent's files are links.
    expect(shown.alts).toEqual(keptNames.visitor);
    expect(shown.other).toEqual(keptNames.agent);
    expect(shown.self).toEqual([]);
    // Cleaned of control characters and slashes only: the payloads' markup reached the page, as text.
    expect(keptNames.agent.filter((name) => name.includes('<img src=x onerror=')).length).toBeGreaterThan(5);
    expect(keptNames.agent).toEqual(keptNames.visitor);
  });

  it('draws nothing from a file name: only the attachment elements themselves', async () => {
    const drawn = await page.evaluate(() =>
      Array.from(
        document.querySelector('switchboard-chat')?.shadowRoot?.querySelectorAll('[part~="attachments"] *') ??
          [],
        (element) => element.localName,
      ),
    );
    expect(new Set(drawn)).toEqual(new Set(['li', 'a', 'img', 'span', 'svg', 'path']));
  });

  it('ran no payload: the sentinel was never called and no dialog opened', async () => {
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xssCalls: unknown[] }).__xssCalls)).toEqual(
      [],
    );
    expect(fired).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
