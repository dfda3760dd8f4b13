// One desktop's initial sync in a process of its own (bench/sync.ts spawns it): the desktop is its own process
// as deployed (Electron's main process), so its peak memory is this process's high-water mark, not the bench
// runner's (which holds the suites, the load generator and their modules). Prints one JSON line.
// Usage: node --import tsx bench/initial-sync-desktop.ts <server url> <replica folder>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src/core/core';
import { syncClient, type SyncClient } from '../src/core/sync/client';

/** A figure of /proc/self/status in MB (VmRSS now, VmHWM the peak so far); NaN where there is no /proc. */
const statusMb = (field: 'VmRSS' | 'VmHWM'): number => {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1_000;
  } catch {
    return Number.NaN;
  }
};

const [url, dir] = process.argv.slice(2);
if (url === undefined || dir === undefined) throw new Error('usage: initial-sync-desktop.ts <server url> <replica folder>');
const core = createCore({ dbPath: join(dir, 'replica.db'), sync: syncClient({ serverUrl: url, manual: true, periodicMs: 3_600_000 }) });
core.start();
const login = await core.api.invoke('session.login', { login: 'ana', password: 'demo' });
if (!login.ok) throw new Error(`login ana: ${login.error.code}`);
const sync = core.deps.sync as SyncClient;
const startMb = statusMb('VmRSS');
const t0 = performance.now();
await sync.syncNow();
const seconds = (performance.now() - t0) / 1_000;
const state = sync.state();
const rows = (core.db.prepare('SELECT count(*) AS n FROM ocorrencia').get() as { n: number }).n;
const peakMb = statusMb('VmHWM');
await core.stop();
process.stdout.write(`${JSON.stringify({ seconds, rows, startMb, peakMb, status: state.status })}\n`);
