import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for Pothos and yoga; Vite would hand our files its .mjs
    // build, and two copies of graphql refuse each other's types. One copy: the CommonJS one.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // nodejieba is a native addon: forks keep each test file in its own process.
    pool: 'forks',
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One real Neo4j for the run, on its own port and data folder (test/globalSetup.ts).
          globalSetup: ['test/globalSetup.ts'],
          // The files share that database and each starts by emptying it: one file at a time.
          poolOptions: { forks: { singleFork: true } },
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
