// Writes `<file>.js.gz` next to every file of the script-tag build (dist/cdn), which the server
// sends to browsers that accept gzip: a page then downloads the widget compressed without the
// server compressing on every request. Zopfli finds a smaller deflate stream than zlib's level 9
// (about 3% on the widget's chunks) and any gzip decoder reads it; it is slow, which a build can
// afford and a request cannot. On a few tiny files zlib wins by a byte: the smaller is kept.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

const cdn = new URL('../dist/cdn/', import.meta.url).pathname;

/** Every .js file below `dir`. */
const scripts = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });

await Promise.all(
  scripts(cdn).map(async (path) => {
    const source = readFileSync(path);
    const zopfli = await gzipAsync(source, { numiterations: 15 });
    const zlib = gzipSync(source, { level: 9 });
    writeFileSync(`${path}.gz`, zopfli.length <= zlib.length ? zopfli : zlib);
  }),
);
