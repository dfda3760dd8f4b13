import type { Migration } from './index';

// The N2 pick-up OLA's deadline beside the badge (issue 13 item 4): an escalated OC waiting for an N2 shows its
// OLA in the N2 queue even when its badge shows a more urgent clock (a first response already breached). The
// OCs that wait for an N2 now are due for a fresh SLA look at once, so their OLA is filled at the next pass.
export const migration011: Migration = {
  version: 11,
  name: 'ola-column',
  up(db) {
    db.exec(`
      ALTER TABLE ocorrencia ADD COLUMN sla_ola_due_at INTEGER;
      UPDATE ocorrencia SET sla_next_at = 0 WHERE is_open = 1 AND level = 'n2' AND assignee_id IS NULL;
    `);
  },
};
