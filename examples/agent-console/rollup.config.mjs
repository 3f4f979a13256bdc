import { browserBundle } from '../../rollup.config.mjs';

export default browserBundle({ input: { main: 'src/main.ts' }, outDir: 'dist', sourcemap: true });
