import type { Db } from './connection';
import { stmt } from './statements';

/** Verifier of a password kept on this machine, so an analyst can log in while offline. */
export const getCredential = (db: Db, login: string): { analystId: string; hash: string } | undefined => {
  const row = stmt(db, 'SELECT analyst_id, hash FROM local_credential WHERE login = ?').get(login) as { analyst_id: string; hash: string } | undefined;
  return row === undefined ? undefined : { analystId: row.analyst_id, hash: row.hash };
};

export const putCredential = (db: Db, login: string, analystId: string, hash: string, now: number): void => {
  stmt(db, `INSERT INTO local_credential (login, analyst_id, hash, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(login) DO UPDATE SET analyst_id = excluded.analyst_id, hash = excluded.hash, updated_at = excluded.updated_at`).run(login, analystId, hash, now);
};

/** Forgets the offline verifiers of an analyst whose access the server ended (deactivated, password reset). */
export const deleteCredentialsOf = (db: Db, analystId: string): void => {
  stmt(db, 'DELETE FROM local_credential WHERE analyst_id = ?').run(analystId);
};
