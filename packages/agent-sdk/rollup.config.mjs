import { libraryBuild } from '../../rollup.config.mjs';
import pkg from './package.json' with { type: 'json' };

export default libraryBuild({ input: 'src/index.ts', pkg });
