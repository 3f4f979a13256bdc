import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CDN_DIR = fileURLToPath(new URL('../../packages/widget/dist/cdn', import.meta.url));
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

export interface PageServer {
  /** `http://127.0.0.1:<port>`: another origin than the Switchboard server's `localhost`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * A customer's site: `pages` (path → HTML) and the built script-tag widget under `/widget/`, every
 * response with `headers` (a Content-Security-Policy, say). Anything else is a 404.
 */
export async function startPageServer(
  pages: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<PageServer> {
  if (!existsSync(join(CDN_DIR, 'loader.js')))
    throw new Error(`${CDN_DIR} is missing: run \`pnpm build\` before the end-to-end tests`);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const notFound = () =>
      response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    if (path === '/favicon.ico') return void response.writeHead(204, headers).end();
    const html = pages[path];
    if (html !== undefined) {
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = normalize(join(CDN_DIR, path.replace(/^\/widget\//, '')));
    if (!path.startsWith('/widget/') || !file.startsWith(CDN_DIR + sep)) return notFound();
    readFile(file).then(
      (data) =>
        response
          .writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(data),
      notFound,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A page of the site: `body` after a heading, no inline script or style of its own. */
export function sitePage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>A shop</h1>${body}</body></html>`;
}
