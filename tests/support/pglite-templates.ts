import { resolve } from 'node:path';
import { TEMPLATE_ENV } from '../../src/server/db/pglite-template';

/**
 * Where the test suites keep the fresh PGlite cluster their throwaway servers start from (src/server/db/
 * pglite-template.ts: ~1.5 s instead of initdb's ~5 s, hundreds of times a run). Ignored by git with node_modules.
 */
export const TEST_PGLITE_TEMPLATES = resolve(import.meta.dirname, '../../node_modules/.cache/soe-pglite');

/** The environment the suites run with (vitest's `test.env`; the e2e global setup sets it for its processes). */
export const templateEnv = { [TEMPLATE_ENV]: TEST_PGLITE_TEMPLATES };
