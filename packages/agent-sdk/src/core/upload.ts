// Uploads a file (`POST /v1/uploads`, the raw bytes as the body). In a browser it goes through
// XMLHttpRequest, the one API that reports upload progress; elsewhere (Node) through fetch. Loaded
// with a client's first upload (see attachments.ts), with the record of what it uploaded.
import { MAX_ATTACHMENTS, shortenFileName, type Attachment, type UploadLimits } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { UploadOptions } from '../types.js';
import type { Attachments, AttachmentsOptions } from './attachments.js';
import { buildUrl, errorFromBody } from './http.js';
import { parseJson } from './parse-json.js';

export interface UploaderOptions {
  serverUrl: string;
  fetch?: typeof fetch | undefined;
  getToken: () => string | null;
  /** As for the HTTP client: after a 401, resolve true once a fresh token is in place. */
  refreshAuth: () => Promise<boolean>;
}

/** A file as the SDK takes it: a `Blob` (a `File` from an input, a drop or a paste) or raw bytes. */
export type UploadSource = Blob | Uint8Array;

interface Prepared {
  body: Blob;
  name: string;
  contentType: string;
}

const UNDECLARED = 'application/octet-stream';

function prepare(file: UploadSource, options: UploadOptions): Prepared {
  const fileName = typeof File !== 'undefined' && file instanceof File ? file.name : '';
  const name = options.name ?? fileName;
  if (!name.trim())
    throw new SwitchboardError('invalid_payload', 'A file needs a name', [
      { path: 'name', message: 'required' },
    ]);
  const blobType = file instanceof Blob ? file.type : '';
  const contentType = (options.contentType ?? blobType) || UNDECLARED;
  // A copy of the bytes: a Uint8Array may be a view on a larger (or shared) buffer.
  const body = file instanceof Blob ? file : new Blob([new Uint8Array(file)], { type: contentType });
  // The server keeps no longer a name; shortened here, it always fits in the upload's URL.
  return { body, name: shortenFileName(name), contentType };
}

/** `10485760` → `10 MB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Refuses, before a byte is sent, a file the server announced it would refuse. The server checks
 * again (and the bytes themselves), so this only saves the visitor a wasted upload.
 */
export function checkUpload(
  file: { size: number; contentType: string },
  limits: UploadLimits | null,
): SwitchboardError | null {
  if (!limits) return null;
  if (file.size > limits.maxBytes)
    return new SwitchboardError(
      'file_too_large',
      `The file is larger than the limit of ${formatBytes(limits.maxBytes)}`,
    );
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== UNDECLARED && !limits.contentTypes.includes(type))
    return new SwitchboardError('unsupported_file_type', `${type} files are not accepted`);
  return null;
}

const aborted = () => new SwitchboardError('network', 'The upload was cancelled');

/** The slice of XMLHttpRequest used here: the SDK also builds without the DOM's types (Node bots). */
interface Xhr {
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  readonly upload: {
    addEventListener(
      type: 'progress',
      listener: (event: { loaded: number; total: number; lengthComputable: boolean }) => void,
    ): void;
  };
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  addEventListener(type: 'load' | 'error' | 'abort', listener: () => void): void;
  abort(): void;
  send(body: Blob): void;
}

/** The browser globals the uploader reads, absent in Node. */
const page = globalThis as unknown as { XMLHttpRequest?: new () => Xhr };

function sendWithXhr(url: string, token: string | null, file: Prepared, options: UploadOptions) {
  return new Promise<Attachment>((resolve, reject) => {
    const XhrClass = page.XMLHttpRequest;
    if (!XhrClass) throw new SwitchboardError('network', 'XMLHttpRequest is not available');
    const xhr = new XhrClass();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', file.contentType);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    const { onProgress, signal } = options;
    if (onProgress)
      xhr.upload.addEventListener('progress', (event) => {
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.body.size });
      });
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.addEventListener('load', () => {
      done();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as Attachment);
      else reject(errorFromBody(xhr.status, xhr.statusText, body));
    });
    xhr.addEventListener('error', () => {
      done();
      reject(new SwitchboardError('network', 'The upload failed: the server could not be reached'));
    });
    xhr.addEventListener('abort', () => {
      done();
      reject(aborted());
    });
    xhr.send(file.body);
  });
}

async function sendWithFetch(
  doFetch: typeof fetch,
  url: string,
  token: string | null,
  file: Prepared,
  options: UploadOptions,
): Promise<Attachment> {
  const headers: Record<string, string> = { 'content-type': file.contentType, accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await doFetch(url, { method: 'POST', headers, body: file.body, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw aborted();
    throw new SwitchboardError('network', error instanceof Error ? error.message : 'The upload failed');
  }
  const body = parseJson(await response.text());
  if (!response.ok || !body) throw errorFromBody(response.status, response.statusText, body);
  // Without upload events, progress is all or nothing.
  options.onProgress?.({ loaded: file.body.size, total: file.body.size });
  return body as Attachment;
}

export interface Uploader {
  upload(file: UploadSource, options: UploadOptions, limits: UploadLimits | null): Promise<Attachment>;
}

export function createUploader(options: UploaderOptions): Uploader {
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  // A custom fetch (tests, proxies) is the app's choice; otherwise browsers get progress events.
  const useXhr = () => options.fetch === undefined && typeof page.XMLHttpRequest === 'function';

  const send = (file: Prepared, uploadOptions: UploadOptions) => {
    const url = buildUrl(options.serverUrl, '/v1/uploads', { name: file.name });
    const token = options.getToken();
    return useXhr()
      ? sendWithXhr(url, token, file, uploadOptions)
      : sendWithFetch(doFetch, url, token, file, uploadOptions);
  };

  return {
    async upload(source, uploadOptions, limits) {
      if (uploadOptions.signal?.aborted) throw aborted();
      const file = prepare(source, uploadOptions);
      const refused = checkUpload({ size: file.body.size, contentType: file.contentType }, limits);
      if (refused) throw refused;
      try {
        return await send(file, uploadOptions);
      } catch (error) {
        // An expired token: one refresh and one retry, as for every other request.
        const expired = error instanceof SwitchboardError && error.code === 'unauthorized';
        if (!expired || !(await options.refreshAuth())) throw error;
        return send(file, uploadOptions);
      }
    },
  };
}

/**
 * The files a client uploaded, remembered so that a send by id can show them while it is
 * pending, and the uploader that sends them.
 */
export interface UploadedFiles extends Pick<Attachments, 'withFiles'> {
  upload: Uploader['upload'];
}

export function createUploadedFiles({ client, getToken, refreshAuth }: AttachmentsOptions): UploadedFiles {
  const uploader = createUploader({
    serverUrl: client.serverUrl,
    fetch: client.fetch,
    getToken,
    refreshAuth,
  });
  const uploaded = new Map<string, Attachment>();

  /** Why `ids` cannot be sent, or null: too many, one twice, or one this client did not upload. */
  const refusal = (ids: readonly string[]): SwitchboardError | null => {
    const refuse = (message: string, issue: string) =>
      new SwitchboardError('invalid_payload', message, [{ path: 'attachmentIds', message: issue }]);
    if (ids.length > MAX_ATTACHMENTS)
      return refuse(
        `A message carries at most ${MAX_ATTACHMENTS} files`,
        `must have at most ${MAX_ATTACHMENTS} items`,
      );
    if (new Set(ids).size !== ids.length)
      return refuse('An attachment is listed twice', 'must not repeat an attachment');
    const unknown = ids.find((id) => !uploaded.has(id));
    if (unknown === undefined) return null;
    return refuse(
      `Attachment ${unknown} was not uploaded with this client`,
      'must be uploaded with upload() first',
    );
  };

  return {
    async upload(file, uploadOptions, limits) {
      const attachment = await uploader.upload(file, uploadOptions, limits);
      uploaded.set(attachment.id, attachment);
      return attachment;
    },

    withFiles(ids, send) {
      const refused = refusal(ids);
      // Without a refusal, every id names an uploaded file.
      return refused ? Promise.reject(refused) : send(ids.map((id) => uploaded.get(id)!));
    },
  };
}
