import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow tier (`*.slow.test.ts`, statistics over many seeds) runs apart: `npm run test:slow`.
    exclude: ['test/e2e/**', 'node_modules/**', 'test/**/*.slow.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
