import type { CoreOptions } from '../core/core';
import { syncClient } from '../core/sync/client';
import type { Clock } from '../shared/time';

// Which sync client the core in main gets: with a server URL, the real one (push, pull, pokes, clock offset);
// without, the core's own local-only port. Everything else in main is indifferent to which one runs.
export const syncOption = (serverUrl: string | null, clock: Clock, log: (message: string) => void): Pick<CoreOptions, 'sync'> =>
  serverUrl === null
    ? {}
    : { sync: syncClient({ serverUrl, clock, onError: (error) => log(`sync: ${error instanceof Error ? error.message : String(error)}`) }) };
