import type { Db } from './connection';
import { stmt } from './statements';

// Small event-log queries of the sync client's rebase (core/sync/rebase.ts).

/** Whether unconfirmed (optimistic) events are still in the log. */
export const hasLocalEvents = (db: Db): boolean => stmt(db, 'SELECT 1 FROM oc_event WHERE local = 1 LIMIT 1').get() !== undefined;

/** Drops the optimistic copy of one event before its server copy (same deterministic id) is written. */
export const dropLocalEvent = (db: Db, ocId: string, eventId: string): void => {
  stmt(db, 'DELETE FROM oc_event WHERE oc_id = ? AND id = ? AND local = 1').run(ocId, eventId);
};
