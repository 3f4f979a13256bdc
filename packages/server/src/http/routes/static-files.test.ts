// The static routes over a real folder: what is served, with which headers, and the precompressed
// copy for browsers that accept gzip.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptsGzip, staticRoutes } from './static-files.js';

const root = mkdtempSync(join(tmpdir(), 'switchboard-static-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LOADER = 'export const widget = "loader";\n'.repeat(20);
mkdirSync(join(root, 'widget', 'chunks'), { recursive: true });
writeFileSync(join(root, 'widget', 'loader.js'), LOADER);
writeFileSync(join(root, 'widget', 'loader.js.gz'), gzipSync(LOADER));
writeFileSync(join(root, 'widget', 'chunks', 'plain-abc12345.js'), 'export {};\n');

const app = staticRoutes({
  website: join(root, 'website'),
  console: join(root, 'console'),
  tinyConsole: join(root, 'tiny'),
  widget: join(root, 'widget'),
});
const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('the widget folder', () => {
  it('sends the precompressed copy to a browser that accepts gzip', async () => {
    const response = await get('/widget/loader.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(LOADER);
  });

  it('sends the file as it is to a client that does not accept gzip', async () => {
    for (const header of [undefined, 'identity', 'gzip;q=0, identity', 'br']) {
      const response = await get('/widget/loader.js', header);
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('vary')).toBe('accept-encoding');
      expect(await response.text()).toBe(LOADER);
    }
  });

  it('sends a file without a precompressed copy as it is, cached for good when content-hashed', async () => {
    const response = await get('/widget/chunks/plain-abc12345.js', 'gzip');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('export {};\n');
  });

  it('answers 404 for a missing file and for a path that climbs out of the folder', async () => {
    expect((await get('/widget/missing.js', 'gzip')).status).toBe(404);
    expect((await get('/widget/..%2F..%2Fetc%2Fpasswd', 'gzip')).status).toBe(404);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['deflate, gzip;q=0.5', true],
    ['*', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['*;q=0', false],
    ['br, deflate', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
