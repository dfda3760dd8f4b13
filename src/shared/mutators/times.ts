import type { MutationContext } from './types';

// Two times belong to every change (SPEC §3 rule 10): when the person acted (their clock, corrected by the
// measured offset) and when the server received it. A change counts at one of them — customer-visible actions
// at the receipt, internal ones at the action — and the history lists changes in the order the server applied
// them. After hours offline the two can be far apart; the history then shows both (issue 13 item 5), so a note
// written at 10:05 and received at 11:00 reads as both, not as out of place. Kept only where they differ by a
// minute or more: an online desktop's changes carry one time, as before.

export const TIMES_DIFFER_MS = 60_000;

/** The time a change does not count at, when it differs from `at` (the one it counts at). */
export const otherTimes = (at: number, ctx: Pick<MutationContext, 'actedAt' | 'receivedAt'>): { actedAt?: number; receivedAt?: number } => {
  if (Math.abs(ctx.receivedAt - ctx.actedAt) < TIMES_DIFFER_MS) return {};
  if (at === ctx.receivedAt) return { actedAt: ctx.actedAt };
  return Math.abs(ctx.receivedAt - at) >= TIMES_DIFFER_MS ? { receivedAt: ctx.receivedAt } : {};
};

/** The order the server applied changes in: by receipt, then by action (a desktop's changes in the order made). */
export const appliedOrder = (item: { at: number; actedAt?: number | undefined; receivedAt?: number | undefined }): [number, number] => [
  item.receivedAt ?? item.at,
  item.actedAt ?? item.at,
];
