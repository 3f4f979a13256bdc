import type { UploadOptions } from '@switchboard/agent-sdk';
import type { Attachment, UploadLimits } from '@switchboard/protocol';
import type { ReactiveController } from 'lit';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { AttachmentsController } from './attachments-controller.js';
import { noteText } from './file-note.js';

const limits: UploadLimits = {
  maxBytes: 1024 * 1024,
  maxAttachments: 10,
  contentTypes: ['image/png', 'text/plain'],
};

interface Upload {
  file: File;
  options: UploadOptions;
  resolve: (attachment: Attachment) => void;
  reject: (error: unknown) => void;
}

/** A host, and a visitor whose uploads the test settles by hand. */
function setUp(uploadLimits: UploadLimits | null = limits) {
  let updates = 0;
  const host = {
    addController: (_controller: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  const uploads: Upload[] = [];
  const client = {
    upload: (file: File, options: UploadOptions) =>
      new Promise<Attachment>((resolve, reject) => uploads.push({ file, options, resolve, reject })),
  };
  const visitor = {
    client,
    state: { site: uploadLimits && { uploads: uploadLimits } },
    requireClient: () => client,
  } as unknown as VisitorController;
  const controller = new AttachmentsController(host, visitor, () => ({ strings: en, lang: 'en' }));
  return { controller, uploads, updates: () => updates };
}

const png = (name = 'photo.png', size = 100) => new File([new Uint8Array(size)], name, { type: 'image/png' });
const stored = (file: File): Attachment => ({
  id: `id-${file.name}`,
  name: file.name,
  contentType: file.type,
  size: file.size,
  kind: 'image',
  url: `/v1/attachments/id/${file.name}?key=k`,
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AttachmentsController', () => {
  it('uploads each file at once, follows its progress, and holds it ready to send', async () => {
    const { controller, uploads } = setUp();
    controller.add([png('a.png'), png('b.png')]);
    expect(controller.drafts.map((d) => [d.name, d.status])).toEqual([
      ['a.png', 'uploading'],
      ['b.png', 'uploading'],
    ]);
    expect(controller.uploading).toBe(true);

    uploads[0]?.options.onProgress?.({ loaded: 25, total: 100 });
    expect(controller.drafts[0]?.progress).toBe(0.25);
    for (const upload of uploads) upload.resolve(stored(upload.file));
    await settle();
    expect(controller.uploading).toBe(false);
    expect(controller.ready.map((a) => a.name)).toEqual(['a.png', 'b.png']);
    controller.clear();
    expect(controller.drafts).toEqual([]);
  });

  it('cancels the upload of a file taken out', async () => {
    const { controller, uploads } = setUp();
    controller.add([png()]);
    const key = controller.drafts[0]?.key ?? '';
    controller.remove(key);
    expect(uploads[0]?.options.signal?.aborted).toBe(true);
    uploads[0]?.reject(new Error('cancelled'));
    await settle();
    expect(controller.drafts).toEqual([]);
  });

  it('says why the server refused an upload, on its file', async () => {
    const { controller, uploads } = setUp();
    controller.add([png('fake.png')]);
    uploads[0]?.reject({ code: 'unsupported_file_type', message: 'no' });
    await settle();
    expect(controller.drafts[0]?.status).toBe('failed');
    expect(noteText(controller.drafts[0]!.error!)).toBe('fake.png is a kind of file that cannot be sent.');
    expect(controller.ready).toEqual([]);
  });

  it('refuses, without uploading, files over the announced limits, once per reason', () => {
    const { controller, uploads } = setUp({ ...limits, maxBytes: 50, maxAttachments: 2 });
    controller.add([png('big.png', 51), png('a.png', 1), png('b.png', 1), png('c.png', 1), png('d.png', 1)]);
    expect(uploads.map((u) => u.file.name)).toEqual(['a.png', 'b.png']);
    expect(controller.notices.map(noteText)).toEqual([
      'big.png is larger than 50 bytes.',
      'You can send up to 2 files at once.',
    ]);
  });
});
