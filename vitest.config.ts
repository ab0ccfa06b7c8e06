import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers. The fast tier (rules, machines, the round runtime, the app, the wire, the rooms) runs first and
 * stays under a minute. The slow tier (`*.slow.test.ts`: statistics over seeds, properties, soaks, whole rounds
 * through the command line) tests outcomes, not wall time, so its budgets are generous enough that a busy
 * machine makes it slower, never red.
 *
 * Test files run on every core (Vitest leaves one free by default, which is half of a 2-core machine).
 */
export default defineConfig({
  test: {
    environment: 'node',
    maxWorkers: availableParallelism(),
    setupFiles: ['test/nodeSockets.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          // Its files share a worker's modules instead of importing the game afresh each (import was over half
          // its time). They keep no state between files; a shuffled order passes as well.
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.slow.test.ts', 'test/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['test/**/*.slow.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          testTimeout: 30 * 60_000,
          hookTimeout: 30 * 60_000,
        },
      },
    ],
  },
});
