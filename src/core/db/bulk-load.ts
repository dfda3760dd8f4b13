import type { OcEvent } from '../../shared/domain';
import type { Change } from '../../shared/mutators/types';
import type { Db } from './connection';
import { insertEvents } from './events';
import { putRow } from './rows';
import { catchUpSearch, indexOcText } from './search';
import { writeSlaColumns, type SlaColumns } from './sla-columns';

export interface BulkData {
  rows: Change[];
  events: OcEvent[];
}

/**
 * Loads confirmed data (demo seed, or a snapshot) in large transactions: rows, events, the search index and the
 * SLA columns computed from each OC's events. Rows get server version `serverVersion` (confirmed, not pending).
 */
export const bulkLoad = (db: Db, data: BulkData, slaColumns: (events: OcEvent[]) => SlaColumns, serverVersion = 1, batch = 20_000): void =>
  withIndexesDeferred(db, () => loadAll(db, data, slaColumns, serverVersion, batch));

/**
 * Building indexes once after a bulk insert is several times faster than updating them row by row. The indexes
 * are recreated from their own stored SQL, so the schema stays exactly what the migrations made.
 */
const withIndexesDeferred = (db: Db, load: () => void): void => {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  db.transaction(() => indexes.forEach((i) => db.exec(`DROP INDEX ${i.name}`)))();
  try {
    load();
  } finally {
    db.transaction(() => indexes.forEach((i) => db.exec(i.sql)))();
  }
};

const loadAll = (db: Db, data: BulkData, slaColumns: (events: OcEvent[]) => SlaColumns, serverVersion: number, batch: number): void => {
  const eventsByOc = new Map<string, OcEvent[]>();
  for (const event of data.events) {
    const list = eventsByOc.get(event.ocId);
    if (list === undefined) eventsByOc.set(event.ocId, [event]);
    else list.push(event);
  }
  for (let i = 0; i < data.rows.length; i += batch) {
    db.transaction(() => {
      for (const change of data.rows.slice(i, i + batch)) {
        const rowid = putRow(db, change, serverVersion);
        if (change.table === 'ocorrencia') indexOcText(db, change.row, rowid);
      }
    })();
  }
  catchUpSearch(db);
  // The log is clustered by OC (WITHOUT ROWID, keyed by oc_id): written OC by OC in key order, it is appended to,
  // not inserted into at random places.
  const ocIds = [...eventsByOc.keys()].sort();
  for (let i = 0; i < ocIds.length; i += batch) {
    db.transaction(() => {
      for (const ocId of ocIds.slice(i, i + batch)) insertEvents(db, eventsByOc.get(ocId) as OcEvent[], false, serverVersion);
    })();
  }
  for (let i = 0; i < ocIds.length; i += batch) {
    db.transaction(() => {
      for (const ocId of ocIds.slice(i, i + batch)) {
        const events = (eventsByOc.get(ocId) as OcEvent[]).sort((a, b) => a.at - b.at);
        writeSlaColumns(db, ocId, slaColumns(events));
      }
    })();
  }
};
