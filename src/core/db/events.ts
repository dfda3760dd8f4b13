import type { OcEvent } from '../../shared/domain';
import type { Db } from './connection';
import { docs } from './rows';
import { stmt } from './statements';

/** Appends events; `local` marks optimistic ones a rebase may drop. An event already present is kept as is. */
export const insertEvents = (db: Db, events: readonly OcEvent[], local: boolean, serverVersion = 0): void => {
  const insert = stmt(db, 'INSERT OR IGNORE INTO oc_event (id, oc_id, at, type, doc, local, server_version) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const event of events) insert.run(event.id, event.ocId, event.at, event.data.type, JSON.stringify(event), local ? 1 : 0, serverVersion);
};

/** A confirmed copy from the server replaces the optimistic one (same deterministic id). */
export const confirmEvent = (db: Db, event: OcEvent, serverVersion: number): void => {
  stmt(db, 'DELETE FROM oc_event WHERE id = ? AND local = 1').run(event.id);
  insertEvents(db, [event], false, serverVersion);
};

export const eventsOf = (db: Db, ocId: string): OcEvent[] =>
  docs<OcEvent>(stmt(db, 'SELECT doc FROM oc_event WHERE oc_id = ? ORDER BY at, rowid').all(ocId) as { doc: string }[]);

/** Drops every unconfirmed event (rebase) and returns the OCs they belonged to. */
export const dropLocalEvents = (db: Db): string[] => {
  const ocIds = (stmt(db, 'SELECT DISTINCT oc_id FROM oc_event WHERE local = 1').all() as { oc_id: string }[]).map((r) => r.oc_id);
  stmt(db, 'DELETE FROM oc_event WHERE local = 1').run();
  return ocIds;
};
