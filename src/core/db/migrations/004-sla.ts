import type { Migration } from './index';

// SLA derived columns of an OC. They are a cache of the pure SLA function (SPEC §3 rule 1), rewritten whole from
// the event log whenever the OC changes or the scheduler reaches sla_next_at; never patched step by step.
// sla_sort is the soonest running deadline (or a far-future sentinel) so the queues read in due order from an index.
export const migration004: Migration = {
  version: 4,
  name: 'sla',
  up(db) {
    db.exec(`
      ALTER TABLE ocorrencia ADD COLUMN sla_sort INTEGER NOT NULL DEFAULT 9007199254740991;
      ALTER TABLE ocorrencia ADD COLUMN sla_clock TEXT;
      ALTER TABLE ocorrencia ADD COLUMN sla_state TEXT;
      ALTER TABLE ocorrencia ADD COLUMN sla_due_at INTEGER;
      ALTER TABLE ocorrencia ADD COLUMN sla_percent REAL;
      ALTER TABLE ocorrencia ADD COLUMN sla_breached_at INTEGER;
      ALTER TABLE ocorrencia ADD COLUMN sla_next_at INTEGER;

      CREATE INDEX ocorrencia_queue ON ocorrencia(level, module, segment, sla_sort)
        WHERE is_open = 1 AND assignee_id IS NULL;
      CREATE INDEX ocorrencia_assignee ON ocorrencia(assignee_id, sla_sort) WHERE is_open = 1;
      CREATE INDEX ocorrencia_preferred ON ocorrencia(preferred_analyst_id, sla_sort)
        WHERE is_open = 1 AND preferred_analyst_id IS NOT NULL;
      CREATE INDEX ocorrencia_open_due ON ocorrencia(sla_sort) WHERE is_open = 1;
      CREATE INDEX ocorrencia_next_at ON ocorrencia(sla_next_at) WHERE sla_next_at IS NOT NULL;

      -- Warnings and breaches already emitted, so each fires exactly once, also across restarts.
      CREATE TABLE sla_alert (
        oc_id TEXT NOT NULL, clock TEXT NOT NULL, threshold INTEGER NOT NULL, crossed_at INTEGER NOT NULL,
        fired_at INTEGER NOT NULL,
        PRIMARY KEY (oc_id, clock, threshold)
      ) STRICT;
    `);
  },
};
