import { isIPv6 } from 'node:net';
import type { Clock } from '../../shared/time';
import type { Database, Sql } from '../db/database';
import type { SubjectKind } from './sessions';

// Login throttling that slows guessing without locking the owner out (SPEC §7). Two counters of failed logins:
//
// - per (login, source address): the first `freeFailures` failures cost nothing (typos); after that each attempt
//   from that address must wait a delay that doubles with every further failure (1 s, 2 s, 4 s … up to
//   `maxDelayMs`). An attempt inside the delay is answered 429 with Retry-After and is not checked at all: the
//   delay is the guesser's alone, and the owner at another address is not touched by it.
// - per login, across every address (the ceiling): once `loginCeiling` failures are on record, every attempt on
//   that login — right or wrong, from anywhere — is held before it is checked (`holdStepMs` more per failure
//   above the ceiling, at most `maxHoldMs`), and a new address gets only `freeFailuresUnderAttack` free
//   failures. That is a delay, never a refusal: the owner with the right password always gets in, a second or
//   three later, while guesses spread over many addresses are slowed to a trickle.
//
// Counters are forgotten after a quiet period (no failure for `pairQuietMs` / `loginQuietMs`); a successful login
// clears its (login, address) counter. An attempt is counted as a failure *before* its password is checked
// (and given back when it succeeds), so a burst of parallel guesses gets no more free attempts than a sequence.
//
// Several nodes: the counters live in the database (login_throttle, migration 008), read and written under row
// locks, so every node sees the same counts and a restart forgets nothing. The cheaper per-address guard against
// one address spraying many logins (`RateLimiter`, rate-limit.ts) stays in each node's memory: N nodes allow N
// times its rate, which still bounds it.

export interface ThrottlePolicy {
  freeFailures: number;
  freeFailuresUnderAttack: number;
  firstDelayMs: number;
  maxDelayMs: number;
  loginCeiling: number;
  holdStepMs: number;
  maxHoldMs: number;
  pairQuietMs: number;
  loginQuietMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  freeFailuresUnderAttack: 1,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  loginCeiling: 20,
  holdStepMs: 250,
  maxHoldMs: 3_000,
  pairQuietMs: 24 * 3_600_000,
  loginQuietMs: 3_600_000,
};

export interface FailureCounter {
  failures: number;
  lastFailureAt: number;
  /** No attempt from this (login, address) before this instant (0: none pending). */
  blockedUntil: number;
}

const EMPTY: FailureCounter = { failures: 0, lastFailureAt: 0, blockedUntil: 0 };

/** A counter as of `now`: forgotten after its quiet period. */
export const current = (counter: FailureCounter | null, quietMs: number, now: number): FailureCounter =>
  counter === null || counter.failures === 0 || now - counter.lastFailureAt >= quietMs ? EMPTY : counter;

/** The delay after the n-th failure beyond the free ones (n ≥ 1): doubling from firstDelayMs, capped. */
export const delayAfter = (policy: ThrottlePolicy, n: number): number =>
  Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(n - 1, 40));

/** How long an attempt on a login is held, given the failures on record for it across all addresses. */
export const holdFor = (policy: ThrottlePolicy, loginFailures: number): number =>
  loginFailures < policy.loginCeiling ? 0 : Math.min(policy.maxHoldMs, policy.holdStepMs * (loginFailures - policy.loginCeiling + 1));

export type Admission =
  | { kind: 'wait'; retryAfterMs: number }
  /** Go ahead after holding `holdMs`; `pair` and `login` are the counters with this attempt counted as a failure. */
  | { kind: 'go'; holdMs: number; pair: FailureCounter; login: FailureCounter };

/** The decision for one attempt (pure: the table-driven tests drive it with a clock of their own). */
export const admit = (policy: ThrottlePolicy, pairBefore: FailureCounter | null, loginBefore: FailureCounter | null, now: number): Admission => {
  const pair = current(pairBefore, policy.pairQuietMs, now);
  const login = current(loginBefore, policy.loginQuietMs, now);
  if (pair.blockedUntil > now) return { kind: 'wait', retryAfterMs: pair.blockedUntil - now };
  const free = login.failures >= policy.loginCeiling ? policy.freeFailuresUnderAttack : policy.freeFailures;
  const failures = pair.failures + 1;
  return {
    kind: 'go',
    holdMs: holdFor(policy, login.failures),
    pair: { failures, lastFailureAt: now, blockedUntil: failures >= free ? now + delayAfter(policy, failures - free + 1) : 0 },
    login: { failures: login.failures + 1, lastFailureAt: now, blockedUntil: 0 },
  };
};

/**
 * The key of a source address: IPv4 as it is (an IPv4-mapped IPv6 address as its IPv4), IPv6 by its /64 — one
 * household or host gets a /64, so counting single IPv6 addresses would give a guesser 2^64 fresh ones.
 */
export const addressKey = (address: string): string => {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped !== null) return mapped[1] as string;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
};

interface Row {
  address: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
}

const counterOf = (row: Row | undefined): FailureCounter | null =>
  row === undefined ? null : { failures: row.failures, lastFailureAt: row.last_failure_at, blockedUntil: row.blocked_until };

/** The policy over the login_throttle table; one short transaction per attempt. */
export class LoginThrottle {
  readonly policy: ThrottlePolicy;

  constructor(private readonly db: Database, private readonly clock: Clock, policy: Partial<ThrottlePolicy> = {}) {
    this.policy = { ...DEFAULT_THROTTLE_POLICY, ...policy };
  }

  /** Decides one attempt and, when it may go ahead, records it as a failure until `succeeded` says otherwise. */
  async admit(kind: SubjectKind, login: string, address: string): Promise<Admission> {
    const now = this.clock.now();
    const key = addressKey(address);
    return this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO login_throttle (kind, login, address, failures, last_failure_at, blocked_until)
        VALUES ($1, $2, '', 0, 0, 0), ($1, $2, $3, 0, 0, 0) ON CONFLICT DO NOTHING`, [kind, login, key]);
      // Always the login's row first, then the address's (''< anything): no two attempts wait on each other in a cycle.
      const { rows } = await tx.query<Row>(`SELECT address, failures, last_failure_at, blocked_until FROM login_throttle
        WHERE kind = $1 AND login = $2 AND address IN ('', $3) ORDER BY address FOR UPDATE`, [kind, login, key]);
      const decision = admit(this.policy, counterOf(rows.find((r) => r.address === key)), counterOf(rows.find((r) => r.address === '')), now);
      if (decision.kind === 'go') {
        await this.write(tx, kind, login, key, decision.pair);
        await this.write(tx, kind, login, '', decision.login);
      }
      return decision;
    });
  }

  /** The password was right: that address starts afresh, and the login's count gives back this attempt. */
  async succeeded(kind: SubjectKind, login: string, address: string): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE kind = $1 AND login = $2 AND address = $3', [kind, login, addressKey(address)]);
    await this.db.query("UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE kind = $1 AND login = $2 AND address = ''", [kind, login]);
  }

  /** Housekeeping: counters quiet for longer than both quiet periods are gone. */
  async purge(): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE last_failure_at < $1', [this.clock.now() - Math.max(this.policy.pairQuietMs, this.policy.loginQuietMs)]);
  }

  private async write(tx: Sql, kind: SubjectKind, login: string, address: string, counter: FailureCounter): Promise<void> {
    await tx.query('UPDATE login_throttle SET failures = $4, last_failure_at = $5, blocked_until = $6 WHERE kind = $1 AND login = $2 AND address = $3',
      [kind, login, address, counter.failures, counter.lastFailureAt, counter.blockedUntil]);
  }
}
