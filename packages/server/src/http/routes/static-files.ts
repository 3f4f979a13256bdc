import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import type { HttpEnv } from '../context.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
};

/** Directories the demo serves; absent ones (an npm install without examples) are skipped. */
export interface StaticRoots {
  website: string;
  console: string;
  /** examples/tiny-console: the console of docs/guides/agent-console-in-100-lines.md. */
  tinyConsole: string;
  widget: string;
}

/** The path of a file below `root`, refusing anything that escapes it. Null when there is none. */
async function fileBelow(root: string, relative: string): Promise<string | null> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Whether the request's Accept-Encoding takes gzip (`gzip`, or `*`, without `q=0`). Only files
 * with a precompressed `.gz` beside them are sent compressed: the widget's build writes them.
 */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const refused = params.some((param) => /^q=0(\.0*)?$/.test(param));
    return (coding === 'gzip' || coding === '*') && !refused;
  });
}

// Content-hashed chunks never change; everything else is revalidated so a deploy shows at once.
const cacheFor = (path: string) =>
  path.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache';

/**
 * The demo website at `/`, the agent console at `/console`, the guide's tiny console at
 * `/tiny-console`, the widget's script-tag build at `/widget`.
 */
export function staticRoutes(roots: StaticRoots) {
  const app = new Hono<HttpEnv>();
  const serve = (root: string, prefix: string) => async (c: Context<HttpEnv>) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice(prefix.length)) || 'index.html';
    } catch {
      return c.notFound();
    }
    const path = await fileBelow(root, relative);
    if (!path) return c.notFound();
    // Only one of the two copies is read: the precompressed one when the client takes it.
    const gzipped = acceptsGzip(c.req.header('accept-encoding'))
      ? await fileBelow(root, `${relative}.gz`)
      : null;
    const body = await readFile(gzipped ?? path).catch(() => null);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': cacheFor(c.req.path),
      'x-content-type-options': 'nosniff',
      // A cache between us and the browser must keep the compressed and the plain copy apart.
      vary: 'accept-encoding',
      ...(gzipped && { 'content-encoding': 'gzip' }),
    });
  };
  app.get('/widget/*', serve(roots.widget, '/widget/'));
  app.get('/console', serve(roots.console, '/console'));
  app.get('/console/', serve(roots.console, '/console/'));
  app.get('/console/styles.css', serve(roots.console, '/console/'));
  app.get('/console/dist/*', serve(join(roots.console, 'dist'), '/console/dist/'));
  // Its page and its bundle only: the folder's sources are not for the browser.
  app.get('/tiny-console', serve(roots.tinyConsole, '/tiny-console'));
  app.get('/tiny-console/', serve(roots.tinyConsole, '/tiny-console/'));
  app.get('/tiny-console/dist/*', serve(join(roots.tinyConsole, 'dist'), '/tiny-console/dist/'));
  app.get('/*', serve(roots.website, '/'));
  return app;
}
