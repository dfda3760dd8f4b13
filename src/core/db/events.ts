import type { OcEvent } from '../../shared/domain';
import type { Db } from './connection';
import { docs } from './rows';
import { stmt } from './statements';

/**
 * Appends events; `local` marks optimistic ones a rebase may drop. An event already present is kept as is.
 * `seq` numbers an OC's events in the order they were written (the tie-break between same-instant events).
 */
export const insertEvents = (db: Db, events: readonly OcEvent[], local: boolean, serverVersion = 0): void => {
  const insert = stmt(db, `INSERT OR IGNORE INTO oc_event (oc_id, id, seq, at, type, doc, local, server_version)
    VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM oc_event WHERE oc_id = ?), ?, ?, ?, ?, ?)`);
  for (const event of events) {
    insert.run(event.ocId, event.id, event.ocId, event.at, event.data.type, JSON.stringify(event), local ? 1 : 0, serverVersion);
  }
};

/** An OC's log in order: by instant, then as written. */
export const eventsOf = (db: Db, ocId: string): OcEvent[] =>
  docs<OcEvent>(stmt(db, 'SELECT doc FROM oc_event WHERE oc_id = ? ORDER BY at, seq').all(ocId) as { doc: string }[]);

/** Drops every unconfirmed event (rebase) and returns the OCs they belonged to. */
export const dropLocalEvents = (db: Db): string[] => {
  const ocIds = (stmt(db, 'SELECT DISTINCT oc_id FROM oc_event WHERE local = 1').all() as { oc_id: string }[]).map((r) => r.oc_id);
  stmt(db, 'DELETE FROM oc_event WHERE local = 1').run();
  return ocIds;
};
