import { libraryBuild } from '../../rollup.config.mjs';
import pkg from './package.json' with { type: 'json' };

export default libraryBuild({
  input: {
    index: 'src/index.ts',
    'visitor-lite': 'src/visitor-lite.ts',
    'visitor-lite-eager': 'src/visitor-lite-eager.ts',
  },
  pkg,
});
