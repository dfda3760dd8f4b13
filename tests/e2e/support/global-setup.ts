import { ensureRendererBuilt } from '../../../scripts/renderer-build';

/** The shells serve out/renderer: build it once for the run when it is missing or stale. */
export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt((line) => console.log(line));
}
