import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../../src/renderer/lib/api/transport';
import { createApiClient } from '../../../../src/renderer/lib/api/client';
import { createReportsStore } from '../../../../src/renderer/features/reports/reports-store';

/** A transport whose answers the test releases one by one, in any order. */
const heldTransport = () => {
  const held: Array<{ method: string; args: unknown; release: (value: unknown) => void }> = [];
  const transport: Transport = {
    invoke: (method, args) => new Promise((resolve) => held.push({ method, args, release: (value) => resolve({ ok: true, value }) })),
    subscribe: () => () => undefined,
  };
  return { transport, held };
};

const report = (month: string, customers: number) => ({
  month,
  timeZone: 'America/Sao_Paulo',
  rows: Array.from({ length: customers }, (_, i) => ({ customerId: `c${i}`, customerName: `Cliente ${i}`, cnpj: '40624742000102', plan: 'vip', monthlyFeeCents: 1, breaches: 1, uncappedCents: 1, capCents: 1, penaltyCents: 1, capped: false })),
  totals: { customers, breaches: customers, penaltyCents: customers },
});

const NOW = Date.parse('2026-12-07T12:00:00Z');
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('reports store', () => {
  it('the penalties of the month asked last are shown, even when the answer for the month opened first comes later', async () => {
    const { transport, held } = heldTransport();
    const store = createReportsStore(createApiClient(transport), () => NOW, 'America/Sao_Paulo', () => undefined);
    store.getState().setTab('penalties'); // opens on this month's report
    expect(held.map((h) => h.args)).toEqual([{ month: '2026-12' }]);
    store.getState().setMonth('2026-11'); // picking the month runs its report
    expect(held.map((h) => h.args)).toEqual([{ month: '2026-12' }, { month: '2026-11' }]);
    held[1]?.release(report('2026-11', 62));
    await tick();
    held[0]?.release(report('2026-12', 32));
    await tick();
    expect(store.getState().penalties.data?.month).toBe('2026-11');
    expect(store.getState().penalties.data?.rows).toHaveLength(62);
    expect(store.getState().penalties.loading).toBe(false);
  });

  it('a statement opens for the month the table shows, not for a month picked whose report has not arrived', async () => {
    const { transport, held } = heldTransport();
    const store = createReportsStore(createApiClient(transport), () => NOW, 'America/Sao_Paulo', () => undefined);
    const run = store.getState().runPenalties();
    held[0]?.release(report('2026-12', 2));
    await run;
    store.getState().setMonth('2026-10');
    expect(held[1]).toMatchObject({ method: 'reports.penalties', args: { month: '2026-10' } });
    void store.getState().openStatement('c1');
    expect(held[2]).toMatchObject({ method: 'reports.penaltyDetail', args: { customerId: 'c1', month: '2026-12' } });
  });

  it('every choice runs the open tab again: breakdown and filters the compliance, the period the tab on screen', async () => {
    const { transport, held } = heldTransport();
    const store = createReportsStore(createApiClient(transport), () => NOW, 'America/Sao_Paulo', () => undefined);
    const methods = () => held.map((h) => h.method);
    store.getState().toggleDimension('analyst');
    expect(held.at(-1)).toMatchObject({ method: 'reports.compliance', args: { groupBy: ['plan', 'analyst'] } });
    store.getState().setFilters({ plans: ['vip'] });
    expect(held.at(-1)).toMatchObject({ method: 'reports.compliance', args: { plans: ['vip'] } });
    store.getState().setGranularity('month');
    expect(held.at(-1)).toMatchObject({ method: 'reports.compliance', args: { granularity: 'month' } });
    expect(methods()).toEqual(['reports.compliance', 'reports.compliance', 'reports.compliance']);
    store.getState().setTab('volume'); // opens on its own report
    store.getState().setPreset('last7');
    expect(methods().slice(3)).toEqual(['reports.volume', 'reports.volume']);
    expect(held.at(-1)?.args).toMatchObject({ granularity: 'month' });
    store.getState().setDates('2026-11-01', '2026-11-30');
    expect(held.at(-1)).toMatchObject({ method: 'reports.volume', args: { from: Date.parse('2026-11-01T03:00:00Z'), to: Date.parse('2026-12-01T03:00:00Z') } });
    store.getState().setDates('2026-11-30', '2026-11-01'); // an impossible period is said, not sent
    expect(held).toHaveLength(6);
    expect(store.getState().volume.error?.code).toBe('INVALID_PERIOD');
  });

  it('the table of a tab is written by the core and handed to the file saver; a refusal is kept to show', async () => {
    const saved: string[] = [];
    const answers: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [
      { ok: true, value: { fileName: 'volume-2026-11-01-2026-11-30.pdf', mimeType: 'application/pdf', base64: 'JVBERg==' } },
      { ok: false, error: { kind: 'domain_error', code: 'INVALID_ARGS', message: { 'pt-BR': 'não', en: 'no' } } },
    ];
    const calls: Array<{ method: string; args: unknown }> = [];
    const transport: Transport = {
      invoke: (method, args) => {
        calls.push({ method, args });
        return Promise.resolve(answers.shift() as never);
      },
      subscribe: () => () => undefined,
    };
    const store = createReportsStore(createApiClient(transport), () => NOW, 'America/Sao_Paulo', (file) => saved.push(file.fileName));
    const table = { fileName: 'volume-2026-11-01-2026-11-30', table: { title: 'Volume', columns: [{ header: 'Período' }], rows: [['nov/2026']] } };
    await store.getState().exportTable('volume', 'pdf', 'pt-BR', table);
    expect(calls[0]).toEqual({ method: 'reports.exportTable', args: { table: table.table, format: 'pdf', fileName: table.fileName, lang: 'pt-BR' } });
    expect(saved).toEqual(['volume-2026-11-01-2026-11-30.pdf']);
    expect(store.getState().tableExported).toEqual({ tab: 'volume', fileName: 'volume-2026-11-01-2026-11-30.pdf' });
    await store.getState().exportTable('volume', 'csv', 'pt-BR', table);
    expect(saved).toHaveLength(1);
    expect(store.getState().tableExportError?.code).toBe('INVALID_ARGS');
    expect(store.getState().tableExport).toBeNull();
  });

  it('an earlier volume or compliance answer does not replace a later one', async () => {
    const { transport, held } = heldTransport();
    const store = createReportsStore(createApiClient(transport), () => NOW, 'America/Sao_Paulo', () => undefined);
    const first = store.getState().runVolume();
    const second = store.getState().runVolume();
    held[1]?.release({ marker: 'second' });
    held[0]?.release({ marker: 'first' });
    await Promise.all([first, second]);
    expect(store.getState().volume.data).toEqual({ marker: 'second' });
    const c1 = store.getState().runCompliance();
    const c2 = store.getState().runCompliance();
    held[3]?.release({ marker: 'second' });
    held[2]?.release({ marker: 'first' });
    await Promise.all([c1, c2]);
    expect(store.getState().compliance.data).toEqual({ marker: 'second' });
  });
});
