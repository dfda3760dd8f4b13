import type { Sql } from './db/database';

export interface AuditEntry {
  at: number;
  actorKind: 'analyst' | 'contact' | 'system' | 'anonymous';
  actorId: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed' | 'applied' | 'rejected';
  detail?: Record<string, unknown>;
  source: string | null;
}

/** Who did what (SPEC §7). Mutations write their line inside their own transaction (soe_write); this is the rest. */
export const audit = async (sql: Sql, entry: AuditEntry): Promise<void> => {
  await sql.query('INSERT INTO audit_log (at, actor_kind, actor_id, action, target, outcome, detail, source) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)',
    [entry.at, entry.actorKind, entry.actorId, entry.action, entry.target, entry.outcome, JSON.stringify(entry.detail ?? null), entry.source]);
};
