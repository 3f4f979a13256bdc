import type { PendingMessage, UploadOptions } from '@switchboard/agent-sdk';
import type { Attachment, PublicSite } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import {
  chatFixture,
  deepActiveElement,
  nextEvent,
  textOf,
  type ChatFixture,
  type ChatFixtureOptions,
} from '../../test/chat-fixture.js';
import { conversation, site } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

/** The server's announced limits in these tests: 2 kB, three files, PNG and PDF. */
const LIMITED: PublicSite = {
  ...site(),
  uploads: { maxBytes: 2048, maxAttachments: 3, contentTypes: ['image/png', 'application/pdf'] },
};

interface Upload {
  file: File;
  options: UploadOptions;
  resolve: (attachment: Attachment) => void;
  reject: (error: unknown) => void;
}

function file(name: string, type = 'image/png', size = 100): File {
  return new File([new Uint8Array(size)], name, { type });
}

/** A PNG of one transparent pixel, so that previews load without a server. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The server's record of an uploaded file; its `url` needs no server. */
function stored(name: string, overrides: Partial<Attachment> = {}): Attachment {
  const contentType = overrides.contentType ?? 'image/png';
  return {
    id: `att-${name}`,
    name,
    contentType,
    size: 100,
    kind: 'image',
    url: contentType === 'image/png' ? PIXEL : `data:${contentType},`,
    ...overrides,
  };
}

/** The open chat of a site with `LIMITED` uploads, whose uploads the test settles by hand. */
async function composing(): Promise<ChatFixture & { uploads: Upload[] }> {
  const uploads: Upload[] = [];
  const fixture = await chatFixture({
    open: true,
    state: { site: LIMITED, conversation: conversation({ status: 'active' }) },
    client: {
      upload: (blob, options = {}) =>
        new Promise<Attachment>((resolve, reject) =>
          uploads.push({ file: blob as File, options, resolve, reject }),
        ),
    },
  });
  return { ...fixture, uploads };
}

const fileInput = (fixture: ChatFixture) =>
  fixture.part('attach-button').parentElement!.querySelector<HTMLInputElement>('input[type="file"]')!;

/** Files as carried by a picker, a drag or a paste. */
function transfer(...files: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const one of files) data.items.add(one);
  return data;
}

/** Picks files in the attach button's file picker, and waits for the tray. */
async function pick(fixture: ChatFixture, ...files: File[]): Promise<void> {
  const input = fileInput(fixture);
  input.files = transfer(...files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await fixture.settle();
}

const draftNames = (fixture: ChatFixture) =>
  fixture.parts('attachment-draft-name').map((name) => textOf(name));
const notes = (fixture: ChatFixture) =>
  [...(fixture.maybePart('attachment-error')?.children ?? [])].map((note) => textOf(note));

/**
 * Whether the letters of `word`, where it follows the file name in `element`'s text, are laid out
 * left to right: an unterminated right-to-left override in the name would reverse them.
 */
function readsLeftToRight(element: Element, word: string): boolean {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.lastIndexOf(word);
    if (at < 0) continue;
    const lefts = [...word].map((_, index) => {
      const range = document.createRange();
      range.setStart(node, at + index);
      range.setEnd(node, at + index + 1);
      return range.getBoundingClientRect().left;
    });
    return lefts.every((left, index) => index === 0 || left > lefts[index - 1]!);
  }
  throw new Error(`"${word}" is not in ${textOf(element)}`);
}

describe('attachments', () => {
  describe('attach button', () => {
    it("is a labelled button before the text field, whose picker takes the server's types", async () => {
      const fixture = await composing();
      const button = fixture.part<HTMLButtonElement>('attach-button');
      expect(button.getAttribute('aria-label')).to.equal('Attach a file');
      expect(button.disabled).to.be.false;
      expect(fixture.part('composer').contains(button)).to.be.true;
      const input = fileInput(fixture);
      expect(input.multiple).to.be.true;
      expect(input.accept).to.equal('image/png,application/pdf');
      // The hidden input is not a stop of its own for the keyboard: the button is.
      expect(input.hidden).to.be.true;
      expect(input.tabIndex).to.equal(-1);
    });

    it('opens the file picker from the keyboard', async () => {
      const fixture = await composing();
      let opened = 0;
      // The browser's own dialog is kept shut; the click that asks for it is what counts.
      fileInput(fixture).addEventListener('click', (event) => {
        opened++;
        event.preventDefault();
      });
      fixture.part('composer-input').focus();
      // Back past the emoji button; puppeteer presses one key at a time, so Shift is held around Tab.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActiveElement()).to.equal(fixture.part('attach-button'));
      await sendKeys({ press: 'Enter' });
      expect(opened).to.equal(1);
    });

    it('is disabled while the chat is not configured', async () => {
      const fixture = await chatFixture({ open: true, configured: false });
      expect(fixture.part<HTMLButtonElement>('attach-button').disabled).to.be.true;
    });
  });

  describe('tray', () => {
    it('starts uploading a picked file at once, showing its name, size and progress', async () => {
      const fixture = await composing();
      expect(fixture.maybePart('attachment-tray')).to.be.null;
      await pick(fixture, file('photo.png', 'image/png', 1536));

      expect(fixture.uploads.map((upload) => upload.file.name)).to.deep.equal(['photo.png']);
      expect(fixture.part('attachment-drafts').getAttribute('aria-label')).to.equal('Attachments');
      expect(fixture.part('attachment-draft').getAttribute('part')).to.equal(
        'attachment-draft attachment-draft-uploading',
      );
      expect(draftNames(fixture)).to.deep.equal(['photo.png']);
      expect(textOf(fixture.part('attachment-draft-size'))).to.equal('1.5 kB');
      const progress = fixture.part<HTMLProgressElement>('attachment-progress');
      expect(progress.value).to.equal(0);
      expect(progress.getAttribute('aria-label')).to.equal('Uploading photo.png');
      // Nothing to send before the file is up.
      expect(fixture.part<HTMLButtonElement>('send-button').disabled).to.be.true;

      fixture.uploads[0]!.options.onProgress?.({ loaded: 60, total: 100 });
      await fixture.chat.updateComplete;
      expect(progress.value).to.be.closeTo(0.6, 0.001);
    });

    it('shows an uploaded image as a preview, and sends the files with the message', async () => {
      const fixture = await composing();
      await pick(fixture, file('photo.png'), file('terms.pdf', 'application/pdf'));
      fixture.uploads[0]!.resolve(stored('photo.png'));
      fixture.uploads[1]!.resolve(stored('terms.pdf', { kind: 'file', contentType: 'application/pdf' }));
      await waitUntil(() => fixture.parts('attachment-draft-ready').length === 2, 'both files are up');
      expect(fixture.maybePart('attachment-progress')).to.be.null;
      const [image, document] = fixture.parts('attachment-thumbnail');
      expect(image!.localName).to.equal('img');
      expect(image!.getAttribute('src')).to.equal(stored('photo.png').url);
      expect(image!.getAttribute('alt')).to.equal('');
      expect(document!.localName).to.equal('svg');

      // Files alone are a message: no text needed.
      const send = fixture.part<HTMLButtonElement>('send-button');
      expect(send.disabled).to.be.false;
      const sending = nextEvent(fixture.chat, 'switchboard-message-send');
      send.click();
      expect((await sending).detail.attachments.map((attachment) => attachment.id)).to.deep.equal([
        'att-photo.png',
        'att-terms.pdf',
      ]);
      expect(fixture.client.callsTo('sendMessage')).to.deep.equal([
        ['', { attachmentIds: ['att-photo.png', 'att-terms.pdf'] }],
      ]);
      await fixture.chat.updateComplete;
      expect(fixture.maybePart('attachment-tray')).to.be.null;
      expect(deepActiveElement()).to.equal(fixture.part('composer-input'));
    });

    it('removes a file from the keyboard, cancelling its upload; focus goes back to the composer', async () => {
      const fixture = await composing();
      await pick(fixture, file('a.png'), file('b.png'));
      const remove = fixture.parts('attachment-remove');
      expect(remove.map((button) => button.getAttribute('aria-label'))).to.deep.equal([
        'Remove a.png',
        'Remove b.png',
      ]);
      remove[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await fixture.chat.updateComplete;
      expect(draftNames(fixture)).to.deep.equal(['b.png']);
      expect(fixture.uploads[0]!.options.signal?.aborted).to.be.true;
      expect(fixture.uploads[1]!.options.signal?.aborted).to.be.false;
      await waitUntil(
        () => deepActiveElement() === fixture.part('composer-input'),
        'focus reaches the composer',
      );
    });

    it("refuses, before uploading, files over the server's limits, saying why in an alert", async () => {
      const fixture = await composing();
      await pick(
        fixture,
        file('big.png', 'image/png', 4096),
        file('notes.txt', 'text/plain'),
        file('a.png'),
        file('b.png'),
        file('c.png'),
        file('d.png'),
      );
      expect(fixture.uploads.map((upload) => upload.file.name)).to.deep.equal(['a.png', 'b.png', 'c.png']);
      expect(draftNames(fixture)).to.deep.equal(['a.png', 'b.png', 'c.png']);
      expect(fixture.part('attachment-error').getAttribute('role')).to.equal('alert');
      expect(notes(fixture)).to.deep.equal([
        'big.png is larger than 2 kB.',
        'notes.txt is a kind of file that cannot be sent.',
        'You can send up to 3 files at once.',
      ]);

      // The next change clears the notes.
      fixture.parts('attachment-remove')[0]!.click();
      await fixture.chat.updateComplete;
      expect(fixture.maybePart('attachment-error')).to.be.null;
    });

    it("keeps a file name's direction marks inside the name in a refusal note", async () => {
      const fixture = await composing();
      // U+202E overrides the direction of what follows: "invoice‮fdp.exe" reads "invoiceexe.pdf".
      const tricky = 'invoice\u202Efdp.exe';
      await pick(fixture, file(tricky, 'application/x-msdownload'), file(`big\u202E.png`, 'image/png', 4096));
      const [wrongType, tooLarge] = fixture.part('attachment-error').children;
      expect(textOf(wrongType)).to.equal(`${tricky} is a kind of file that cannot be sent.`);
      expect(readsLeftToRight(wrongType!, 'kind')).to.be.true;
      expect(readsLeftToRight(wrongType!, 'sent')).to.be.true;
      expect(textOf(tooLarge)).to.equal('big\u202E.png is larger than 2 kB.');
      expect(readsLeftToRight(tooLarge!, 'larger')).to.be.true;
    });

    it('says, in an alert on the file, why the server refused an upload; the file is not sent', async () => {
      const fixture = await composing();
      await pick(fixture, file('photo.png'));
      fixture.uploads[0]!.reject({ code: 'file_too_large', message: 'too large' });
      await waitUntil(() => fixture.maybePart('attachment-draft-failed'), 'the upload failed');
      const error = fixture.part('attachment-draft-error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(textOf(error)).to.equal('photo.png is larger than 2 kB.');
      expect(fixture.part<HTMLButtonElement>('send-button').disabled).to.be.true;
    });
  });

  describe('drag and drop, paste', () => {
    const drag = (target: EventTarget, type: string, data: DataTransfer) => {
      const event = new DragEvent(type, {
        dataTransfer: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      target.dispatchEvent(event);
      return event;
    };

    it('shows where to drop while files are dragged over the panel, and takes the dropped files', async () => {
      const fixture = await composing();
      const panel = fixture.part('panel');
      const files = transfer(file('dropped.png'));
      expect(drag(panel, 'dragenter', files).defaultPrevented).to.be.true;
      // The drop zone comes with the file tray's chunk, which the drag fetches.
      await fixture.settle();
      const zone = fixture.part('drop-zone');
      expect(textOf(zone)).to.equal('Drop files to attach them');
      expect(zone.getAttribute('aria-hidden')).to.equal('true');

      drag(panel, 'dragleave', files);
      await fixture.chat.updateComplete;
      expect(fixture.maybePart('drop-zone')).to.be.null;

      drag(panel, 'dragover', files);
      const drop = drag(fixture.part('messages'), 'drop', files);
      // Prevented, or the browser would open the file in place of the page.
      expect(drop.defaultPrevented).to.be.true;
      await fixture.settle();
      expect(fixture.maybePart('drop-zone')).to.be.null;
      expect(draftNames(fixture)).to.deep.equal(['dropped.png']);
      expect(fixture.uploads).to.have.length(1);
    });

    it('leaves a drag of text alone', async () => {
      const fixture = await composing();
      const text = new DataTransfer();
      text.setData('text/plain', 'hello');
      expect(drag(fixture.part('panel'), 'dragover', text).defaultPrevented).to.be.false;
      await fixture.chat.updateComplete;
      expect(fixture.maybePart('drop-zone')).to.be.null;
    });

    it('takes files pasted into the composer, and leaves pasted text to the text field', async () => {
      const fixture = await composing();
      const input = fixture.part('composer-input');
      const paste = (data: DataTransfer) => {
        const event = new ClipboardEvent('paste', {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
          composed: true,
        });
        input.dispatchEvent(event);
        return event;
      };
      const text = new DataTransfer();
      text.setData('text/plain', 'hello');
      expect(paste(text).defaultPrevented).to.be.false;
      await fixture.settle();
      expect(fixture.maybePart('attachment-tray')).to.be.null;

      expect(paste(transfer(file('screenshot.png'))).defaultPrevented).to.be.true;
      await fixture.settle();
      expect(draftNames(fixture)).to.deep.equal(['screenshot.png']);
    });
  });

  describe('under messages', () => {
    const image = stored('cat.png', { width: 320, height: 200 });
    const pdf = stored('terms.pdf', { kind: 'file', contentType: 'application/pdf', size: 1536 });
    const audio = stored('voice.ogg', { kind: 'audio', contentType: 'audio/ogg', size: 2_500_000 });
    const video = stored('clip.mp4', { kind: 'video', contentType: 'video/mp4', width: 640, height: 360 });

    function showing(state: ChatFixtureOptions['state']) {
      return chatFixture({
        open: true,
        state: { conversation: conversation({ status: 'active' }), ...state },
      });
    }

    it('lists the files under the message in a labelled list', async () => {
      const fixture = await showing({
        messages: [
          message({ authorKind: 'agent', authorId: 'a1', text: 'Here you go', attachments: [image, pdf] }),
        ],
      });
      const list = fixture.part('attachments');
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('part')).to.equal('attachments attachments-other');
      expect(list.getAttribute('aria-label')).to.equal('Attachments');
      expect(fixture.parts('attachment')).to.have.length(2);
      expect(textOf(fixture.part('message'))).to.equal('Here you go');
    });

    it('previews an image, which opens in a new tab, named by its file name', async () => {
      const fixture = await showing({
        messages: [message({ authorKind: 'agent', authorId: 'a1', text: '', attachments: [image] })],
      });
      const link = fixture.part<HTMLAnchorElement>('attachment-image-link');
      expect(link.getAttribute('href')).to.equal(image.url);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer nofollow');
      const img = fixture.part<HTMLImageElement>('attachment-image');
      expect(img.alt).to.equal('cat.png');
      // Its box is reserved before it loads.
      expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['320', '200']);
      expect(textOf(link)).to.equal('(opens in a new tab)');
      // A message of files alone has no empty bubble.
      expect(fixture.maybePart('message')).to.be.null;
    });

    it('offers a document as a download link with its name and size', async () => {
      const fixture = await showing({
        messages: [message({ authorKind: 'agent', authorId: 'a1', attachments: [pdf] })],
      });
      const link = fixture.part<HTMLAnchorElement>('attachment-file');
      expect(link.getAttribute('href')).to.equal(pdf.url);
      expect(link.getAttribute('download')).to.equal('terms.pdf');
      expect(textOf(fixture.part('attachment-name'))).to.equal('terms.pdf');
      expect(textOf(fixture.part('attachment-size'))).to.equal('1.5 kB');
    });

    it('plays sound and video in players with controls, each with its download link', async () => {
      const fixture = await showing({
        messages: [message({ authorKind: 'agent', authorId: 'a1', attachments: [audio, video] })],
      });
      const player = fixture.part<HTMLAudioElement>('attachment-audio');
      expect(player.controls).to.be.true;
      expect(player.getAttribute('src')).to.equal(audio.url);
      expect(player.getAttribute('aria-label')).to.equal('voice.ogg');
      const screen = fixture.part<HTMLVideoElement>('attachment-video');
      expect(screen.controls).to.be.true;
      expect(screen.getAttribute('aria-label')).to.equal('clip.mp4');
      expect(fixture.parts('attachment-name').map((name) => textOf(name))).to.deep.equal([
        'voice.ogg',
        'clip.mp4',
      ]);
      expect(textOf(fixture.parts('attachment-size')[0])).to.equal('2.4 MB');
    });

    it("dims the files of a message not stored yet, and keeps a file's name as text", async () => {
      const named = stored('<img src=x onerror="window.hacked=1">.pdf', { kind: 'file' });
      const sending: PendingMessage = {
        clientMessageId: 'PENDING0000000000000000001',
        conversationId: 'c1',
        text: '',
        kind: 'text',
        attachments: [named],
        createdAt: new Date().toISOString(),
        attempts: 1,
        error: null,
      };
      const fixture = await showing({ pending: [sending] });
      expect(fixture.part('attachments').getAttribute('part')).to.equal(
        'attachments attachments-self attachments-pending',
      );
      expect(textOf(fixture.part('attachment-name'))).to.equal(named.name);
      expect(fixture.part('attachments').querySelector('img')).to.be.null;
      expect('hacked' in window).to.be.false;
    });
  });
});
