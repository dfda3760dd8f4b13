import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dropLocalEvents, eventsOf, insertEvents } from '../../../../src/core/db/events';
import { runMigrations } from '../../../../src/core/db/migrations';
import { dropLocalEvent, hasLocalEvents } from '../../../../src/core/db/sync-events';
import type { OcEvent } from '../../../../src/shared/domain';

const event = (id: string, ocId: string, at: number): OcEvent => ({
  id, ocId, at, actorId: 'a1', actorName: 'Ana',
  data: { type: 'interaction_added', interactionId: `i-${id}`, kind: 'internal_note', customerVisibleAgentAction: false },
});

const fresh = () => {
  const db = new Database(':memory:');
  runMigrations(db);
  return db;
};

describe('event log', () => {
  it('reads an OC log by instant, then in the order written (not by id), and only that OC', () => {
    const db = fresh();
    insertEvents(db, [event('z', 'oc-1', 10), event('m', 'oc-2', 10)], false, 3);
    insertEvents(db, [event('a', 'oc-1', 10), event('b', 'oc-1', 5)], true);
    expect(eventsOf(db, 'oc-1').map((e) => e.id)).toEqual(['b', 'z', 'a']);
    expect(eventsOf(db, 'oc-2').map((e) => e.id)).toEqual(['m']);
  });

  it('keeps an event already present as it is (a pull repeating what the log has)', () => {
    const db = fresh();
    insertEvents(db, [event('z', 'oc-1', 10)], true);
    insertEvents(db, [{ ...event('z', 'oc-1', 99) }], false, 8);
    expect(eventsOf(db, 'oc-1').map((e) => e.at)).toEqual([10]);
    expect(db.prepare('SELECT local, server_version FROM oc_event').get()).toEqual({ local: 1, server_version: 0 });
  });

  it('drops optimistic events one by one or all at once, and never a confirmed one', () => {
    const db = fresh();
    insertEvents(db, [event('c', 'oc-1', 1)], false, 2);
    insertEvents(db, [event('l1', 'oc-1', 2), event('l2', 'oc-2', 3)], true);
    dropLocalEvent(db, 'oc-1', 'c');
    dropLocalEvent(db, 'oc-1', 'l1');
    expect(eventsOf(db, 'oc-1').map((e) => e.id)).toEqual(['c']);
    expect(hasLocalEvents(db)).toBe(true);
    expect(dropLocalEvents(db)).toEqual(['oc-2']);
    expect(hasLocalEvents(db)).toBe(false);
    expect(eventsOf(db, 'oc-1').map((e) => e.id)).toEqual(['c']);
  });
});
