import type { Database, Session, Sql } from '../../src/server/db/database';

/** A server database that counts the statements whose text contains each watched marker (e.g. 'soe_load('). */
export type CountingDatabase = Database & { count(marker: string): number };

export const countingDatabase = (db: Database, markers: readonly string[]): CountingDatabase => {
  const counts = new Map<string, number>(markers.map((m) => [m, 0]));
  const watch = <S extends Sql>(sql: S): S => ({
    ...sql,
    query: (text: string, params?: unknown[]) => {
      for (const marker of markers) if (text.includes(marker)) counts.set(marker, (counts.get(marker) ?? 0) + 1);
      return sql.query(text, params);
    },
  }) as S;
  return Object.assign(Object.create(null) as object, db, watch(db), {
    session: <T>(work: (session: Session) => Promise<T>) => db.session((session) => work(watch(session))),
    count: (marker: string) => counts.get(marker) ?? 0,
  }) as CountingDatabase;
};
