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
    store.getState().setMonth('2026-11');
    const run = store.getState().runPenalties();
    expect(held.map((h) => h.args)).toEqual([{ month: '2026-12' }, { month: '2026-11' }]);
    held[1]?.release(report('2026-11', 62));
    await run;
    held[0]?.release(report('2026-12', 32));
    await tick();
    expect(store.getState().penalties.data?.month).toBe('2026-11');
    expect(store.getState().penalties.data?.rows).toHaveLength(62);
    expect(store.getState().penalties.loading).toBe(false);
  });

  it('a statement opens for the month the table shows, not for a month picked and not yet run', async () => {
    const { transport, held } = heldTransport();
    const store = createReportsStore(createApiClient(transport), () => NOW, 'America/Sao_Paulo', () => undefined);
    const run = store.getState().runPenalties();
    held[0]?.release(report('2026-12', 2));
    await run;
    store.getState().setMonth('2026-10');
    void store.getState().openStatement('c1');
    expect(held[1]).toMatchObject({ method: 'reports.penaltyDetail', args: { customerId: 'c1', month: '2026-12' } });
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
