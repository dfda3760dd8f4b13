/** Beyond what two round trips' error allows, a disagreement this large means the machine's clock jumped. */
const JUMP_TOLERANCE_MS = 1_000;

/**
 * Server-clock offset, NTP-style (SPEC §3 rule 10, §6 "a desktop clock that is 10 minutes wrong"): each round trip
 * gives offset = serverTime − (sent + received) / 2 with an error of at most half its round-trip time, so the
 * estimate kept is the one of the fastest of the last few round trips — unless a new sample cannot be reconciled
 * with it (their error bounds, plus a second, do not overlap): the machine's clock jumped (a laptop that slept
 * and woke with its clock off, a manual change), the older samples describe a clock that no longer exists, and
 * the new one is the estimate from then on.
 */
export class ClockOffset {
  private samples: Array<{ offset: number; rtt: number }> = [];

  constructor(private current: number, private readonly keep = 8) {}

  /** `sentAt` and `receivedAt` are read from the machine's own (uncorrected) clock. */
  addSample(sentAt: number, serverTime: number, receivedAt: number): void {
    const rtt = Math.max(0, receivedAt - sentAt);
    const sample = { offset: serverTime - (sentAt + receivedAt) / 2, rtt };
    const jumped = this.samples.some((s) => Math.abs(s.offset - sample.offset) > (s.rtt + sample.rtt) / 2 + JUMP_TOLERANCE_MS);
    if (jumped) this.samples = [];
    this.samples.push(sample);
    if (this.samples.length > this.keep) this.samples.shift();
    const best = this.samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    this.current = Math.round(best.offset);
  }

  get offsetMs(): number {
    return this.current;
  }

  get measured(): boolean {
    return this.samples.length > 0;
  }

  /** The machine's clock jumped (suspend, manual change): older samples no longer describe it. */
  reset(): void {
    this.samples = [];
  }
}

/** Exponential backoff with full jitter: a fleet of desktops coming back online does not retry in lockstep. */
export const backoffDelay = (attempt: number, random: () => number, baseMs = 500, maxMs = 30_000): number => {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
