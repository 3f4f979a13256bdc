// Shared rollup setup for the browser-facing packages (agent-sdk, widget, the example console).
// Each package's own rollup.config.mjs calls these helpers; nothing here runs on its own.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** Anything from node_modules that a library build must leave to the consumer's bundler. */
export function externalDependencies(pkg) {
  const names = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (id) => names.some((name) => id === name || id.startsWith(`${name}/`));
}

function typescriptPlugin({ declarations, outDir, tsconfig }) {
  return typescript({
    tsconfig,
    // Builds resolve workspace packages to their built output, like a consumer would.
    compilerOptions: {
      // The plugin would otherwise inject `module: esnext`, which clashes with NodeNext resolution.
      module: 'NodeNext',
      customConditions: [],
      noEmit: false,
      declaration: declarations,
      declarationMap: declarations,
      ...(declarations ? { declarationDir: outDir } : {}),
      outDir,
      rootDir: 'src',
    },
    exclude: ['**/*.test.ts', '**/*.test-d.ts', 'test/**'],
  });
}

/**
 * An npm library build: ESM, one file per module, dependencies left external, with declarations.
 * @param {{ input: string | Record<string, string>, pkg: object, outDir?: string, tsconfig?: string }} options
 */
export function libraryBuild({ input, pkg, outDir = 'dist', tsconfig = 'tsconfig.build.json' }) {
  return {
    input,
    external: externalDependencies(pkg),
    output: { dir: outDir, format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['browser', 'import', 'default'] }),
      typescriptPlugin({ declarations: true, outDir, tsconfig }),
    ],
  };
}

/**
 * A browser bundle: everything inlined, minified, code-split into lazily loaded chunks.
 * Source maps are opt-in: a CDN folder should hold only what pages load.
 * @param {{ input: string | Record<string, string>, outDir: string, tsconfig?: string, sourcemap?: boolean }} options
 */
export function browserBundle({ input, outDir, tsconfig = 'tsconfig.build.json', sourcemap = false }) {
  return {
    input,
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap,
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
      typescriptPlugin({ declarations: false, outDir, tsconfig }),
      terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  };
}
