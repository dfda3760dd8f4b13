/**
 * Server-clock offset, NTP-style (SPEC §3 rule 10, §6 "a desktop clock that is 10 minutes wrong"): each round trip
 * gives offset = serverTime − (sent + received) / 2 with an error of at most half its round-trip time, so the
 * estimate kept is the one of the fastest of the last few round trips.
 */
export class ClockOffset {
  private samples: Array<{ offset: number; rtt: number }> = [];

  constructor(private current: number, private readonly keep = 8) {}

  /** `sentAt` and `receivedAt` are read from the machine's own (uncorrected) clock. */
  addSample(sentAt: number, serverTime: number, receivedAt: number): void {
    const rtt = Math.max(0, receivedAt - sentAt);
    this.samples.push({ offset: serverTime - (sentAt + receivedAt) / 2, rtt });
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
