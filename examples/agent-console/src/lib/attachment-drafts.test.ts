import type { UploadOptions } from '@switchboard/agent-sdk';
import type { Attachment, UploadLimits } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { attachment } from '../testing/factories.js';
import { AttachmentDrafts } from './attachment-drafts.js';

const limits: UploadLimits = {
  maxBytes: 1024,
  maxAttachments: 10,
  contentTypes: ['image/png', 'application/pdf'],
};

class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Call {
  file: File;
  options: UploadOptions;
  resolve(value: Attachment): void;
  reject(reason: unknown): void;
}

/** Drafts over an upload the test finishes by hand. */
function setup(uploadLimits: () => Promise<UploadLimits> = () => Promise.resolve(limits)) {
  const calls: Call[] = [];
  const upload = vi.fn(
    (file: File, options: UploadOptions) =>
      new Promise<Attachment>((resolve, reject) => calls.push({ file, options, resolve, reject })),
  );
  const drafts = new AttachmentDrafts({ upload, uploadLimits });
  const changes = vi.fn();
  drafts.subscribe(changes);
  return { drafts, calls, upload, changes };
}

const pdf = (name = 'receipt.pdf', size = 100) =>
  new File([new Uint8Array(size)], name, { type: 'application/pdf' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AttachmentDrafts', () => {
  it('uploads at once, reports progress, and is ready with the server’s record', async () => {
    const { drafts, calls, changes } = setup();
    await drafts.add('c1', [pdf()]);
    expect(drafts.list('c1')).toMatchObject([
      { name: 'receipt.pdf', size: 100, status: 'uploading', progress: 0 },
    ]);
    expect(drafts.uploading('c1')).toBe(true);

    calls[0]?.options.onProgress?.({ loaded: 50, total: 100 });
    expect(drafts.list('c1')[0]?.progress).toBe(0.5);
    const stored = attachment('a1');
    calls[0]?.resolve(stored);
    await settle();
    expect(drafts.list('c1')).toMatchObject([{ status: 'ready', progress: 1, attachment: stored }]);
    expect(drafts.ready('c1').map((draft) => draft.attachment)).toEqual([stored]);
    expect(drafts.uploading('c1')).toBe(false);
    expect(changes).toHaveBeenCalledTimes(3);
  });

  it('keeps each conversation’s files apart, an upload finishing after a switch included', async () => {
    const { drafts, calls } = setup();
    await drafts.add('c1', [pdf('one.pdf')]);
    await drafts.add('c2', [pdf('two.pdf')]);
    calls[0]?.resolve(attachment('a1'));
    await settle();
    expect(drafts.list('c1').map((draft) => [draft.name, draft.status])).toEqual([['one.pdf', 'ready']]);
    expect(drafts.list('c2').map((draft) => [draft.name, draft.status])).toEqual([['two.pdf', 'uploading']]);
    expect(drafts.list('c3')).toEqual([]);

    // Sending c2 never takes c1's file.
    calls[1]?.resolve(attachment('a2'));
    await settle();
    expect(drafts.take('c2').map((draft) => draft.attachment.id)).toEqual(['a2']);
    expect(drafts.list('c1')).toHaveLength(1);
    expect(drafts.list('c2')).toEqual([]);
  });

  it('refuses what the server’s limits refuse, without uploading it', async () => {
    const { drafts, upload } = setup();
    await drafts.add('c1', [pdf('big.pdf', 2048), new File(['x'], 'page.html', { type: 'text/html' })]);
    expect(upload).not.toHaveBeenCalled();
    expect(drafts.list('c1')).toEqual([]);
    expect(drafts.notices('c1')).toEqual([
      'big.pdf is larger than 1 KB, the largest file the server accepts.',
      'page.html is a kind of file the server does not accept.',
    ]);
    expect(drafts.notices('c2')).toEqual([]);
  });

  it('asks for the limits once and uploads anyway when they cannot be had', async () => {
    const uploadLimits = vi.fn(() => Promise.reject(new CodedError('network', 'offline')));
    const { drafts, upload } = setup(uploadLimits);
    await drafts.add('c1', [pdf('big.pdf', 2048)]);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(drafts.limits).toBeNull();

    const fetchLimits = vi.fn(() => Promise.resolve(limits));
    const known = setup(fetchLimits);
    await known.drafts.add('c1', [pdf()]);
    await known.drafts.add('c1', [pdf()]);
    expect(known.drafts.limits).toEqual(limits);
    expect(fetchLimits).toHaveBeenCalledTimes(1);
  });

  it('says why the server refused a file, by its name', async () => {
    const { drafts, calls } = setup();
    await drafts.add('c1', [pdf('fake.pdf'), pdf('later.pdf')]);
    calls[0]?.reject(new CodedError('unsupported_file_type', 'The bytes are not a PDF'));
    calls[1]?.reject(new CodedError('rate_limited', 'Too many uploads'));
    await settle();
    expect(drafts.list('c1').map((draft) => [draft.status, draft.error])).toEqual([
      ['failed', 'fake.pdf is a kind of file the server does not accept.'],
      ['failed', 'later.pdf could not be uploaded. Too many attempts. Wait a moment and try again.'],
    ]);
    // Failed files do not count against the message's limit, and are not sent.
    expect(drafts.ready('c1')).toEqual([]);
    expect(drafts.take('c1')).toEqual([]);
  });

  it('removing a file cancels its upload, and a cancelled upload leaves nothing behind', async () => {
    const { drafts, calls } = setup();
    await drafts.add('c1', [pdf('a.pdf'), pdf('b.pdf')]);
    const key = drafts.list('c1')[0]?.key ?? '';
    drafts.remove('c1', key);
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    calls[0]?.reject(new CodedError('network', 'The upload was cancelled'));
    await settle();
    expect(drafts.list('c1').map((draft) => draft.name)).toEqual(['b.pdf']);
    expect(calls[1]?.options.signal?.aborted).toBe(false);
  });

  it('gives files back after a send that never left, ahead of any added since', async () => {
    const { drafts, calls } = setup();
    await drafts.add('c1', [pdf('first.pdf')]);
    calls[0]?.resolve(attachment('a1'));
    await settle();
    const taken = drafts.take('c1');
    await drafts.add('c1', [pdf('second.pdf')]);
    drafts.restore('c1', taken);
    expect(drafts.list('c1').map((draft) => draft.name)).toEqual(['first.pdf', 'second.pdf']);
  });

  it('cancels every upload when disposed', async () => {
    const { drafts, calls } = setup();
    await drafts.add('c1', [pdf()]);
    await drafts.add('c2', [pdf()]);
    drafts.dispose();
    expect(calls.map((call) => call.options.signal?.aborted)).toEqual([true, true]);
    expect(drafts.list('c1')).toEqual([]);
  });
});
