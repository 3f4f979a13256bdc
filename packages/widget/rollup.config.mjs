import { rmSync } from 'node:fs';
import { transformSync } from 'esbuild';
import ts from 'typescript';
import { browserBundle, libraryBuild } from '../../rollup.config.mjs';
import pkg from './package.json' with { type: 'json' };

// Start clean: rollup never deletes, and stale chunks must not ship in dist/cdn.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

/**
 * Minifies the CSS in the template literals of `*.styles.ts` modules: terser leaves string
 * contents alone, and the loader carries the launcher's CSS. esbuild's CSS minifier drops the
 * comments and whitespace and shortens what it safely can. A literal with a `${}` hole is not
 * whole CSS; it only loses its line breaks and indentation.
 */
function compactStyles() {
  const minify = (literal) => {
    const body = literal.slice(1, -1);
    if (body.includes('${')) return literal.replace(/\s*\n\s*/g, '');
    // Chromium/Firefox/Safari versions that have the custom elements and shadow DOM the widget needs.
    const { code } = transformSync(body, {
      loader: 'css',
      minify: true,
      target: ['chrome90', 'firefox90', 'safari15'],
    });
    return `\`${code.trim()}\``;
  };
  return {
    name: 'compact-styles',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id)) return null;
      return { code: code.replace(/`[^`]*`/g, minify), map: null };
    },
  };
}

/**
 * Collapses the indentation of `html` and `svg` templates: every run of whitespace that holds a
 * line break becomes one space, which renders the same outside `white-space: pre*` (the one
 * pre-wrap element, a message's text, is written without line breaks around its content). terser
 * keeps template contents as they are, and this indentation was about 1% of the gzipped chunks.
 */
function compactTemplates() {
  const literalsOf = (node) =>
    ts.isNoSubstitutionTemplateLiteral(node)
      ? [node]
      : [node.head, ...node.templateSpans.map((span) => span.literal)];
  return {
    name: 'compact-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)\s*`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const edits = [];
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && /^(html|svg)$/.test(node.tag.getText(source))) {
          for (const literal of literalsOf(node.template)) {
            const start = literal.getStart(source);
            const text = code.slice(start, literal.getEnd());
            const compact = text.replace(/\s*\n\s*/g, ' ');
            if (compact !== text) edits.push({ start, end: literal.getEnd(), compact });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let result = code;
      for (const { start, end, compact } of edits.sort((a, b) => b.start - a.start))
        result = result.slice(0, start) + compact + result.slice(end);
      return { code: result, map: null };
    },
  };
}

/**
 * The script-tag build takes the SDK's visitor client with its engine bundled in
 * (`visitor-lite-eager`): the element and the engine then come in one chunk, which gzip shrinks
 * more than two. The npm build keeps `visitor-lite`, whose engine a consumer's bundler can split.
 */
function engineInDefineChunk() {
  return {
    name: 'engine-in-define-chunk',
    resolveId(source, importer) {
      if (source !== '@switchboard/agent-sdk/visitor-lite') return null;
      return this.resolve('@switchboard/agent-sdk/visitor-lite-eager', importer, { skipSelf: true });
    },
  };
}

function withPlugins(config, ...plugins) {
  return { ...config, plugins: [...config.plugins, ...plugins] };
}

export default [
  // npm: one module per file with declarations; lit and the workspace packages stay imports for
  // the consumer's bundler.
  libraryBuild({ input: { index: 'src/index.ts', define: 'src/define.ts' }, pkg }),
  // Script tag: loader.js plus the lazily imported chunk that bundles everything else.
  withPlugins(
    browserBundle({
      input: { loader: 'src/cdn/loader.ts' },
      outDir: 'dist/cdn',
      tsconfig: 'tsconfig.cdn.json',
      // `SOURCEMAP=1` for bench/widget-modules.ts, which weighs each module's share of a chunk.
      sourcemap: process.env.SOURCEMAP === '1',
    }),
    engineInDefineChunk(),
    compactStyles(),
    compactTemplates(),
  ),
];
