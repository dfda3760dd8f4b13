import { defineConfig } from 'vitest/config';
import { templateEnv } from './tests/support/pglite-templates';

// The sync fault-injection suite (`npm run test:fault`): every case bounded in time and count, loopback only.
export default defineConfig({
  test: {
    include: ['tests/fault/**/*.test.ts'],
    environment: 'node',
    env: templateEnv,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
