// The widget's script-tag build, file by file and by what a page has loaded at each moment.
// `node --import tsx bench/widget-size.ts` after `pnpm build`; `pnpm bench` prints it too.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunksNamed, jsSizes, loadedFiles } from './lib/bundle-size.js';

export function printWidgetSizes(): void {
  const cdn = fileURLToPath(new URL('../packages/widget/dist/cdn', import.meta.url));
  if (existsSync(cdn)) {
    const sizes = jsSizes(cdn);
    const gzipOf = (files: Set<string>) =>
      sizes.filter((row) => files.has(row.file)).reduce((sum, row) => sum + row.gzip, 0);
    console.log('\nWidget script-tag build (packages/widget/dist/cdn), gzip -9:');
    for (const r of sizes)
      console.log(
        `  ${r.file.padEnd(44)}${String(r.bytes).padStart(8)} B${String(r.gzip).padStart(8)} B gzip`,
      );
    // What each moment loads, from the chunks' own imports: the loader with the page; the element
    // (define) when the visitor opens the chat; the SDK's engine and socket with their first
    // message, or at once for a returning visitor with a stored session (one chunk, agent-sdk's lite-engine.ts).
    const opened = loadedFiles(cdn, ['loader.js', ...chunksNamed(cdn, 'define')]);
    const talking = loadedFiles(cdn, [...opened, ...chunksNamed(cdn, 'lite-engine')]);
    const scenarios: [string, Set<string>][] = [
      ['loaded with the page (loader.js)', loadedFiles(cdn, ['loader.js'])],
      ['open chat, English (budget 30 KB)', opened],
      ['+ first message, or a returning visitor', talking],
      [
        '+ pre-chat form',
        loadedFiles(cdn, [...talking, ...chunksNamed(cdn, 'pre-chat-part'), ...chunksNamed(cdn, 'pre-chat')]),
      ],
      [
        '+ a file sent (tray, uploader)',
        loadedFiles(cdn, [
          ...talking,
          ...chunksNamed(cdn, 'attachments-part'),
          ...chunksNamed(cdn, 'upload'),
        ]),
      ],
    ];
    console.log('');
    for (const [label, files] of scenarios)
      console.log(`  ${label.padEnd(44)}${''.padStart(10)}${String(gzipOf(files)).padStart(8)} B gzip`);
  } else {
    console.log('\n(widget sizes skipped: run pnpm build first)');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printWidgetSizes();
