import type { Plan } from '../domain';
import { DEFAULT_TIME_ZONE } from '../time';
import { civilFromDays, localDaysOf } from './time-zone';

// Penalty accounting per customer and month (SPEC §3: "each resolution breach costs 2 % (Prata), 3 % (Ouro),
// 5 % (VIP) of the monthly fee, capped at 30 % a month"). Inputs are plain values so the server report, the
// board and tests compute the same numbers.

export interface PenaltyCustomer {
  id: string;
  monthlyFeeCents: number;
}

/** An OC whose resolution clock breached (SlaClockState.breachedAt of the resolution clock). */
export interface ResolutionBreach {
  ocId: string;
  breachedAt: number;
  /** The OC's plan when it breached: it sets the percentage. */
  plan: Plan;
}

export interface PenaltyPolicy {
  penaltyPct: Record<Plan, number>;
  penaltyCapPct: number;
}

export interface PenaltyDetail {
  ocId: string;
  breachedAt: number;
  plan: Plan;
  pct: number;
  /** What this breach costs on its own. */
  penaltyCents: number;
  /** What is charged after the monthly cap (breaches are charged in time order). */
  chargedCents: number;
}

export interface MonthlyPenalty {
  customerId: string;
  /** "YYYY-MM" in the accounting time zone. */
  month: string;
  breaches: number;
  monthlyFeeCents: number;
  uncappedCents: number;
  capCents: number;
  penaltyCents: number;
  capped: boolean;
  details: PenaltyDetail[];
}

const monthOf = (instant: number, timeZone: string): string => {
  const { year, month } = civilFromDays(localDaysOf(timeZone, instant));
  return `${year}-${String(month).padStart(2, '0')}`;
};

/**
 * The months with resolution breaches of one customer, oldest first. A breach counts in the month of its
 * breachedAt in America/Sao_Paulo (the contract's time zone), whenever the OC was opened. An OC listed twice
 * counts once (a breach happens once per clock — rule 5), at its earliest breach. Cents are rounded per breach;
 * the cap is applied in breach order, so the detail says which breach was charged only in part.
 */
export const monthlyPenalties = (
  customer: PenaltyCustomer,
  breaches: readonly ResolutionBreach[],
  policy: PenaltyPolicy,
  timeZone: string = DEFAULT_TIME_ZONE,
): MonthlyPenalty[] => {
  const earliest = new Map<string, ResolutionBreach>();
  for (const breach of breaches) {
    const seen = earliest.get(breach.ocId);
    if (seen === undefined || breach.breachedAt < seen.breachedAt) earliest.set(breach.ocId, breach);
  }
  const byMonth = new Map<string, ResolutionBreach[]>();
  for (const breach of earliest.values()) {
    const month = monthOf(breach.breachedAt, timeZone);
    const list = byMonth.get(month) ?? [];
    list.push(breach);
    byMonth.set(month, list);
  }
  const fee = customer.monthlyFeeCents;
  const capCents = Math.round((fee * policy.penaltyCapPct) / 100);
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, list]) => {
      list.sort((a, b) => a.breachedAt - b.breachedAt || (a.ocId < b.ocId ? -1 : 1));
      let charged = 0;
      let uncapped = 0;
      const details = list.map((breach): PenaltyDetail => {
        const pct = policy.penaltyPct[breach.plan];
        const penaltyCents = Math.round((fee * pct) / 100);
        const chargedCents = Math.max(0, Math.min(penaltyCents, capCents - charged));
        charged += chargedCents;
        uncapped += penaltyCents;
        return { ocId: breach.ocId, breachedAt: breach.breachedAt, plan: breach.plan, pct, penaltyCents, chargedCents };
      });
      return {
        customerId: customer.id,
        month,
        breaches: list.length,
        monthlyFeeCents: fee,
        uncappedCents: uncapped,
        capCents,
        penaltyCents: charged,
        capped: uncapped > capCents,
        details,
      };
    });
};

/** The same for many customers: breaches carry their customerId; customers without breaches are omitted. */
export const penaltiesByCustomer = (
  customers: readonly PenaltyCustomer[],
  breaches: readonly (ResolutionBreach & { customerId: string })[],
  policy: PenaltyPolicy,
  timeZone: string = DEFAULT_TIME_ZONE,
): MonthlyPenalty[] => {
  const byCustomer = new Map<string, ResolutionBreach[]>();
  for (const breach of breaches) {
    const list = byCustomer.get(breach.customerId) ?? [];
    list.push(breach);
    byCustomer.set(breach.customerId, list);
  }
  return customers.flatMap((customer) => monthlyPenalties(customer, byCustomer.get(customer.id) ?? [], policy, timeZone));
};
