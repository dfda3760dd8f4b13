import { defineConfig } from 'vitest/config';
import { templateEnv } from './tests/support/pglite-templates';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    env: templateEnv,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default on two cores is one worker (cores − 1); much of an integration file's time is spent
    // waiting on PostgreSQL or a socket, so two keep both cores busy (the suite: ~290 s → ~210 s here).
    maxWorkers: 2,
  },
});
