import { describe, expect, it } from 'vitest';
import { monthlyPenalties, penaltiesByCustomer, type ResolutionBreach } from '../../../../src/shared/sla/penalties';
import { v1 } from './sla-fixtures';

// SPEC §3: 2 % (Prata), 3 % (Ouro), 5 % (VIP) of the monthly fee per resolution breach, capped at 30 % a month.
const policy = { penaltyPct: v1.penaltyPct, penaltyCapPct: v1.penaltyCapPct };
const at = (iso: string): number => Date.parse(iso);
const breaches = (n: number, plan: ResolutionBreach['plan'], day = '2027-03-10'): ResolutionBreach[] =>
  Array.from({ length: n }, (_, i) => ({ ocId: `oc-${plan}-${i}`, breachedAt: at(`${day}T10:${String(i).padStart(2, '0')}:00-03:00`), plan }));

describe('monthly penalties', () => {
  it('charges the plan percentage per breach', () => {
    const [march] = monthlyPenalties({ id: 'c1', monthlyFeeCents: 1_000_000 }, breaches(2, 'ouro'), policy);
    expect(march).toMatchObject({ customerId: 'c1', month: '2027-03', breaches: 2, uncappedCents: 60_000, penaltyCents: 60_000, capCents: 300_000, capped: false });
    expect(march?.details.map((d) => [d.pct, d.penaltyCents, d.chargedCents])).toEqual([
      [3, 30_000, 30_000],
      [3, 30_000, 30_000],
    ]);
  });

  it('caps at 30 % of the fee; the breach that crosses the cap is charged in part', () => {
    const [march] = monthlyPenalties({ id: 'c1', monthlyFeeCents: 1_010 }, breaches(7, 'vip'), policy);
    // 5 % of 1 010 = 50.5 → 51 per breach; cap 303: five full (255), the sixth 48, the seventh nothing.
    expect(march).toMatchObject({ breaches: 7, uncappedCents: 357, capCents: 303, penaltyCents: 303, capped: true });
    expect(march?.details.map((d) => d.chargedCents)).toEqual([51, 51, 51, 51, 51, 48, 0]);
  });

  it('counts a breach in its São Paulo month, uses the plan at the breach, and counts an OC once', () => {
    const result = monthlyPenalties(
      { id: 'c1', monthlyFeeCents: 100_000 },
      [
        { ocId: 'a', breachedAt: at('2027-04-01T02:30:00Z'), plan: 'prata' }, // 31 March 23:30 in São Paulo
        { ocId: 'b', breachedAt: at('2027-04-01T03:00:00Z'), plan: 'ouro' }, // 1 April 00:00
        { ocId: 'b', breachedAt: at('2027-04-02T15:00:00Z'), plan: 'ouro' },
      ],
      policy,
    );
    expect(result.map((m) => [m.month, m.breaches, m.penaltyCents])).toEqual([
      ['2027-03', 1, 2_000],
      ['2027-04', 1, 3_000],
    ]);
  });

  it('groups many customers and omits those without breaches', () => {
    const result = penaltiesByCustomer(
      [{ id: 'c1', monthlyFeeCents: 100_000 }, { id: 'c2', monthlyFeeCents: 50_000 }, { id: 'c3', monthlyFeeCents: 1 }],
      [
        { customerId: 'c2', ocId: 'x', breachedAt: at('2027-03-10T12:00:00Z'), plan: 'vip' },
        { customerId: 'c1', ocId: 'y', breachedAt: at('2027-02-10T12:00:00Z'), plan: 'prata' },
      ],
      policy,
    );
    expect(result.map((m) => [m.customerId, m.month, m.penaltyCents])).toEqual([
      ['c1', '2027-02', 2_000],
      ['c2', '2027-03', 2_500],
    ]);
  });
});
