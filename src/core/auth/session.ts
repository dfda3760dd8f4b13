import type { Analyst } from '../../shared/domain';
import type { SessionHolder } from '../api/deps';
import type { Db } from '../db/connection';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import { getRow } from '../db/rows';

/**
 * The analyst logged in on this desktop, kept in the replica so a restart after a crash resumes the session.
 * The row is read fresh each time: a lead's change to role or capacity applies as soon as it is pulled.
 */
export const persistentSession = (db: Db): SessionHolder => ({
  current: () => {
    const id = getMeta(db, 'session.analystId');
    if (id === undefined) return null;
    const analyst = getRow(db, 'analyst', id);
    return analyst !== undefined && analyst.active ? analyst : null;
  },
  set: (analyst: Analyst | null, source) => {
    if (analyst === null) {
      deleteMeta(db, 'session.analystId');
      deleteMeta(db, 'session.source');
    } else {
      setMeta(db, 'session.analystId', analyst.id);
      setMeta(db, 'session.source', source);
    }
  },
  source: () => (getMeta(db, 'session.source') === 'server' ? 'server' : 'local'),
});
