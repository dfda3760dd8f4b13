import type { Migration } from './index';

// Planned versions (issue 13): the weekly versions an OC's target is chosen from, pulled like every synced table
// (doc plus the query columns of db/tables.ts). One row per normalised number, whatever its status.
export const migration009: Migration = {
  version: 9,
  name: 'planned-versions',
  up(db) {
    db.exec(`
      CREATE TABLE planned_version (
        id TEXT PRIMARY KEY, version TEXT NOT NULL, planned_for TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposta', 'planejada', 'liberada', 'cancelada')),
        doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE UNIQUE INDEX planned_version_number ON planned_version(version);
      CREATE INDEX planned_version_date ON planned_version(planned_for);
    `);
  },
};
