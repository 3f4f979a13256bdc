// The custom-elements manifest against the source: every part drawn, custom property read and
// event dispatched anywhere in src/ must be in the contract that editors and docs sites read.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(PACKAGE, 'src');

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  tagName: string;
  attributes: (Named & { fieldName: string; default?: string })[];
  events: Named[];
  cssProperties: (Named & { default?: string })[];
  cssParts: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations: Declaration[]; exports: { kind: string; name: string }[] }[];
}

/** The widget's own code: every .ts file under src/ but tests and test helpers. */
function sources(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('testing'))
    .map((file) => readFileSync(join(SRC, file), 'utf8'));
}

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1] ?? '');

/**
 * Part names written in `part="…"`, `part=${…}` (its quoted strings), `setAttribute('part', …)` and
 * `[part~='…']` selectors. An interpolated name (`group-${side}`) becomes its prefix, ending in `-`.
 */
function partsInSource(code: string[]): Set<string> {
  const values = code.flatMap((text) => [
    ...all(text, /\bpart="([^"]*)"/g),
    ...all(text, /\bpart=\$\{([^}]*)\}/g).flatMap((expression) => all(expression, /'([^']*)'/g)),
    ...all(text, /setAttribute\('part', '([^']*)'\)/g),
    ...all(text, /\[part~=['"]([^'"]+)['"]\]/g),
  ]);
  return new Set(
    values
      .flatMap((value) => value.split(/\s+/))
      .filter(Boolean)
      .map((token) => token.replace(/\$\{.*$/, '')),
  );
}

let dir: string;
let declaration: Declaration;
let manifest: Manifest;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-manifest-'));
  const out = join(dir, 'custom-elements.json');
  execFileSync(process.execPath, [join(PACKAGE, 'scripts/manifest.mjs'), '--out', out], { stdio: 'pipe' });
  manifest = JSON.parse(readFileSync(out, 'utf8')) as Manifest;
  declaration = manifest.modules[0]!.declarations[0]!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the custom-elements manifest', () => {
  it('declares <switchboard-chat> in the 2.0.0 schema and its definition in define.ts', () => {
    expect(manifest.schemaVersion).toBe('2.0.0');
    expect(declaration.tagName).toBe('switchboard-chat');
    const define = manifest.modules.find((module) => module.path === 'src/define.ts');
    expect(define?.exports).toContainEqual(
      expect.objectContaining({ kind: 'custom-element-definition', name: 'switchboard-chat' }),
    );
  });

  it('lists the attributes with their fields and defaults', () => {
    const byName = new Map(declaration.attributes.map((a) => [a.name, a]));
    for (const name of ['site-key', 'server-url', 'heading', 'open', 'theme', 'position'])
      expect(byName.get(name)?.description, name).toBeTruthy();
    expect(byName.get('site-key')?.fieldName).toBe('siteKey');
    expect(byName.get('theme')?.default).toBe('light');
    expect(byName.get('position')?.default).toBe('right');
  });

  it('lists every part the widget draws or styles, each described', () => {
    const documented = declaration.cssParts.map((part) => part.name);
    const found = partsInSource(sources());
    expect(found.size).toBeGreaterThan(30);
    for (const part of found) {
      if (part.endsWith('-'))
        expect(
          documented.some((name) => name.startsWith(part)),
          part,
        ).toBe(true);
      else expect(documented, part).toContain(part);
    }
    // The interpolated families, spelled out.
    for (const part of ['group-self', 'group-other', 'group-system', 'message-pending', 'message-failed'])
      expect(documented).toContain(part);
    for (const part of declaration.cssParts) expect(part.description, part.name).toBeTruthy();
  });

  it('lists every --switchboard-* custom property the styles read, with its default', () => {
    const documented = new Map(declaration.cssProperties.map((p) => [p.name, p]));
    const found = new Set(sources().flatMap((text) => all(text, /(--switchboard-[a-z0-9-]+)/g)));
    expect(found.size).toBeGreaterThan(15);
    for (const name of found) {
      expect(documented.has(name), name).toBe(true);
      expect(documented.get(name)?.default, name).toBeTruthy();
    }
  });

  it('lists every event the widget dispatches', () => {
    const documented = declaration.events.map((event) => event.name);
    const found = sources().flatMap((text) => all(text, /super\('(switchboard-[a-z-]+)'/g));
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const name of found) expect(documented, name).toContain(name);
  });
});
