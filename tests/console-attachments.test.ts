// Attachments in the example agent console: the built console in real Chromium against the real
// server, visitors as SDK clients in this Node process. Files go both ways and come back as the
// same bytes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitorClient } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { launchBrowser } from './support/browser.js';
import { visitorClient } from './support/clients.js';
import { byTestId } from './support/console.js';
import { bytesOf, PDF, PNG_8x6, WAV } from './support/files.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const MAX_BYTES = 2 * 1024 * 1024;

let server: TestServer;
let browser: Browser;
const visitors: VisitorClient[] = [];

beforeAll(async () => {
  server = await startServer({ SWITCHBOARD_UPLOAD_MAX_BYTES: String(MAX_BYTES) });
  browser = await launchBrowser();
});
afterEach(() => {
  for (const visitor of visitors.splice(0)) visitor.disconnect();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A real PNG followed by padding (decoders stop at IEND): big enough for progress to show. */
const BIG_PNG = (() => {
  const bytes = new Uint8Array(768 * 1024);
  bytes.set(PNG_8x6);
  return bytes;
})();

/** A file name that would run script if it were ever parsed as HTML. */
const XSS_NAME = '<img src=x onerror="window.__xss(1)">.pdf';

function newVisitor(): VisitorClient {
  const visitor = visitorClient(server.url);
  visitors.push(visitor);
  return visitor;
}

/** The console, signed in, with a sentinel that records any script a file name managed to run. */
async function logIn(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const ran: unknown[] = [];
    Object.assign(window, { __ran: ran, __xss: (id: unknown) => ran.push(id) });
  });
  await page.goto(`${server.url}/console`);
  await byTestId(page, 'email').fill(DEMO.agentEmail);
  await byTestId(page, 'password').fill(DEMO.agentPassword);
  await byTestId(page, 'login-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await byTestId(page, 'conversation-list').waitFor();
  return { page, errors };
}

async function open(page: Page, conversationId: string): Promise<void> {
  await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationId}"]`).click();
  await expect.poll(() => byTestId(page, 'thread').getAttribute('data-conversation-id')).toBe(conversationId);
}

/** The bytes at a URL, fetched by the page (as the agent's browser would). */
function fetchInPage(page: Page, url: string): Promise<Uint8Array> {
  return page
    .evaluate(async (href) => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())), url)
    .then((bytes) => Uint8Array.from(bytes));
}

/** Hands files to the console the way a browser does for a drop or a paste: a DataTransfer in an event. */
function transfer(
  page: Page,
  kind: 'drop' | 'paste',
  files: { name: string; type: string; bytes: Uint8Array }[],
): Promise<boolean | undefined> {
  return page.evaluate(
    ({ kind, files }) => {
      const data = new DataTransfer();
      for (const file of files)
        data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      const init = { bubbles: true, cancelable: true };
      if (kind === 'paste')
        return document
          .querySelector('[data-testid="composer"]')
          ?.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: data }));
      const target = document.querySelector('[data-testid="composer-form"]');
      target?.dispatchEvent(new DragEvent('dragenter', { ...init, dataTransfer: data }));
      target?.dispatchEvent(new DragEvent('dragover', { ...init, dataTransfer: data }));
      return target?.dispatchEvent(new DragEvent('drop', { ...init, dataTransfer: data }));
    },
    { kind, files: files.map((file) => ({ ...file, bytes: Array.from(file.bytes) })) },
  );
}

/** The visitor's copy of the agent's message with this text (or, for '', the first file-only one). */
const agentMessage = (visitor: VisitorClient, text: string) =>
  waitFor(
    () =>
      visitor
        .getSnapshot()
        .messages.find(
          (m: Message) =>
            m.authorKind === 'agent' && m.text === text && (text !== '' || m.attachments.length > 0),
        ),
    `the visitor to receive "${text}"`,
  );

const draftStates = (page: Page) =>
  byTestId(page, 'attachment-draft').evaluateAll((items) =>
    items.map((item) => [
      item.querySelector('[data-testid="attachment-draft-name"]')?.textContent,
      item.dataset['status'],
    ]),
  );

describe('attachments in the agent console', () => {
  it("shows a visitor's image as a preview, a sound as a player and documents as links that download the same bytes", async () => {
    const { page, errors } = await logIn();
    const visitor = newVisitor();
    const photo = await visitor.upload(PNG_8x6, { name: 'broken strap.png', contentType: 'image/png' });
    const receipt = await visitor.upload(PDF, { name: 'receipt.pdf', contentType: 'application/pdf' });
    const voice = await visitor.upload(WAV, { name: 'voice note.wav', contentType: 'audio/wav' });
    const odd = await visitor.upload(PDF, { name: XSS_NAME, contentType: 'application/pdf' });
    const sent = await visitor.sendMessage('The strap broke on day two', {
      attachmentIds: [photo.id, receipt.id, voice.id, odd.id],
    });
    await open(page, sent.conversationId);

    const message = page.locator(`[data-testid="message"][data-message-id="${sent.id}"]`);
    await message.waitFor();
    expect(await message.locator('.message-text').innerText()).toBe('The strap broke on day two');
    expect(
      await message
        .locator('[data-testid="attachment"]')
        .evaluateAll((items) => items.map((i) => i.dataset['kind'])),
    ).toEqual(['image', 'file', 'audio', 'file']);

    // The image: a lazy preview named by its file, loaded from its capability URL.
    const image = message.locator('[data-testid="attachment-image"]');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
    expect(await image.getAttribute('alt')).toBe('broken strap.png');
    expect(await image.getAttribute('loading')).toBe('lazy');
    const imageUrl = visitor.attachmentUrl(photo);
    expect(await image.getAttribute('src')).toBe(imageUrl);
    expect(await fetchInPage(page, imageUrl)).toEqual(PNG_8x6);

    // The sound: the browser's own player, and a link to save it.
    const audio = message.locator('[data-testid="attachment-audio"]');
    expect(
      await audio.evaluate((el: HTMLAudioElement) => [el.controls, el.getAttribute('aria-label')]),
    ).toEqual([true, 'voice note.wav']);
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeCloseTo(0.1, 2);

    // Documents: a link with the name and a human size, whose bytes are the visitor's.
    const links = message.locator('[data-testid="attachment-file"]');
    expect(await links.locator('[data-testid="attachment-name"]').allTextContents()).toEqual([
      'receipt.pdf',
      'voice note.wav',
      XSS_NAME,
    ]);
    expect(await links.locator('[data-testid="attachment-size"]').allTextContents()).toEqual([
      `${PDF.length} bytes`,
      `${WAV.length} bytes`,
      `${PDF.length} bytes`,
    ]);
    const pdfLink = links.filter({ hasText: 'receipt.pdf' });
    expect(await pdfLink.getAttribute('download')).toBe('receipt.pdf');
    const pdfUrl = await pdfLink.getAttribute('href');
    expect(pdfUrl).toBe(visitor.attachmentUrl(receipt));
    expect(await fetchInPage(page, pdfUrl ?? '')).toEqual(PDF);
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe('receipt.pdf');

    // The name that looks like markup stayed text: no element made of it, nothing ran.
    expect(await message.locator('img').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __ran: unknown[] }).__ran)).toEqual([]);

    // The list previews a message that is only a file by its name.
    await visitor.sendMessage('', {
      attachmentIds: [(await visitor.upload(PDF, { name: 'second.pdf' })).id],
    });
    const item = page.locator(
      `[data-testid="conversation-item"][data-conversation-id="${sent.conversationId}"]`,
    );
    await expect.poll(() => item.locator('.row-preview').innerText()).toBe('Visitor: 📎 second.pdf');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('attaches from the keyboard with upload progress, by drop and by paste; the visitor downloads the same bytes', async () => {
    const { page, errors } = await logIn();
    const visitor = newVisitor();
    const hello = await visitor.sendMessage('Can you send me the invoice?');
    await open(page, hello.conversationId);

    // A real button, reached and pressed from the keyboard, opening the file picker.
    const attach = byTestId(page, 'attach-button');
    expect(await attach.evaluate((el) => [el.tagName, el.getAttribute('type'), el.textContent])).toEqual([
      'BUTTON',
      'button',
      'Attach file',
    ]);
    await byTestId(page, 'composer').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'attach-button',
    );

    // A slow uplink, so that the upload takes long enough to watch its progress.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 384 * 1024,
    });
    await page.evaluate(() => {
      const seen: number[] = [];
      Object.assign(window, { __progress: seen });
      const look = () => {
        for (const bar of document.querySelectorAll<HTMLProgressElement>(
          '[data-testid="attachment-progress"]',
        ))
          if (!bar.hidden) seen.push(bar.value);
        requestAnimationFrame(look);
      };
      look();
    });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), attach.press('Enter')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({
      name: 'Rechnung März.png',
      mimeType: 'image/png',
      buffer: Buffer.from(BIG_PNG),
    });
    await expect.poll(() => draftStates(page)).toEqual([['Rechnung März.png', 'uploading']]);
    // Nothing goes until the file is up: Enter says so and keeps the text.
    expect(await byTestId(page, 'send').isDisabled()).toBe(true);
    await byTestId(page, 'composer').fill('Here is your invoice');
    await byTestId(page, 'composer').press('Enter');
    expect(await byTestId(page, 'composer-error').innerText()).toBe(
      'Wait for the files to finish uploading.',
    );
    expect(await byTestId(page, 'composer').inputValue()).toBe('Here is your invoice');
    await expect.poll(() => draftStates(page), { timeout: 20_000 }).toEqual([['Rechnung März.png', 'ready']]);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(
      progress.some((value) => value > 0 && value < 1),
      `progress seen: ${progress.join(', ')}`,
    ).toBe(true);

    expect(await byTestId(page, 'composer-error').isHidden()).toBe(true);
    await byTestId(page, 'composer').press('Enter');
    await expect.poll(() => byTestId(page, 'attachment-draft').count()).toBe(0);
    const invoice = await agentMessage(visitor, 'Here is your invoice');
    expect(invoice.attachments.map((a) => [a.name, a.contentType, a.kind])).toEqual([
      ['Rechnung März.png', 'image/png', 'image'],
    ]);
    expect(await bytesOf(await visitor.download(invoice.attachments[0]!))).toEqual(BIG_PNG);
    // The agent's own message shows its file too.
    const mine = page.locator(`[data-testid="message"][data-message-id="${invoice.id}"]`);
    await expect
      .poll(() => mine.locator('[data-testid="attachment-image"]').getAttribute('alt'))
      .toBe('Rechnung März.png');

    // A dropped PDF and a pasted screenshot, sent without a word.
    expect(await transfer(page, 'drop', [{ name: 'terms.pdf', type: 'application/pdf', bytes: PDF }])).toBe(
      false,
    );
    expect(await transfer(page, 'paste', [{ name: 'image.png', type: 'image/png', bytes: PNG_8x6 }])).toBe(
      false,
    );
    await expect
      .poll(() => draftStates(page))
      .toEqual([
        ['terms.pdf', 'ready'],
        ['image.png', 'ready'],
      ]);
    expect(await byTestId(page, 'composer').inputValue()).toBe('');
    expect(await byTestId(page, 'send').isEnabled()).toBe(true);
    await byTestId(page, 'send').click();
    const filesOnly = await agentMessage(visitor, '');
    expect(filesOnly.attachments.map((a) => a.name)).toEqual(['terms.pdf', 'image.png']);
    expect(await bytesOf(await visitor.download(filesOnly.attachments[0]!))).toEqual(PDF);
    expect(await bytesOf(await visitor.download(filesOnly.attachments[1]!))).toEqual(PNG_8x6);
    // No empty text line in a message that is only files.
    const bubble = page.locator(`[data-testid="message"][data-message-id="${filesOnly.id}"]`);
    await bubble.waitFor();
    expect(await bubble.locator('.message-text').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses what the server's limits refuse before uploading, shows the server's own refusal, and removes a file", async () => {
    const { page } = await logIn();
    const visitor = newVisitor();
    const hello = await visitor.sendMessage('hello');
    await open(page, hello.conversationId);
    const input = byTestId(page, 'attach-input');
    // The picker offers what the server takes.
    await expect.poll(() => input.getAttribute('accept')).toContain('application/pdf');
    const uploads = () => server.requests.filter((request) => request.startsWith('POST /v1/uploads')).length;
    const before = uploads();

    await input.setInputFiles([
      { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg onload="alert(1)"/>') },
      { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.alloc(MAX_BYTES + 1) },
    ]);
    await expect
      .poll(() => byTestId(page, 'attachment-notice').innerText())
      .toBe(
        'logo.svg is a kind of file the server does not accept. ' +
          'scan.png is larger than 2 MB, the largest file the server accepts.',
      );
    expect(await byTestId(page, 'attachment-draft').count()).toBe(0);
    expect(uploads()).toBe(before);

    // Bytes that lie about their type get past the browser's check, not the server's.
    await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from(PDF) });
    await expect.poll(() => draftStates(page)).toEqual([['fake.png', 'failed']]);
    expect(await byTestId(page, 'attachment-draft-error').innerText()).toBe(
      'fake.png is a kind of file the server does not accept.',
    );
    // A failed file alone is nothing to send.
    expect(await byTestId(page, 'send').isDisabled()).toBe(true);
    await byTestId(page, 'attachment-remove').click();
    await expect.poll(() => byTestId(page, 'attachment-draft').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer');
    await page.close();
  });

  it('keeps files waiting with their conversation when the agent switches, and sends them only there', async () => {
    const { page } = await logIn();
    const first = newVisitor();
    const second = newVisitor();
    const a = await first.sendMessage('I am the first visitor');
    const b = await second.sendMessage('I am the second visitor');

    await open(page, a.conversationId);
    await byTestId(page, 'attach-input').setInputFiles({
      name: 'for-first.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(PDF),
    });
    await expect.poll(() => draftStates(page)).toEqual([['for-first.pdf', 'ready']]);
    await byTestId(page, 'composer').fill('draft for the first');

    await open(page, b.conversationId);
    expect(await byTestId(page, 'attachment-draft').count()).toBe(0);
    expect(await byTestId(page, 'send').isDisabled()).toBe(true);
    await byTestId(page, 'composer').fill('Hello second visitor');
    await byTestId(page, 'composer').press('Enter');
    const toSecond = await agentMessage(second, 'Hello second visitor');
    expect(toSecond.attachments).toEqual([]);

    await open(page, a.conversationId);
    await expect.poll(() => draftStates(page)).toEqual([['for-first.pdf', 'ready']]);
    expect(await byTestId(page, 'composer').inputValue()).toBe('draft for the first');
    await byTestId(page, 'composer').press('Enter');
    const toFirst = await agentMessage(first, 'draft for the first');
    expect(toFirst.attachments.map((file) => file.name)).toEqual(['for-first.pdf']);
    expect(await bytesOf(await first.download(toFirst.attachments[0]!))).toEqual(PDF);
    expect(second.getSnapshot().messages.flatMap((m) => m.attachments)).toEqual([]);
    await page.close();
  });
});
