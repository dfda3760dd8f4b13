import type { Ocorrencia } from '../../shared/domain';
import type { Change } from '../../shared/mutators/types';
import type { Db } from './connection';
import { saveBase } from './outbox';
import { keyOfChange, putRow, storedRow } from './rows';
import { indexOcText, ocTextOf } from './search';

export interface WriteOptions {
  /** Optimistic local write: keep the server's version of each row for the next rebase. */
  optimistic: boolean;
  serverVersion: number;
}

/**
 * Writes rows and keeps the OCs' own text indexed, reading each row once (for the rebase base, the diff and the
 * index). Returns the OCs whose rows or interactions changed.
 */
export const writeChanges = (db: Db, changes: readonly Change[], options: WriteOptions): Set<string> => {
  const touched = new Set<string>();
  for (const change of changes) {
    const current = storedRow(db, change);
    if (options.optimistic) saveBase(db, change.table, keyOfChange(change), current);
    const rowid = putRow(db, change, options.serverVersion, current);
    if (change.table === 'ocorrencia') {
      if (current === undefined || ocTextOf(JSON.parse(current.doc) as Ocorrencia) !== ocTextOf(change.row)) indexOcText(db, change.row, rowid);
      touched.add(change.row.id);
    } else if (change.table === 'interaction') {
      // Indexed for search in the next batch (db/search.ts): interactions are append-only, above the mark.
      if (change.row.ocId !== null) touched.add(change.row.ocId);
    }
  }
  return touched;
};
