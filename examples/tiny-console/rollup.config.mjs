import { browserBundle } from '../../rollup.config.mjs';

// One file the page loads, the SDK bundled in; any bundler (esbuild, Vite, webpack) does the same.
export default browserBundle({ input: { main: 'src/main.ts' }, outDir: 'dist', sourcemap: true });
