import { defineConfig } from 'vitest/config';
import { templateEnv } from './tests/support/pglite-templates';

// The fuzz suite (`npm run test:fuzz`): seeded fast-check inputs (FUZZ_SEED overrides the seed), bounded by counts
// per surface, loopback only; it prints the inputs, 2xx, 4xx and 5xx of every surface at the end.
export default defineConfig({
  test: {
    include: ['tests/fuzz/**/*.test.ts'],
    environment: 'node',
    env: templateEnv,
    testTimeout: 300_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
