import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue, listQueueColumns } from '../../../../src/core/db/queue';
import { decodeQueueColumns, encodeQueueColumns, QUEUE_COLUMNS } from '../../../../src/shared/api/queue-columns';
import type { QueueFilter } from '../../../../src/shared/api/views';
import { seededCore, type TestCore } from '../../../fixtures/core';

// Issue 14 item 4: the team view travels compact; the renderer must get exactly the rows queue.list gives.
let t: TestCore;
beforeAll(async () => {
  t = await seededCore(600, 9);
  await t.call('session.login', { login: 'ana', password: 'demo' });
  // A local, unconfirmed change (pending) and one assigned OC, so every kind of value is in the view.
  const oc = (await t.call('queue.mine', {})).available[0]!;
  await t.call('oc.take', { ocId: oc.id });
});
afterAll(() => t.close());

const filters: Array<[string, Partial<QueueFilter>]> = [
  ['every open OC', { openOnly: true }],
  ['with the closed ones', { openOnly: false }],
  ['unassigned at N2', { openOnly: true, levels: ['n2'], assigneeId: null }],
];

describe('compact team view', () => {
  it.each(filters)('%s: decoded rows equal queue.list rows, in the same order', (_, partial) => {
    const filter = { limit: 20_000, ...partial } as QueueFilter;
    const now = t.clock.now();
    const rows = listQueue(t.core.db, filter, now);
    expect(rows.length).toBeGreaterThan(0);
    const compact = encodeQueueColumns(listQueueColumns(t.core.db, filter, now));
    expect(compact.count).toBe(rows.length);
    expect(decodeQueueColumns(compact)).toEqual(rows);
  });

  it('holds each repeated string once and is much smaller than the rows', () => {
    const filter = { limit: 20_000, openOnly: false } as QueueFilter;
    const now = t.clock.now();
    const compact = encodeQueueColumns(listQueueColumns(t.core.db, filter, now));
    expect(new Set(compact.strings).size).toBe(compact.strings.length);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(listQueue(t.core.db, filter, now)).length * 0.5);
    expect(compact.values.filter((v) => v === 1).length).toBeGreaterThan(0);
  });

  it('refuses a malformed view instead of building wrong rows', () => {
    expect(() => decodeQueueColumns({ count: 2, strings: [], values: Array.from({ length: QUEUE_COLUMNS.length }, () => null) })).toThrow(/values for 2 rows/);
  });
});
