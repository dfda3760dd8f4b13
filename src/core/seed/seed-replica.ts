import type { Change } from '../../shared/mutators/types';
import { generateDemo, openCount, referenceRows, type DemoData, type DemoOptions } from '../../shared/demo/generate';
import { DEMO_PASSWORD } from '../../shared/demo/people';
import { hashPassword } from '../auth/password';
import { bulkLoad } from '../db/bulk-load';
import type { Db } from '../db/connection';
import { putCredential } from '../db/credentials';
import { setMeta } from '../db/meta';
import { configResolver, slaColumnsWithHistory } from '../sla/columns';

export const demoRows = (data: DemoData): Change[] => [
  ...referenceRows(data),
  ...data.ocorrencias.map((row) => ({ table: 'ocorrencia' as const, row })),
  ...data.interactions.map((row) => ({ table: 'interaction' as const, row })),
];

export interface SeedSummary {
  ocs: number;
  open: number;
  events: number;
  interactions: number;
  customers: number;
  analysts: number;
  generateMs: number;
  loadMs: number;
}

/** Fills an empty replica with demo data, as confirmed (server-version) rows, and the demo logins. */
export const seedReplica = async (db: Db, options: DemoOptions): Promise<SeedSummary> => {
  const existing = (db.prepare('SELECT COUNT(*) AS n FROM ocorrencia').get() as { n: number }).n;
  if (existing > 0) throw new Error(`This database already has ${existing} ocorrências; seed an empty one (or pass --reset).`);
  const t0 = performance.now();
  const data = generateDemo(options);
  const t1 = performance.now();
  const configs = configResolver(db);
  // A fresh database being seeded can be rebuilt from the seed, so it skips fsyncs and gets a big page cache.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  try {
    // Events in the order the stories wrote them: within an instant, that order is the log's (bulkLoad keeps it).
    bulkLoad(db, { rows: demoRows(data), events: data.events }, slaColumnsWithHistory(db, configs, options.now));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  db.transaction(() => {
    for (const analyst of data.analysts) putCredential(db, analyst.login, analyst.id, hash, options.now);
    setMeta(db, 'demo.seededAt', String(options.now));
  })();
  return {
    ocs: data.ocorrencias.length,
    open: openCount(data),
    events: data.events.length,
    interactions: data.interactions.length,
    customers: data.customers.length,
    analysts: data.analysts.length,
    generateMs: Math.round(t1 - t0),
    loadMs: Math.round(performance.now() - t1),
  };
};
