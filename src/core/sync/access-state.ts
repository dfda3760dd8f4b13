import { AccessEndedState } from '../../shared/api/notices';
import { accessEnded, type AccessEndReason } from '../../shared/sync/access-ended';
import type { Db } from '../db/connection';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import { getRow } from '../db/rows';

// The server ended an analyst's sessions (SPEC §7). The desktop remembers it in the replica, so the sync
// indicator keeps saying so across restarts until that analyst logs in again; their outbox is left alone.

const META_KEY = 'sync.accessEnded';

export const readAccessEnded = (db: Db): AccessEndedState | null => {
  const raw = getMeta(db, META_KEY);
  if (raw === undefined) return null;
  try {
    const parsed = AccessEndedState.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const writeAccessEnded = (db: Db, state: AccessEndedState | null): void => {
  if (state === null) deleteMeta(db, META_KEY);
  else setMeta(db, META_KEY, JSON.stringify(state));
};

export const accessEndedState = (db: Db, analystId: string, reason: AccessEndReason, at: number): AccessEndedState => ({
  analystId,
  analystName: getRow(db, 'analyst', analystId)?.name ?? analystId,
  reason,
  message: accessEnded(reason).message,
  at,
});
