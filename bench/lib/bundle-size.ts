import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  file: string;
  bytes: number;
  gzip: number;
}

/** Raw and gzip (level 9) sizes of every .js file below `dir`. */
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
        });
      }
    }
  };
  walk(dir);
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}
