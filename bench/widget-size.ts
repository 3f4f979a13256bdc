// The widget's script-tag build, file by file and by what a page has loaded at each moment.
// `node --import tsx bench/widget-size.ts` after `pnpm build`; `pnpm bench` prints it too.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunksNamed, jsSizes, loadedFiles } from './lib/bundle-size.js';

export function printWidgetSizes(): void {
  const cdn = fileURLToPath(new URL('../packages/widget/dist/cdn', import.meta.url));
  if (existsSync(cdn)) {
    const sizes = jsSizes(cdn);
    const rowsOf = (files: Set<string>) => sizes.filter((row) => files.has(row.file));
    const gzipOf = (files: Set<string>) => rowsOf(files).reduce((sum, row) => sum + row.gzip, 0);
    /** What the server sends: the build's zopfli `.gz` copies (absent from an older build). */
    const servedOf = (files: Set<string>) =>
      rowsOf(files).reduce((sum, row) => sum + (row.served ?? row.gzip), 0);
    const column = (value: number | null, unit: string) =>
      value === null ? ''.padStart(10 + unit.length) : `${String(value).padStart(8)} B${unit}`;
    console.log(
      "\nWidget script-tag build (packages/widget/dist/cdn): raw, gzip -9, and as served (the build's zopfli .gz):",
    );
    for (const r of sizes)
      console.log(
        `  ${r.file.padEnd(44)}${column(r.bytes, '')}${column(r.gzip, ' gzip')}${column(r.served, ' served')}`,
      );
    // What each moment loads, from the chunks' own imports: the loader with the page; the element
    // with the SDK's engine and socket (define) when the browser is idle or the visitor opens the
    // chat; a form's or the file tray's chunk when it is first shown.
    const opened = loadedFiles(cdn, ['loader.js', ...chunksNamed(cdn, 'define')]);
    const scenarios: [string, Set<string>][] = [
      ['loaded with the page (loader.js)', loadedFiles(cdn, ['loader.js'])],
      ['open chat, in a conversation (budget 30 KB)', opened],
      [
        '+ pre-chat form',
        loadedFiles(cdn, [...opened, ...chunksNamed(cdn, 'pre-chat-part'), ...chunksNamed(cdn, 'pre-chat')]),
      ],
      [
        '+ a file sent (tray, uploader)',
        loadedFiles(cdn, [...opened, ...chunksNamed(cdn, 'attachments-part'), ...chunksNamed(cdn, 'upload')]),
      ],
    ];
    console.log('');
    for (const [label, files] of scenarios)
      console.log(
        `  ${label.padEnd(44)}${''.padStart(10)}${column(gzipOf(files), ' gzip')}${column(servedOf(files), ' served')}`,
      );
  } else {
    console.log('\n(widget sizes skipped: run pnpm build first)');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printWidgetSizes();
