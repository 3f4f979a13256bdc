import { defineProject } from 'vitest/config';

// Cross-package flows: the real server on a real port, the SDK over real sockets, and the built
// widget and console in real Chromium. Files run one at a time so browsers don't fight for 2 cores.
export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
