import { defineProject } from 'vitest/config';

// Workspace packages are imported from their TypeScript source (the `source` export condition)
// so tests never run a stale dist/. Tests run in Vite's server-side environment, which reads
// `ssr.resolve.conditions`; inlining keeps Node from loading the packages itself.

export default defineProject({
  // `source` first, then Vite's own defaults for the server side.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    server: { deps: { inline: [/@switchboard\//] } },
    name: 'agent-sdk',
    include: ['src/**/*.test.ts'],
    // `*.test-d.ts`: type tests (`expectTypeOf`), checked by tsc as vitest runs.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
