// A provider stand-in on 127.0.0.1 for channel tests: a real HTTP server that records every
// request (path, headers, raw bytes) and answers from the test's handler, so adapters are
// exercised over real fetch exactly as against the provider.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  method: string;
  /** Path and query, e.g. `/v19.0/123/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: unknown;
}

export type StandInHandler = (request: StandInRequest) => StandInReply | Promise<StandInReply>;

export interface StandIn {
  /** `http://127.0.0.1:<port>`, the base URL to configure the channel with. */
  url: string;
  requests: StandInRequest[];
  /** Replaces the handler (e.g. to start failing). */
  handle(handler: StandInHandler): void;
  close(): Promise<void>;
}

export async function startStandIn(handler: StandInHandler = () => ({ body: {} })): Promise<StandIn> {
  let current = handler;
  const requests: StandInRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const request: StandInRequest = {
        method: req.method ?? '',
        path: req.url ?? '/',
        headers: req.headers,
        rawBody,
        json: parseJson(rawBody),
      };
      requests.push(request);
      void Promise.resolve(current(request)).then(({ status = 200, headers = {}, body = '' }) => {
        const binary = body instanceof Uint8Array;
        const text = binary || typeof body === 'string' ? body : JSON.stringify(body);
        res
          .writeHead(status, {
            'content-type': binary
              ? 'application/octet-stream'
              : typeof body === 'string'
                ? 'text/plain'
                : 'application/json',
            ...headers,
          })
          .end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
