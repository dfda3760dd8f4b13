import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../shared/time';
import { startDesktop } from './desktop';

// Composition root of the Electron main process (ARCHITECTURE.md style 8): the real clock, environment and
// process go in here, and nowhere else.
void startDesktop({
  env: process.env,
  argv: process.argv,
  mainDir: dirname(fileURLToPath(import.meta.url)),
  resourcesPath: process.resourcesPath,
  platform: process.platform,
  clock: systemClock,
  processEvents: process,
});
