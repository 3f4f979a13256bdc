import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  file: string;
  bytes: number;
  gzip: number;
  /** The precompressed copy the server sends (`<file>.gz`, zopfli), when the build wrote one. */
  served: number | null;
}

/** Raw, gzip (level 9) and served (`.gz` beside it) sizes of every .js file below `dir`. */
export function jsSizes(dir: string): SizeRow[] {
  const rows: SizeRow[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.js')) {
        const content = readFileSync(full);
        rows.push({
          file: relative(dir, full),
          bytes: content.length,
          gzip: gzipSync(content, { level: 9 }).length,
          served: existsSync(`${full}.gz`) ? statSync(`${full}.gz`).size : null,
        });
      }
    }
  };
  walk(dir);
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

/** The files a chunk imports statically (`from"./x.js"`), which load with it. */
function staticImports(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((match) =>
    relative(dir, resolve(dirname(join(dir, file)), match[1]!)),
  );
}

/** The chunks whose file names start with `name-` (rollup appends a content hash; names may repeat). */
export function chunksNamed(dir: string, name: string): string[] {
  const found = readdirSync(join(dir, 'chunks'))
    .filter((file) => new RegExp(`^${name}-[\\w-]{8}\\.js$`).test(file))
    .map((file) => `chunks/${file}`);
  if (found.length === 0) throw new Error(`No chunk named ${name} in ${dir}`);
  return found;
}

/**
 * Every file a page has loaded once `entries` have been imported: the entries and, transitively,
 * what they import statically (dynamic imports load only when the code reaches them).
 */
export function loadedFiles(dir: string, entries: readonly string[]): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of staticImports(dir, file)) visit(imported);
  };
  entries.forEach(visit);
  return loaded;
}
