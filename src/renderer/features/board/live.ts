import { AT_RISK_PCT, type BoardClock, type BoardSnapshot } from '../../../shared/api/lead-views';

// The board between two snapshots. Deadlines are instants, so "now" alone moves a clock from "breaching next" to
// "breached now" — with no call to the core, which is what keeps the board counting when the server (or the
// core's socket) is gone. The next snapshot confirms it.

export interface LiveBoard {
  next: BoardClock[];
  breached: BoardClock[];
  breachedCount: number;
  atRiskCount: number;
  /** Keys of every breach on screen, `${ocId}:${clock}`: a key never seen before is a new breach (sound cue). */
  breachKeys: string[];
}

export const breachKey = (clock: Pick<BoardClock, 'ocId' | 'clock'>): string => `${clock.ocId}:${clock.clock}`;

export const liveBoard = (snapshot: BoardSnapshot, now: number): LiveBoard => {
  const next: BoardClock[] = [];
  const justBreached: BoardClock[] = [];
  for (const clock of snapshot.nextBreaches) {
    if (clock.dueAt !== null && clock.dueAt <= now) justBreached.push({ ...clock, breachedAt: clock.dueAt });
    else next.push(clock);
  }
  const known = new Set(snapshot.breached.map((c) => c.ocId));
  const fresh = justBreached.filter((c) => !known.has(c.ocId)).sort((a, b) => (b.breachedAt as number) - (a.breachedAt as number));
  const breached = [...fresh, ...snapshot.breached];
  return {
    next,
    breached,
    breachedCount: snapshot.breachedCount + fresh.length,
    // A clock that just breached was at risk a moment ago; it now counts as breached instead.
    atRiskCount: Math.max(0, snapshot.atRiskCount - justBreached.filter((c) => c.percent >= AT_RISK_PCT).length),
    breachKeys: [...snapshot.breached.map(breachKey), ...justBreached.map(breachKey)],
  };
};

/** Items of one page when `perPage` fit: the page shown at `now` turns every `periodMs` (one shared tick). */
export const pageAt = <T>(items: readonly T[], perPage: number, now: number, periodMs: number): { items: T[]; page: number; pages: number } => {
  const size = Math.max(1, perPage);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.floor(now / periodMs) % pages;
  return { items: items.slice(page * size, page * size + size), page, pages };
};
