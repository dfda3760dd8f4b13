import type { Interaction, Ocorrencia } from '../../shared/domain';
import type { Change } from '../../shared/mutators/types';
import type { Db } from './connection';
import { saveBase } from './outbox';
import { getRow, putRow } from './rows';
import { indexInteraction, indexOcText } from './search';
import { CODECS } from './tables';

export interface WriteOptions {
  /** Optimistic local write: keep the server's version of each row for the next rebase. */
  optimistic: boolean;
  serverVersion: number;
}

const textChanged = (before: Ocorrencia | undefined, after: Ocorrencia): boolean =>
  before === undefined || before.subject !== after.subject || before.description !== after.description || before.number !== after.number;

/** Writes rows and keeps the search index in step. Returns the OCs whose SLA must be recomputed. */
export const writeChanges = (db: Db, changes: readonly Change[], options: WriteOptions): Set<string> => {
  const touched = new Set<string>();
  for (const change of changes) {
    const key = (CODECS[change.table] as { keyOf(row: unknown): string | number }).keyOf(change.row);
    if (options.optimistic) saveBase(db, change.table, key);
    if (change.table === 'ocorrencia') {
      const before = getRow(db, 'ocorrencia', change.row.id);
      putRow(db, change, options.serverVersion);
      if (textChanged(before, change.row)) indexOcText(db, change.row);
      touched.add(change.row.id);
    } else if (change.table === 'interaction') {
      const existed = getRow(db, 'interaction', change.row.id) as Interaction | undefined;
      putRow(db, change, options.serverVersion);
      if (existed === undefined) indexInteraction(db, change.row);
      if (change.row.ocId !== null) touched.add(change.row.ocId);
    } else {
      putRow(db, change, options.serverVersion);
    }
  }
  return touched;
};
