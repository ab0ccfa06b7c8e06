import { defineConfig } from 'vitest/config';

/** The slow tier: statistical tests over many seeds, with their own budget (`npm run test:slow`). */
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30 * 60_000,
  },
});
