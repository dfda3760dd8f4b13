import { describe, expect, it } from 'vitest';
import { createCustomerHistoryStore, OC_PAGE_SIZE, statusInScope } from '../../../../src/renderer/features/customer-history/customer-history-store';
import { createApiClient } from '../../../../src/renderer/lib/api/client';
import type { CustomerOcScope } from '../../../../src/shared/api/customer-history';
import type { OcStatus } from '../../../../src/shared/domain';
import { fakeTransport } from '../fake-transport';

// The customer's page store: answers checked against the customer and the request they answer, the filter and
// page kept for the way back from an OC, honest paging, and changes followed.

const history = (customerId: string) => ({
  card: { customer: { id: customerId }, contacts: [], missingEligibility: [], openOcs: 1 },
  byStatus: [], openOcs: 1, closedOcs: 0, calls: 0, recados: [], recadosTotal: 0, openRecados: 0,
  compliance: { month: '2026-11', firstResponse: { met: 0, breached: 0, pct: null }, resolution: { met: 0, breached: 0, pct: null } },
});
const row = (id: string, customerId: string) => ({ id, customerId, displayNumber: id });
const ok = (value: unknown) => ({ ok: true as const, value });
const deferred = () => {
  let release = (): void => undefined;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
};

describe('customer history store', () => {
  it('a slow answer for the customer left behind never lands on the one now open', async () => {
    const slow = deferred();
    const fake = fakeTransport(() => ok(null));
    fake.transport.invoke = async (method, args) => {
      const { customerId } = args as { customerId: string };
      if (customerId === 'a') await slow.gate;
      if (method === 'customer.history') return ok(history(customerId));
      if (method === 'customer.ocs') return ok({ rows: [row(`${customerId}-1`, customerId)], total: 1, offset: 0 });
      if (method === 'customer.callLog') return ok({ entries: [], total: 0, offset: 0 });
      return ok({ customerId, month: '2026-11', breaches: 0, monthlyFeeCents: 0, penaltyCents: 0, capCents: 0, capped: false, ocIds: [] });
    };
    const store = createCustomerHistoryStore(createApiClient(fake.transport));
    const first = store.getState().open('a');
    await store.getState().open('b');
    slow.release();
    await first;
    expect(store.getState().customerId).toBe('b');
    expect(store.getState().history?.card.customer.id).toBe('b');
    expect(store.getState().ocs?.rows.map((r) => r.id)).toEqual(['b-1']);
  });

  it('an unknown customer leaves the refusal to show, not a blank page', async () => {
    const refusal = { code: 'NOT_FOUND', message: { 'pt-BR': 'Cliente não encontrado.', en: 'Customer not found.' } };
    const fake = fakeTransport((method) => (method === 'customer.history' ? { ok: false, error: refusal } : ok({ rows: [], total: 0, offset: 0, entries: [] })));
    const store = createCustomerHistoryStore(createApiClient(fake.transport));
    await store.getState().open('ghost');
    expect(store.getState().history).toBeNull();
    expect(store.getState().error).toEqual(refusal);
  });

  it('asks the core for the filter and page chosen; a scope change lets go of a status outside it; back on the same customer keeps both', async () => {
    const fake = fakeTransport((method, args) => {
      if (method === 'customer.ocs') {
        const a = args as { offset: number };
        return ok({ rows: Array.from({ length: a.offset >= 100 ? 20 : OC_PAGE_SIZE }, (_, i) => row(`o${a.offset + i}`, 'c')), total: 120, offset: a.offset });
      }
      if (method === 'customer.history') return ok(history('c'));
      return ok({ entries: [], total: 0, offset: 0 });
    });
    const store = createCustomerHistoryStore(createApiClient(fake.transport));
    await store.getState().open('c');
    await store.getState().setFilter({ status: 'solucionada', sort: 'oldest' });
    await store.getState().page(100);
    const ocCalls = () => fake.calls.filter((c) => c.method === 'customer.ocs').map((c) => c.args);
    expect(ocCalls().at(-1)).toEqual({ customerId: 'c', scope: 'all', sort: 'oldest', offset: 100, limit: OC_PAGE_SIZE, statuses: ['solucionada'] });
    expect(store.getState().ocs?.rows).toHaveLength(20);
    store.getState().rememberOc('o101');
    // The analyst opens an OC and comes back: same filter, same page, the OC remembered for the focus.
    await store.getState().open('c');
    expect(ocCalls().at(-1)).toMatchObject({ sort: 'oldest', offset: 100, statuses: ['solucionada'] });
    expect(store.getState().lastOcId).toBe('o101');
    await store.getState().setFilter({ scope: 'open' });
    expect(store.getState().filter).toEqual({ scope: 'open', status: null, sort: 'oldest' });
    expect(ocCalls().at(-1)).toEqual({ customerId: 'c', scope: 'open', sort: 'oldest', offset: 0, limit: OC_PAGE_SIZE });
    // Another customer starts afresh.
    await store.getState().open('d');
    expect(store.getState().filter).toEqual({ scope: 'all', status: null, sort: 'recent' });
    expect(store.getState().lastOcId).toBeNull();
  });

  it('a page emptied by a change steps back to the last page that has rows', async () => {
    let total = 120;
    const fake = fakeTransport((method, args) => {
      if (method === 'customer.ocs') {
        const { offset } = args as { offset: number };
        const rows = Array.from({ length: Math.max(0, Math.min(OC_PAGE_SIZE, total - offset)) }, (_, i) => row(`o${offset + i}`, 'c'));
        return ok({ rows, total, offset });
      }
      if (method === 'customer.history') return ok(history('c'));
      return ok({ entries: [], total: 0, offset: 0 });
    });
    const store = createCustomerHistoryStore(createApiClient(fake.transport));
    await store.getState().open('c');
    await store.getState().page(100);
    total = 90;
    await store.getState().refresh();
    expect(store.getState().ocs).toMatchObject({ offset: 50, total: 90 });
    expect(store.getState().ocs?.rows).toHaveLength(40);
  });

  it('more calls append the next page without duplicates; the total stays the core’s', async () => {
    const entry = (i: number) => ({ id: `k${i}`, ocId: null, authorName: 'Ana', body: '', createdAt: i, call: { direction: 'inbound', startedAt: i, endedAt: i, contactName: 'X', phone: null }, displayNumber: null });
    const fake = fakeTransport((method, args) => {
      if (method === 'customer.callLog') {
        const { offset, limit } = args as { offset: number; limit: number };
        return ok({ entries: Array.from({ length: Math.min(limit, 45 - offset) }, (_, i) => entry(offset + i)), total: 45, offset });
      }
      if (method === 'customer.history') return ok(history('c'));
      return ok({ rows: [], total: 0, offset: 0 });
    });
    const store = createCustomerHistoryStore(createApiClient(fake.transport));
    await store.getState().open('c');
    expect(store.getState().calls?.entries).toHaveLength(20);
    await store.getState().moreCalls();
    await store.getState().moreCalls();
    await store.getState().moreCalls();
    expect(store.getState().calls?.entries.map((e) => e.id)).toEqual(Array.from({ length: 45 }, (_, i) => `k${i}`));
    expect(store.getState().calls?.total).toBe(45);
    // A refresh keeps as many calls on screen as were shown.
    await store.getState().refresh();
    expect(fake.calls.filter((c) => c.method === 'customer.callLog').at(-1)?.args).toMatchObject({ offset: 0, limit: 45 });
  });

  it('follows changes to OCs, calls and recados (debounced), not unrelated tables', async () => {
    const fake = fakeTransport((method) => ok(method === 'customer.history' ? history('c') : { rows: [], total: 0, offset: 0, entries: [] }));
    const store = createCustomerHistoryStore(createApiClient(fake.transport));
    await store.getState().open('c');
    const disconnect = store.connect();
    const reads = () => fake.calls.filter((c) => c.method === 'customer.history').length;
    const before = reads();
    fake.emit('data.changed', { tables: ['analyst'], ocIds: [] });
    await new Promise((r) => setTimeout(r, 400));
    expect(reads()).toBe(before);
    fake.emit('data.changed', { tables: ['interaction'], ocIds: [] });
    fake.emit('data.changed', { tables: ['recado'], ocIds: [] });
    await new Promise((r) => setTimeout(r, 400));
    expect(reads()).toBe(before + 1);
    disconnect();
    fake.emit('data.changed', { tables: ['ocorrencia'], ocIds: ['o1'] });
    await new Promise((r) => setTimeout(r, 400));
    expect(reads()).toBe(before + 1);
  });
});

describe('statusInScope', () => {
  const cases: Array<[OcStatus, CustomerOcScope, boolean]> = [
    ['nova', 'open', true], ['nova', 'closed', false], ['nova', 'all', true],
    ['aguardando_cliente', 'open', true], ['encaminhada_dev', 'open', true],
    ['solucionada', 'open', false], ['solucionada', 'closed', true],
    ['encerrada', 'closed', true], ['cancelada', 'closed', true], ['cancelada', 'open', false], ['cancelada', 'all', true],
  ];
  for (const [status, scope, expected] of cases) it(`${status} in ${scope}: ${expected}`, () => expect(statusInScope(status, scope)).toBe(expected));
});
