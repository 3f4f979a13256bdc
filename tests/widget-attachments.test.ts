// Attachments end to end: the built script-tag widget in real Chromium on the demo page, the real
// server storing the files, and the demo agent as an SDK client in this process.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Message } from '@switchboard/protocol';
import { bytesOf, PDF, PNG_8x6 } from './support/files.js';
import { waitFor } from './support/wait.js';
import { chatParts, useWidgetFixture } from './support/widget.js';

const f = useWidgetFixture({ SWITCHBOARD_UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) });

/** A real PNG followed by padding (decoders stop at IEND): big enough for progress to show. */
const BIG_PNG = (() => {
  const bytes = new Uint8Array(1024 * 1024);
  bytes.set(PNG_8x6);
  return bytes;
})();

const parts = (page: Page) => ({
  ...chatParts(page),
  fileInput: page.locator('switchboard-chat input[type="file"]'),
  attachButton: page.locator('switchboard-chat [part~="attach-button"]'),
  drafts: page.locator('switchboard-chat [part~="attachment-draft"]'),
  ready: page.locator('switchboard-chat [part~="attachment-draft-ready"]'),
  notice: page.locator('switchboard-chat [part~="attachment-error"]'),
  images: page.locator('switchboard-chat [part~="attachment-image"]'),
  files: page.locator('switchboard-chat [part~="attachment-file"]'),
});

async function openChat(): Promise<{ page: Page; errors: string[] }> {
  const opened = await f.newPage();
  await opened.page.goto(f.server.url);
  await chatParts(opened.page).launcher.click();
  await chatParts(opened.page).input.waitFor();
  return opened;
}

/** Hands files to the widget the way a browser does for a drop or a paste: a DataTransfer in an event. */
function transfer(
  page: Page,
  kind: 'drop' | 'paste',
  files: { name: string; type: string; bytes: Uint8Array }[],
) {
  return page.evaluate(
    ({ kind, files }) => {
      const data = new DataTransfer();
      for (const file of files)
        data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      const root = document.querySelector('switchboard-chat')?.shadowRoot;
      const target =
        kind === 'paste'
          ? root?.querySelector('[part~="composer-input"]')
          : root?.querySelector('[part~="messages"]');
      const init = { bubbles: true, composed: true, cancelable: true };
      if (kind === 'drop') {
        target?.dispatchEvent(new DragEvent('dragenter', { ...init, dataTransfer: data }));
        target?.dispatchEvent(new DragEvent('dragover', { ...init, dataTransfer: data }));
        return target?.dispatchEvent(new DragEvent('drop', { ...init, dataTransfer: data }));
      }
      return target?.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: data }));
    },
    { kind, files: files.map((file) => ({ ...file, bytes: Array.from(file.bytes) })) },
  );
}

/** Records the values the upload progress bars show, many times a second. */
function watchProgress(page: Page) {
  return page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const look = () => {
      const root = document.querySelector('switchboard-chat')?.shadowRoot;
      for (const bar of root?.querySelectorAll<HTMLProgressElement>('[part~="attachment-progress"]') ?? [])
        seen.push(bar.value);
      requestAnimationFrame(look);
    };
    look();
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

describe('attachments in the widget', () => {
  it('sends a picked image and a dropped PDF with progress and previews; the agent gets the same bytes and answers with a file the visitor downloads', async () => {
    const { page, errors } = await openChat();
    const ui = parts(page);
    await expect.poll(() => ui.attachButton.getAttribute('aria-label')).toBe('Attach a file');

    // A slow uplink, so that the upload takes long enough to watch its progress.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    await watchProgress(page);
    await ui.fileInput.setInputFiles({
      name: 'broken strap.png',
      mimeType: 'image/png',
      buffer: Buffer.from(BIG_PNG),
    });
    await expect.poll(() => ui.drafts.count()).toBe(1);
    await waitFor(async () => (await ui.ready.count()) === 1, 'the image to upload', 20_000);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const progress = await progressSeen(page);
    expect(
      progress.some((value) => value > 0 && value < 1),
      `progress seen: ${progress.join(', ')}`,
    ).toBe(true);
    // The uploaded image previews from the server.
    const thumbnail = page.locator('switchboard-chat img[part~="attachment-thumbnail"]');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);

    expect(await transfer(page, 'drop', [{ name: 'receipt.pdf', type: 'application/pdf', bytes: PDF }])).toBe(
      false,
    );
    await waitFor(async () => (await ui.ready.count()) === 2, 'the PDF to upload');
    expect(await page.locator('switchboard-chat [part~="attachment-draft-name"]').allTextContents()).toEqual([
      'broken strap.png',
      'receipt.pdf',
    ]);

    await ui.input.fill('The strap broke on day two');
    await ui.input.press('Enter');
    await expect.poll(() => ui.drafts.count()).toBe(0);

    const received = await waitFor(() => {
      for (const list of Object.values(f.agent.getSnapshot().messages)) {
        const match = list.find((m) => m.text === 'The strap broke on day two');
        if (match) return match;
      }
      return undefined;
    }, 'the agent to receive the message with its files');
    expect(received.attachments.map((a) => [a.name, a.contentType, a.kind])).toEqual([
      ['broken strap.png', 'image/png', 'image'],
      ['receipt.pdf', 'application/pdf', 'file'],
    ]);
    expect(await bytesOf(await f.agent.download(received.attachments[0]!))).toEqual(BIG_PNG);
    expect(await bytesOf(await f.agent.download(received.attachments[1]!))).toEqual(PDF);

    // The visitor's own message: the image as a preview opening in a new tab, the PDF as a link.
    await expect.poll(() => ui.images.count()).toBe(1);
    await expect.poll(() => ui.images.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
    expect(await ui.images.first().getAttribute('alt')).toBe('broken strap.png');
    const imageLink = page.locator('switchboard-chat [part~="attachment-image-link"]');
    expect(await imageLink.getAttribute('target')).toBe('_blank');
    expect(await imageLink.getAttribute('rel')).toContain('noopener');
    expect(await imageLink.getAttribute('href')).toBe(f.agent.attachmentUrl(received.attachments[0]!));
    expect(await ui.files.locator('[part~="attachment-name"]').allTextContents()).toEqual(['receipt.pdf']);

    // The agent answers with a file; the widget shows it with a working download link.
    await waitFor(
      () => f.agent.getSnapshot().conversations[received.conversationId]?.status === 'active',
      'the conversation to be the agent’s',
    );
    const invoice = await f.agent.upload(PDF, { name: 'Rechnung März.pdf', contentType: 'application/pdf' });
    await f.agent.sendMessage(received.conversationId, 'Here is your invoice', {
      attachmentIds: [invoice.id],
    });
    const answer = ui.files.filter({ hasText: 'Rechnung März.pdf' });
    await answer.waitFor();
    expect(await answer.locator('[part~="attachment-size"]').textContent()).toMatch(/\d+ bytes/);
    const [download] = await Promise.all([page.waitForEvent('download'), answer.click()]);
    expect(download.suggestedFilename()).toBe('Rechnung März.pdf');
    expect(new Uint8Array(await readFile(await download.path()))).toEqual(PDF);
    expect(errors).toEqual([]);
  });

  it('attaches a pasted screenshot, refuses what the server announced it refuses, and sends files without text', async () => {
    const { page, errors } = await openChat();
    const ui = parts(page);
    // The first file starts the session, which announces the limits.
    expect(await transfer(page, 'paste', [{ name: 'image.png', type: 'image/png', bytes: PNG_8x6 }])).toBe(
      false,
    );
    await waitFor(async () => (await ui.ready.count()) === 1, 'the screenshot to upload');

    const tooBig = new Uint8Array(2 * 1024 * 1024 + 1);
    await ui.fileInput.setInputFiles([
      { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg onload="alert(1)"/>') },
      { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from(tooBig) },
    ]);
    await expect
      .poll(() => ui.notice.locator('span').allTextContents())
      .toEqual(['logo.svg is a kind of file that cannot be sent.', 'scan.png is larger than 2 MB.']);
    expect(await ui.drafts.count()).toBe(1);

    // Bytes that lie about their type get past the browser's check, not the server's.
    await ui.fileInput.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from(PDF) });
    const failed = page.locator('switchboard-chat [part~="attachment-draft-failed"]');
    await failed.waitFor();
    expect(await failed.locator('[part~="attachment-draft-error"]').textContent()).toBe(
      'fake.png is a kind of file that cannot be sent.',
    );
    await failed.locator('[part~="attachment-remove"]').click();
    await expect.poll(() => ui.drafts.count()).toBe(1);
    // Removing a file hands focus back to the composer.
    expect(
      await page.evaluate(() =>
        document.querySelector('switchboard-chat')?.shadowRoot?.activeElement?.getAttribute('part'),
      ),
    ).toBe('composer-input');

    expect(await ui.send.isEnabled()).toBe(true);
    await ui.send.click();
    const sent = await waitFor(() => {
      for (const list of Object.values(f.agent.getSnapshot().messages)) {
        const match = list.find((m: Message) => m.attachments.some((a) => a.name === 'image.png'));
        if (match) return match;
      }
      return undefined;
    }, 'the agent to receive the screenshot');
    expect(sent.text).toBe('');
    await expect.poll(() => ui.images.count()).toBe(1);
    // No empty bubble for a message that is only a file.
    expect(await ui.messages.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('labels the attach button and the files in every language, and works from the keyboard', async () => {
    const { page } = await f.newPage();
    await page.goto(f.server.url);
    await page.evaluate(() => document.querySelector('switchboard-chat')?.setAttribute('locale', 'de'));
    const ui = parts(page);
    await ui.launcher.click();
    await expect.poll(() => ui.attachButton.getAttribute('aria-label')).toBe('Datei anhängen');
    // Opening moves focus to the text field; from there Shift+Tab reaches the emoji button, then
    // the attach button.
    const focused = () =>
      page.evaluate(() =>
        document.querySelector('switchboard-chat')?.shadowRoot?.activeElement?.getAttribute('part'),
      );
    await expect.poll(focused).toBe('composer-input');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('emoji-button');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('attach-button');
    // Pressed on the button itself: under load a page-level key press can land before focus settles.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), ui.attachButton.press('Enter')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from(PNG_8x6) });
    await waitFor(async () => (await ui.ready.count()) === 1, 'the photo to upload');
    expect(
      await page.locator('switchboard-chat [part~="attachment-remove"]').getAttribute('aria-label'),
    ).toBe('foto.png entfernen');
  });
});
