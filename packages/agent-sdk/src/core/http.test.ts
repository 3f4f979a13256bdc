import { describe, expect, it, vi } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { buildUrl, createHttpClient } from './http.js';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('buildUrl', () => {
  it('joins without double slashes and skips absent query values', () => {
    expect(
      buildUrl('https://chat.example.com/', '/v1/conversations', {
        limit: 10,
        cursor: undefined,
        status: null,
      }),
    ).toBe('https://chat.example.com/v1/conversations?limit=10');
  });
});

describe('createHttpClient', () => {
  it('sends JSON with the bearer token and parses the answer', async () => {
    const fetch = vi.fn(() => Promise.resolve(json(200, { items: [] })));
    const http = createHttpClient({
      serverUrl: 'http://x',
      fetch,
      requestTimeoutMs: 1000,
      getToken: () => 'tok',
    });
    await expect(http.request({ method: 'POST', path: '/v1/a', body: { a: 1 } })).resolves.toEqual({
      items: [],
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://x/v1/a');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json' });
  });

  it('turns the error envelope into a SwitchboardError', async () => {
    const fetch = (): Promise<Response> =>
      Promise.resolve(
        json(400, {
          error: { code: 'invalid_payload', message: 'bad', issues: [{ path: 'text', message: 'blank' }] },
        }),
      );
    const http = createHttpClient({ serverUrl: 'http://x', fetch, requestTimeoutMs: 1000 });
    const error = await http.request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({
      code: 'invalid_payload',
      message: 'bad',
      issues: [{ path: 'text', message: 'blank' }],
    });
  });

  it('derives a code from the status when the body is not the envelope', async () => {
    const fetch = (): Promise<Response> =>
      Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 }));
    const http = createHttpClient({ serverUrl: 'http://x', fetch, requestTimeoutMs: 1000 });
    await expect(http.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'internal',
      retryable: true,
    });
    const limited = createHttpClient({
      serverUrl: 'http://x',
      fetch: () => Promise.resolve(new Response('', { status: 429 })),
      requestTimeoutMs: 1000,
    });
    await expect(limited.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'rate_limited',
    });
  });

  it('reports a failed fetch as network and a slow one as timeout', async () => {
    const down = createHttpClient({
      serverUrl: 'http://x',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      requestTimeoutMs: 1000,
    });
    await expect(down.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'network',
      retryable: true,
    });

    const slow = createHttpClient({
      serverUrl: 'http://x',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      requestTimeoutMs: 20,
    });
    await expect(slow.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refreshes the token once on a 401 and retries with the new one', async () => {
    let token = 'old';
    const fetch = vi.fn((_input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(
        (init?.headers as Record<string, string>).authorization === 'Bearer new'
          ? json(200, { ok: true })
          : json(401, { error: { code: 'unauthorized', message: 'expired' } }),
      ),
    );
    const refreshAuth = vi.fn(() => {
      token = 'new';
      return Promise.resolve(true);
    });
    const http = createHttpClient({
      serverUrl: 'http://x',
      fetch,
      requestTimeoutMs: 1000,
      getToken: () => token,
      refreshAuth,
    });
    await expect(http.request({ method: 'GET', path: '/' })).resolves.toEqual({ ok: true });
    expect(refreshAuth).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);

    // Unauthenticated calls (logins) never trigger a refresh.
    const login = createHttpClient({
      serverUrl: 'http://x',
      fetch: () => Promise.resolve(json(401, { error: { code: 'unauthorized', message: 'no' } })),
      requestTimeoutMs: 1000,
      refreshAuth,
    });
    await expect(
      login.request({ method: 'POST', path: '/login', authenticated: false }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    expect(refreshAuth).toHaveBeenCalledTimes(1);
  });
});
