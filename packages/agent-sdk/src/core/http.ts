import type { ErrorCode } from '@switchboard/protocol';
import { errorFromPayload, SwitchboardError } from '../errors.js';

export type QueryValue = string | number | boolean | null | undefined;

/** How long an HTTP request may take before it fails with `timeout`. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the server URL, e.g. `/v1/conversations`. */
  path: string;
  /** Serialised into the query string; `undefined` and `null` values are left out. */
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send the bearer token. @default true */
  authenticated?: boolean;
}

export interface HttpClientOptions {
  serverUrl: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Abort a request that has not answered by then. @default DEFAULT_REQUEST_TIMEOUT_MS */
  requestTimeoutMs?: number | undefined;
  /** The current bearer token; `null` while there is none. */
  getToken?: () => string | null;
  /**
   * Called when an authenticated request is answered with 401. Resolve `true` once a fresh token
   * is in place and the request is retried once; resolve `false` to give the 401 to the caller.
   */
  refreshAuth?: () => Promise<boolean>;
}

export interface HttpClient {
  request<T>(request: HttpRequest): Promise<T>;
}

/** Removes trailing slashes so `${base}/v1/...` never doubles up. */
export function normalizeServerUrl(serverUrl: string): string {
  return serverUrl.replace(/\/+$/, '');
}

export function buildUrl(serverUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${normalizeServerUrl(serverUrl)}${path}${qs ? `?${qs}` : ''}`;
}

/** The code for a failed response whose body is not our error envelope (a proxy's 502 page, say). */
const CODE_FOR_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_payload',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_file_type',
  429: 'rate_limited',
};

/** The error a failed response's status and (parsed JSON, or null) body describe. */
export function errorFromBody(status: number, statusText: string, body: unknown): SwitchboardError {
  const statusLine = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const envelope =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return (
    errorFromPayload(envelope, statusLine) ??
    new SwitchboardError(CODE_FOR_STATUS[status] ?? 'internal', statusLine)
  );
}

/** The error a failed response describes, from its status and its body (JSON or not). */
export async function errorFromResponse(response: Response): Promise<SwitchboardError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: fall through to a status-derived code.
  }
  return errorFromBody(response.status, response.statusText, body);
}

/** JSON over fetch with the server's error envelope turned into `SwitchboardError`s. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  // Resolve fetch per call and never call it as a method: browsers throw "Illegal invocation"
  // when `window.fetch` is invoked with another `this`.
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  const send = async <T>(request: HttpRequest): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.authenticated !== false) {
      const token = options.getToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    try {
      let response: Response;
      try {
        response = await doFetch(buildUrl(options.serverUrl, request.path, request.query), {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut) {
          throw new SwitchboardError(
            'timeout',
            `${request.method} ${request.path} timed out after ${timeoutMs} ms`,
          );
        }
        throw new SwitchboardError(
          'network',
          error instanceof Error ? error.message : 'Network request failed',
        );
      }
      if (!response.ok) throw await errorFromResponse(response);
      if (response.status === 204) return undefined as T;
      try {
        return (await response.json()) as T;
      } catch {
        throw new SwitchboardError(
          'internal',
          `${request.method} ${request.path} returned a body that is not JSON`,
        );
      }
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async request<T>(request: HttpRequest): Promise<T> {
      const { refreshAuth } = options;
      try {
        return await send<T>(request);
      } catch (error) {
        const expired =
          error instanceof SwitchboardError &&
          error.code === 'unauthorized' &&
          request.authenticated !== false;
        // One refresh and one retry: a second 401 is a real refusal, not an expired token.
        if (!expired || !refreshAuth || !(await refreshAuth())) throw error;
        return send<T>(request);
      }
    },
  };
}
