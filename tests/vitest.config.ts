import { defineProject } from 'vitest/config';

// Workspace packages are imported from their TypeScript source (the `source` export condition)
// so tests never run a stale dist/. Tests run in Vite's server-side environment, which reads
// `ssr.resolve.conditions`; inlining keeps Node from loading the packages itself.

// Cross-package flows: the real server on a real port, the SDK over real sockets, and the built
// widget and console in real Chromium. Files run one at a time so browsers don't fight for 2 cores.
export default defineProject({
  // `source` first, then Vite's own defaults for the server side.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    server: { deps: { inline: [/@switchboard\//] } },
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
