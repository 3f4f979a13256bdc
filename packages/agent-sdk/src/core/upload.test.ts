import { describe, expect, it } from 'vitest';
import type { Attachment } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import { UPLOADS } from '../testing/factories.js';
import { attachmentUrl } from './attachment-url.js';
import { checkUpload, createUploader, formatBytes } from './upload.js';

const ATTACHMENT: Attachment = {
  id: '01JATTACHMENT0000000000000',
  name: 'photo.png',
  contentType: 'image/png',
  size: 4,
  kind: 'image',
  url: '/v1/attachments/01JATTACHMENT0000000000000/photo.png?key=k',
};

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A server stand-in answering each upload with the next of `answers`, recording what it got. */
function server(...answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body =
      init?.body instanceof Blob ? new Uint8Array(await init.body.arrayBuffer()) : new Uint8Array();
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    sent.push({ url, headers: init?.headers as Record<string, string>, body });
    const answer = answers.shift();
    if (!answer) throw new TypeError('fetch failed');
    return answer;
  };
  return { fetch, sent };
}

const created = () => new Response(JSON.stringify(ATTACHMENT), { status: 201 });
const refused = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), { status });

describe('checkUpload', () => {
  it('refuses what the announced limits refuse, before anything is sent', () => {
    expect(checkUpload({ size: UPLOADS.maxBytes + 1, contentType: 'image/png' }, UPLOADS)).toMatchObject({
      code: 'file_too_large',
      message: 'The file is larger than the limit of 1 MB',
    });
    expect(checkUpload({ size: 10, contentType: 'image/svg+xml' }, UPLOADS)).toMatchObject({
      code: 'unsupported_file_type',
      message: 'image/svg+xml files are not accepted',
    });
  });

  it('leaves an undeclared type, and everything when no limits are known, to the server', () => {
    expect(checkUpload({ size: 10, contentType: 'application/octet-stream' }, UPLOADS)).toBeNull();
    expect(checkUpload({ size: 10, contentType: 'IMAGE/PNG; x=y' }, UPLOADS)).toBeNull();
    expect(checkUpload({ size: 1e12, contentType: 'image/svg+xml' }, null)).toBeNull();
  });
});

describe('createUploader (without XMLHttpRequest)', () => {
  const bytes = Uint8Array.of(1, 2, 3, 4);

  it('sends the raw bytes with their type, the name in the query and the bearer token', async () => {
    const stub = server(created());
    const uploader = createUploader({
      serverUrl: 'http://chat.test/',
      fetch: stub.fetch,
      getToken: () => 'tok',
      refreshAuth: () => Promise.resolve(false),
    });
    const progress: number[] = [];
    const attachment = await uploader.upload(
      bytes,
      { name: 'Grüße.png', contentType: 'image/png', onProgress: ({ loaded }) => progress.push(loaded) },
      UPLOADS,
    );
    expect(attachment).toEqual(ATTACHMENT);
    expect(stub.sent).toEqual([
      {
        url: 'http://chat.test/v1/uploads?name=Gr%C3%BC%C3%9Fe.png',
        headers: { 'content-type': 'image/png', accept: 'application/json', authorization: 'Bearer tok' },
        body: bytes,
      },
    ]);
    expect(progress).toEqual([4]);
  });

  it('refreshes an expired token once and sends again', async () => {
    const stub = server(refused(401, 'unauthorized', 'expired'), created());
    let token = 'old';
    const uploader = createUploader({
      serverUrl: 'http://chat.test',
      fetch: stub.fetch,
      getToken: () => token,
      refreshAuth: () => {
        token = 'new';
        return Promise.resolve(true);
      },
    });
    await expect(uploader.upload(new Blob([bytes]), { name: 'a.bin' }, UPLOADS)).resolves.toEqual(ATTACHMENT);
    expect(stub.sent.map((request) => request.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(stub.sent[1]?.headers['content-type']).toBe('application/octet-stream');
  });

  it('turns the server’s refusal into a SwitchboardError with its code', async () => {
    const stub = server(
      refused(415, 'unsupported_file_type', 'The file was sent as image/png but its content is image/jpeg'),
    );
    const uploader = createUploader({
      serverUrl: 'http://chat.test',
      fetch: stub.fetch,
      getToken: () => 'tok',
      refreshAuth: () => Promise.resolve(false),
    });
    const error = await uploader
      .upload(bytes, { name: 'a.png', contentType: 'image/png' }, UPLOADS)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({ code: 'unsupported_file_type', retryable: false });
  });

  it('sends nothing for a file the limits refuse, a nameless one, or a cancelled one', async () => {
    const stub = server(created());
    const uploader = createUploader({
      serverUrl: 'http://chat.test',
      fetch: stub.fetch,
      getToken: () => 'tok',
      refreshAuth: () => Promise.resolve(false),
    });
    await expect(
      uploader.upload(
        new Uint8Array(UPLOADS.maxBytes + 1),
        { name: 'big.png', contentType: 'image/png' },
        UPLOADS,
      ),
    ).rejects.toMatchObject({ code: 'file_too_large' });
    await expect(uploader.upload(bytes, {}, UPLOADS)).rejects.toMatchObject({ code: 'invalid_payload' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      uploader.upload(bytes, { name: 'a.png', signal: controller.signal }, UPLOADS),
    ).rejects.toMatchObject({
      code: 'network',
    });
    expect(stub.sent).toEqual([]);
  });

  it('reports an unreachable server as a retryable network error', async () => {
    const uploader = createUploader({
      serverUrl: 'http://chat.test',
      fetch: server().fetch,
      getToken: () => 'tok',
      refreshAuth: () => Promise.resolve(false),
    });
    await expect(uploader.upload(bytes, { name: 'a.png' }, UPLOADS)).rejects.toMatchObject({
      code: 'network',
      retryable: true,
    });
  });
});

describe('attachmentUrl', () => {
  it('joins the attachment’s path to the server URL like any API path', () => {
    expect(attachmentUrl('https://chat.example.com/', ATTACHMENT)).toBe(
      'https://chat.example.com/v1/attachments/01JATTACHMENT0000000000000/photo.png?key=k',
    );
    expect(attachmentUrl('https://example.com/chat', ATTACHMENT)).toBe(
      'https://example.com/chat/v1/attachments/01JATTACHMENT0000000000000/photo.png?key=k',
    );
    const absolute = { url: 'https://files.example.com/a.png' };
    expect(attachmentUrl('https://chat.example.com', absolute)).toBe(absolute.url);
  });
});

describe('formatBytes', () => {
  it('says sizes the way people read them', () => {
    expect([900, 2048, 10 * 1024 * 1024, 1.25 * 1024 * 1024].map(formatBytes)).toEqual([
      '900 bytes',
      '2 KB',
      '10 MB',
      '1.3 MB',
    ]);
  });
});
