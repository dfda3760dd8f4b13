import type { CoreOptions } from '../core/core';

// Which sync client the core in main gets. The core runs local-only (its own `localOnlySync`) until a sync
// client for a server URL is wired here; everything else in main is indifferent to which one runs.
export const syncOption = (serverUrl: string | null, log: (message: string) => void): Pick<CoreOptions, 'sync'> => {
  if (serverUrl !== null) log(`sync: ${serverUrl} was given, but this build has no sync client; running local-only`);
  return {};
};
