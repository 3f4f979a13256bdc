import { rmSync } from 'node:fs';
import { transformSync } from 'esbuild';
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

function withPlugin(config, plugin) {
  return { ...config, plugins: [...config.plugins, plugin] };
}

export default [
  // npm: one module per file with declarations; lit and the workspace packages stay imports for
  // the consumer's bundler.
  libraryBuild({ input: { index: 'src/index.ts', define: 'src/define.ts' }, pkg }),
  // Script tag: loader.js plus the lazily imported chunk that bundles everything else.
  withPlugin(
    browserBundle({
      input: { loader: 'src/cdn/loader.ts' },
      outDir: 'dist/cdn',
      tsconfig: 'tsconfig.cdn.json',
    }),
    compactStyles(),
  ),
];
