import type { Clock } from '../../shared/time';

/**
 * Token buckets per key (login attempts per address and login, Extranet intake per contact — SPEC §7). Per node:
 * several nodes each allow the limit, which still bounds guessing to a small multiple.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly clock: Clock, private readonly capacity: number, private readonly perMinute: number) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.clock.now();
    const refill = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * refill);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.prune(now, refill);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      return 0;
    }
    this.buckets.set(key, bucket);
    return Math.ceil((1 - bucket.tokens) / refill / 1_000);
  }

  private prune(now: number, refill: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * refill >= this.capacity) this.buckets.delete(key);
  }
}
