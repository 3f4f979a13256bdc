import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG_8x6, PREFIXES } from '../../test-support/files.js';
import { AppError } from '../app-error.js';
import { receiveUpload, UnreadBodyError, type ReceiveOptions } from './receive.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-receive-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A body that arrives in chunks, as an HTTP request's does; counts what was read of it. */
function body(...chunks: Uint8Array[]) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[pulled++];
        if (next) controller.enqueue(next);
        else controller.close();
      },
    },
    // Pulled only when read, so `pulled` counts what the receiver asked for.
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

const options = (overrides: Partial<ReceiveOptions> = {}): ReceiveOptions => ({
  path: join(dir, 'file'),
  maxBytes: 1024 * 1024,
  declaredType: undefined,
  declaredLength: undefined,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('receiveUpload', () => {
  it('writes the file, typed by its bytes, with an image size', async () => {
    const received = await receiveUpload(
      body(PNG_8x6.subarray(0, 10), PNG_8x6.subarray(10)).stream,
      options({ declaredType: 'image/png' }),
    );
    expect(received).toEqual({
      type: expect.objectContaining({ contentType: 'image/png', kind: 'image' }) as unknown,
      size: PNG_8x6.length,
      width: 8,
      height: 6,
    });
    expect(new Uint8Array(readFileSync(join(dir, 'file')))).toEqual(PNG_8x6);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('streams a file larger than the sniffing head whole', async () => {
    const chunk = new Uint8Array(48 * 1024).fill(0x61);
    const received = await receiveUpload(
      body(chunk, chunk, chunk).stream,
      options({ declaredType: 'text/plain' }),
    );
    expect(received.size).toBe(3 * chunk.length);
    expect(readFileSync(join(dir, 'file')).length).toBe(3 * chunk.length);
  });

  it('refuses a file over the limit while it streams, leaving nothing behind, and reads the rest so the answer arrives', async () => {
    const chunk = new Uint8Array(40 * 1024).fill(0x61);
    const upload = body(chunk, chunk, chunk, chunk, chunk);
    const error = await receiveUpload(upload.stream, options({ maxBytes: 100 * 1024 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).not.toBeInstanceOf(UnreadBodyError);
    expect(error).toMatchObject({
      code: 'file_too_large',
      message: 'The file is larger than the limit of 100 KB',
    });
    // All five chunks, and the end.
    expect(upload.pulled()).toBe(6);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops reading a refused upload that goes on past the drain limit, so the connection gets closed', async () => {
    const chunk = new Uint8Array(512 * 1024).fill(0x61);
    const upload = body(...Array.from({ length: 8 }, () => chunk));
    const error = await receiveUpload(upload.stream, options({ maxBytes: 1024 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadBodyError);
    expect(error).toMatchObject({ code: 'file_too_large' });
    expect(upload.pulled()).toBeLessThan(8);
  });

  it('refuses a file announced too large without storing any of it', async () => {
    const upload = body(PREFIXES.text);
    const error = await refusal(receiveUpload(upload.stream, options({ maxBytes: 10, declaredLength: 11 })));
    expect(error.code).toBe('file_too_large');
    expect(readdirSync(dir)).toEqual([]);
    const huge = body(PREFIXES.text);
    const unread = await receiveUpload(huge.stream, options({ maxBytes: 10, declaredLength: 5e9 })).catch(
      (e: unknown) => e,
    );
    expect(unread).toBeInstanceOf(UnreadBodyError);
    expect(huge.pulled()).toBe(0);
  });

  it('accepts a file of exactly the limit', async () => {
    const received = await receiveUpload(
      body(PREFIXES.text).stream,
      options({ maxBytes: PREFIXES.text.length }),
    );
    expect(received.size).toBe(PREFIXES.text.length);
  });

  it.each([
    [
      'a JPEG sent as a PNG',
      PREFIXES.jpeg,
      'image/png',
      'The file was sent as image/png but its content is image/jpeg',
    ],
    ['an SVG sent as a PNG', PREFIXES.svg, 'image/png', 'The file is not of a type that is accepted'],
    ['an SVG sent as text', PREFIXES.svg, 'text/plain', 'The file is not of a type that is accepted'],
    [
      'an SVG sent as SVG',
      PREFIXES.svg,
      'image/svg+xml',
      'image/svg+xml files are not accepted: they can carry scripts',
    ],
    [
      'HTML sent as HTML',
      PREFIXES.html,
      'text/html',
      'text/html files are not accepted: they can carry scripts',
    ],
    ['HTML sent as text', PREFIXES.htmlFragment, 'text/plain', 'The file is not of a type that is accepted'],
    ['HTML sent without a type', PREFIXES.html, undefined, 'The file is not of a type that is accepted'],
    ['an executable', PREFIXES.elf, 'application/octet-stream', 'The file is not of a type that is accepted'],
    [
      'an executable declared as such',
      PREFIXES.elf,
      'application/x-executable',
      'application/x-executable files are not accepted',
    ],
  ])('refuses %s with unsupported_file_type', async (_label, bytes, declaredType, message) => {
    expect(await refusal(receiveUpload(body(bytes).stream, options({ declaredType })))).toEqual({
      code: 'unsupported_file_type',
      message,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses text that turns binary after the sniffing head, removing the partial file', async () => {
    const text = new Uint8Array(70 * 1024).fill(0x61);
    const error = await refusal(
      receiveUpload(body(text, PREFIXES.elf).stream, options({ declaredType: 'text/plain' })),
    );
    expect(error).toEqual({ code: 'unsupported_file_type', message: 'The file is not plain UTF-8 text' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an empty file and an interrupted upload', async () => {
    expect((await refusal(receiveUpload(body().stream, options()))).message).toBe('The file is empty');
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(70 * 1024).fill(0x61));
      },
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    expect(await refusal(receiveUpload(broken, options()))).toEqual({
      code: 'invalid_payload',
      message: 'The upload was interrupted before the file was complete',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
