// A real HTTP receiver on 127.0.0.1 for the webhook tests: fetch is never mocked, so headers,
// bytes on the wire, timeouts and refused connections behave as in production.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

/** Answers the `index`-th request (0-based); leaving `response` open makes the sender time out. */
export type Respond = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startReceiver(respond: Respond): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = { method: req.method ?? '', headers: req.headers, rawBody: Buffer.concat(chunks) };
      requests.push(received);
      respond(received, res, requests.length - 1);
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/bot`,
    requests,
    close: () =>
      new Promise((resolve) => {
        // Requests left hanging on purpose would otherwise keep the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released, so connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function answer(
  response: ServerResponse,
  status: number,
  body = '',
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, headers).end(body);
}

export function header(request: ReceivedRequest, name: string): string {
  const value = request.headers[name];
  if (typeof value !== 'string') throw new Error(`missing header ${name}`);
  return value;
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
