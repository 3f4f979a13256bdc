import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: { name: 'agent-console', include: ['src/**/*.test.ts'] },
});
