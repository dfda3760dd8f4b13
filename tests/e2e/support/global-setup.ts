import { ensureRendererBuilt } from '../../../scripts/renderer-build';
import { templateEnv } from '../../support/pglite-templates';

/** The shells serve out/renderer: build it once for the run when it is missing or stale; set the suites' environment. */
export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt((line) => console.log(line));
  // The shells' and servers' embedded PGlite start from a fresh-cluster template, not initdb (~4 s each).
  Object.assign(process.env, templateEnv);
}
