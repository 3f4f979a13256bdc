// Where the bytes of the widget's script-tag chunks go, module by module:
//
//   SOURCEMAP=1 pnpm --filter @switchboard/widget build
//   node --import tsx bench/widget-modules.ts [chunk name prefix …]   (default: define)
//
// A module's share is what gzip -9 loses when the characters the source map gives to that module
// are taken out of the chunk, so shares add up to a little less than the chunk (gzip's dictionary
// is shared), and a module whose text repeats another's weighs less than it looks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { chunksNamed } from './lib/bundle-size.js';

const cdn = fileURLToPath(new URL('../packages/widget/dist/cdn', import.meta.url));
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

/** `../../node_modules/.pnpm/lit-html@3/node_modules/lit-html/lit-html.js` → `lit-html/lit-html.js`. */
const moduleName = (source: string | null) =>
  source === null
    ? '(rollup)'
    : source.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^(\.\.\/)+/, '');

/** Each module's gzip share of one chunk, largest first. */
function shares(file: string): { total: number; rows: { module: string; chars: number; gzip: number }[] } {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const lineStarts = [0];
  for (let at = code.indexOf('\n'); at !== -1; at = code.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  // Every character belongs to the module of the mapping segment it falls in.
  const segments: { at: number; module: string }[] = [];
  eachMapping(map, (mapping) =>
    segments.push({
      at: lineStarts[mapping.generatedLine - 1]! + mapping.generatedColumn,
      module: moduleName(mapping.source),
    }),
  );
  segments.sort((a, b) => a.at - b.at);
  const owner = new Array<string>(code.length).fill('(rollup)');
  segments.forEach((segment, index) => {
    owner.fill(segment.module, segment.at, segments[index + 1]?.at ?? code.length);
  });
  const total = gzip(code);
  const rows = [...new Set(owner)].map((module) => {
    let without = '';
    for (let index = 0; index < code.length; index++) if (owner[index] !== module) without += code[index];
    return { module, chars: code.length - without.length, gzip: total - gzip(without) };
  });
  return { total, rows: rows.sort((a, b) => b.gzip - a.gzip) };
}

const prefixes = process.argv.slice(2);
for (const prefix of prefixes.length > 0 ? prefixes : ['define']) {
  for (const chunk of chunksNamed(cdn, prefix)) {
    const file = join(cdn, chunk);
    if (!existsSync(`${file}.map`)) {
      console.log(`${chunk}: no source map; build with SOURCEMAP=1 pnpm --filter @switchboard/widget build`);
      continue;
    }
    const { total, rows } = shares(file);
    console.log(`\n${chunk}: ${total} B gzip`);
    for (const row of rows)
      console.log(`  ${String(row.gzip).padStart(6)} B${String(row.chars).padStart(8)} chars  ${row.module}`);
  }
}
