// Streams an upload to disk, deciding its type from its first bytes and enforcing the size limit
// as the bytes arrive. The file only appears under its final path once it is complete and
// accepted; on any failure the partial file is removed.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { AppError } from '../app-error.js';
import {
  acceptedContentTypes,
  agreeOnType,
  FILE_TYPES,
  isUndeclared,
  normalizeContentType,
  REFUSED_TYPES,
  type FileType,
} from './file-types.js';
import { imageSize } from './image-size.js';
import { sniffBinary } from './sniff.js';
import { createTextCheck, looksLikeMarkup, type TextCheck } from './text-check.js';

/** Enough for every magic number, and for the frame header of almost every JPEG. */
const HEAD_BYTES = 64 * 1024;

const ACCEPTED: ReadonlySet<string> = new Set(acceptedContentTypes());

export interface ReceiveOptions {
  /** Where the finished file goes; it is written to `<path>.part` first. */
  path: string;
  maxBytes: number;
  /** The request's `Content-Type`: what the uploader says the file is. */
  declaredType: string | undefined;
  /** The request's `Content-Length`, when sent: a file announced too large is refused unread. */
  declaredLength: number | undefined;
}

export interface ReceivedFile {
  type: FileType;
  size: number;
  width?: number;
  height?: number;
}

/** `10485760` → `10 MB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

const tooLarge = (maxBytes: number) =>
  new AppError('file_too_large', `The file is larger than the limit of ${formatBytes(maxBytes)}`);

const unsupported = (message: string) => new AppError('unsupported_file_type', message);

/** Refuses a declared type before a byte is read, when no file could ever match it. */
function checkDeclaredType(declared: string): void {
  if (REFUSED_TYPES.has(declared))
    throw unsupported(`${declared} files are not accepted: they can carry scripts`);
  if (!isUndeclared(declared) && !ACCEPTED.has(declared))
    throw unsupported(`${declared} files are not accepted`);
}

/** Reads the stream, turning a dropped connection into a client error rather than a server bug. */
async function read(reader: ReadableStreamDefaultReader<Uint8Array>) {
  try {
    return await reader.read();
  } catch {
    throw new AppError('invalid_payload', 'The upload was interrupted before the file was complete');
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const head = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.length;
  }
  return head;
}

/** What the first bytes may be; text is checked as such only when no binary format matched. */
function candidatesFor(head: Uint8Array, complete: boolean, text: TextCheck): FileType[] {
  const binary = sniffBinary(head);
  if (binary.length > 0) return binary;
  const isText =
    text.push(head) &&
    (!complete || text.end()) &&
    !looksLikeMarkup(new TextDecoder().decode(head.subarray(0, 1024)));
  return isText ? [FILE_TYPES.text, FILE_TYPES.csv] : [];
}

function mismatch(declared: string, candidates: readonly FileType[]): AppError {
  if (candidates.length === 0) return unsupported('The file is not of a type that is accepted');
  return unsupported(
    `The file was sent as ${declared} but its content is ${candidates[0]?.contentType ?? 'something else'}`,
  );
}

/**
 * A refusal that left part of the body unread: the client is still sending, so the connection
 * cannot carry another request and should be closed once the answer is out.
 */
export class UnreadBodyError extends AppError {
  constructor(cause: AppError) {
    super(cause.code, cause.message, cause.issues);
  }
}

/** How long a refused upload is read on (and thrown away) so that its client sees the answer. */
const DRAIN_MS = 10_000;

/**
 * Reads and drops the rest of a refused upload, up to `limit` bytes. A browser that is still
 * sending when the answer comes often reports a network error instead of the answer, so a
 * reasonable excess is read to its end first; beyond that the connection is closed.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DRAIN_MS)));
  const read = async (): Promise<boolean> => {
    for (let left = limit; ;) {
      const next = await reader.read();
      if (next.done) return true;
      left -= next.value.length;
      if (left < 0) return false;
    }
  };
  try {
    return await Promise.race([read().catch(() => false), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads and drops a request body nobody will use (an upload refused before it was looked at):
 * resolves false when it was too long to read to its end, and the connection should close.
 */
export async function discardBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<boolean> {
  if (!body || body.locked) return true;
  const reader = body.getReader();
  if (await drain(reader, limit)) return true;
  await reader.cancel().catch(() => undefined);
  return false;
}

/** Streams `body` to `options.path`; throws an `AppError` (and leaves no file) when refused. */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  options: ReceiveOptions,
): Promise<ReceivedFile> {
  const { maxBytes } = options;
  const declared = normalizeContentType(options.declaredType);
  if (!body) throw new AppError('invalid_payload', "The request has no body: send the file's bytes");
  const reader = body.getReader();
  // As much again as the limit (at least 1 MiB) is read past a refusal; more closes the connection.
  const drainLimit = Math.max(maxBytes, 1024 * 1024);
  const refuse = async (error: AppError): Promise<never> => {
    if (await drain(reader, drainLimit)) throw error;
    await reader.cancel().catch(() => undefined);
    throw new UnreadBodyError(error);
  };
  try {
    checkDeclaredType(declared);
    if (options.declaredLength !== undefined && options.declaredLength > maxBytes) throw tooLarge(maxBytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Announced far beyond what would be read anyway: answer without waiting for it.
    if ((options.declaredLength ?? 0) > drainLimit) {
      await reader.cancel().catch(() => undefined);
      throw new UnreadBodyError(error);
    }
    return refuse(error);
  }

  const part = `${options.path}.part`;
  let file: FileHandle | undefined;
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let complete = false;
    while (size < HEAD_BYTES) {
      const next = await read(reader);
      if (next.done) {
        complete = true;
        break;
      }
      chunks.push(next.value);
      size += next.value.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
    }
    if (size === 0) throw new AppError('invalid_payload', 'The file is empty');
    const head = concat(chunks, size);

    const text = createTextCheck();
    const candidates = candidatesFor(head, complete, text);
    const type = agreeOnType(declared, candidates);
    if (!type) throw mismatch(declared, candidates);
    const isText = type === FILE_TYPES.text || type === FILE_TYPES.csv;

    file = await open(part, 'wx', 0o600);
    await file.write(head);
    while (!complete) {
      const next = await read(reader);
      if (next.done) break;
      size += next.value.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (isText && !text.push(next.value)) throw unsupported('The file is not plain UTF-8 text');
      await file.write(next.value);
    }
    if (isText && !text.end()) throw unsupported('The file is not plain UTF-8 text');
    await file.close();
    file = undefined;
    await rename(part, options.path);
    const dimensions = type.kind === 'image' ? imageSize(type, head) : null;
    return { type, size, ...dimensions };
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(part, { force: true });
    // An interrupted upload has nothing left to read; any other refusal may.
    if (error instanceof AppError && error.code !== 'invalid_payload') return refuse(error);
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}
