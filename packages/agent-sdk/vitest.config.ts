import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: { name: 'agent-sdk', include: ['src/**/*.test.ts'] },
});
