import type { Attachment } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { attachmentLinks } from './attachment-url.js';

const attachment: Attachment = {
  id: 'f1',
  name: 'receipt.pdf',
  contentType: 'application/pdf',
  size: 5,
  kind: 'file',
  url: '/v1/files/f1/secret',
};

describe('download', () => {
  it('fetches the attachment from its URL, under the server URL, without a token', async () => {
    const calls: unknown[][] = [];
    const fetch = (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve(new Response('bytes'));
    };
    const { download } = attachmentLinks({ serverUrl: 'https://chat.example.com/', fetch });
    const blob = await download(attachment);
    expect(await blob.text()).toBe('bytes');
    expect(calls).toEqual([['https://chat.example.com/v1/files/f1/secret']]);
  });

  it('fails with the error the server describes, or with network when the fetch throws', async () => {
    const notFound = attachmentLinks({
      serverUrl: 'https://chat.example.com',
      fetch: () => Promise.resolve(new Response('gone', { status: 404 })),
    });
    await expect(notFound.download(attachment)).rejects.toMatchObject({ code: 'not_found' });
    const offline = attachmentLinks({
      serverUrl: 'https://chat.example.com',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error: unknown = await offline.download(attachment).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({ code: 'network', message: 'Failed to fetch' });
  });
});
