import { rmSync } from 'node:fs';
import { browserBundle, libraryBuild } from '../../rollup.config.mjs';
import pkg from './package.json' with { type: 'json' };

// Start clean: rollup never deletes, and stale chunks must not ship in dist/cdn.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

/**
 * Squeezes the CSS in the template literals of `*.styles.ts` modules: terser leaves string
 * contents alone, and the loader carries the launcher's CSS. It drops line breaks with their
 * indentation, and spaces around `{ } ; ,` and after `:`; so a style must never break a line
 * inside a selector (after a comma is fine) nor put a space after a colon in a selector.
 */
function compactStyles() {
  return {
    name: 'compact-styles',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id)) return null;
      return {
        code: code.replace(/`[^`]*`/g, (literal) =>
          literal.replace(/\s*\n\s*/g, '').replace(/\s*([{};,])\s*|(:)\s+/g, '$1$2'),
        ),
        map: null,
      };
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
