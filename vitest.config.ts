import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: each package and tests/ is a project of its own.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/agent-console', 'examples/bot', 'tests'],
  },
});
