import type { RejectedNotice } from '../../shared/api/notices';
import type { Db } from './connection';
import { stmt } from './statements';

export const addNotice = (db: Db, notice: RejectedNotice): void => {
  stmt(db, 'INSERT OR IGNORE INTO rejected_notice (id, mutation_id, name, oc_id, error, at, dismissed, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(notice.id, notice.mutationId, notice.name, notice.ocId, JSON.stringify(notice.error), notice.at, notice.dismissed ? 1 : 0, notice.text);
};

export const listNotices = (db: Db, includeDismissed = false): RejectedNotice[] =>
  (stmt(db, `SELECT * FROM rejected_notice ${includeDismissed ? '' : 'WHERE dismissed = 0'} ORDER BY at DESC LIMIT 200`).all() as {
    id: string; mutation_id: number; name: string; oc_id: string | null; error: string; at: number; dismissed: number; text: string | null;
  }[]).map((r) => ({ id: r.id, mutationId: r.mutation_id, name: r.name, ocId: r.oc_id, error: JSON.parse(r.error), at: r.at, dismissed: r.dismissed === 1, text: r.text }));

export const dismissNotice = (db: Db, id: string): void => {
  stmt(db, 'UPDATE rejected_notice SET dismissed = 1 WHERE id = ?').run(id);
};
