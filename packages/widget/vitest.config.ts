import { configDefaults, defineProject } from 'vitest/config';

// Workspace packages are imported from their TypeScript source (the `source` export condition)
// so tests never run a stale dist/. Tests run in Vite's server-side environment, which reads
// `ssr.resolve.conditions`; inlining keeps Node from loading the packages itself.

export default defineProject({
  // `source` first, then Vite's own defaults for the server side.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    server: { deps: { inline: [/@switchboard\//] } },
    name: 'widget',
    include: ['src/**/*.test.ts'],
    // The component tests run in Chromium under @web/test-runner (`test:browser`), not here.
    exclude: [...configDefaults.exclude, 'src/**/*.wtr.test.ts'],
  },
});
