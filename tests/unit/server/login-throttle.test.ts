import { describe, expect, it } from 'vitest';
import { addressKey, admit, DEFAULT_THROTTLE_POLICY, delayAfter, holdFor, type FailureCounter } from '../../../src/server/auth/login-throttle';

// The login throttle's policy (issue 15 item 5), table-driven with a clock of the tests' own: the delays of a
// (login, address) pair, the per-login ceiling that holds instead of refusing, the quiet periods.

const P = DEFAULT_THROTTLE_POLICY;
const T0 = Date.parse('2026-03-02T13:00:00Z');
const S = 1_000;
const MIN = 60 * S;

describe('delays and holds', () => {
  it.each([
    [1, 1 * S], [2, 2 * S], [3, 4 * S], [4, 8 * S], [10, 512 * S], [11, 15 * MIN], [60, 15 * MIN], [5_000, 15 * MIN],
  ])('the delay after the %i-th failure beyond the free ones is %i ms', (n, ms) => {
    expect(delayAfter(P, n)).toBe(ms);
  });

  it.each([
    [0, 0], [19, 0], [20, 250], [21, 500], [31, 3_000], [1_000, 3_000],
  ])('with %i failures on record for the login, an attempt is held %i ms', (failures, ms) => {
    expect(holdFor(P, failures)).toBe(ms);
  });
});

type Step = { at: number; expect: 'go' | 'wait'; retryAfterMs?: number; holdMs?: number; outcome?: 'fail' | 'ok' };

/**
 * Plays attempts of one (login, address) pair against a login counter, as LoginThrottle does with its rows:
 * a `go` counts as a failure until it succeeds (then the pair is forgotten and the login gets one back).
 */
const play = (steps: readonly Step[], login: FailureCounter | null = null): Array<{ kind: string; retryAfterMs?: number; holdMs?: number }> => {
  let pair: FailureCounter | null = null;
  let perLogin = login;
  return steps.map((step) => {
    const decision = admit(P, pair, perLogin, step.at);
    if (decision.kind === 'wait') return { kind: 'wait', retryAfterMs: decision.retryAfterMs };
    pair = decision.pair;
    perLogin = decision.login;
    if (step.outcome === 'ok') {
      pair = null;
      perLogin = { ...perLogin, failures: perLogin.failures - 1 };
    }
    return { kind: 'go', holdMs: decision.holdMs };
  });
};

const expected = (steps: readonly Step[]) =>
  steps.map((s) => (s.expect === 'wait' ? { kind: 'wait', retryAfterMs: s.retryAfterMs } : { kind: 'go', holdMs: s.holdMs ?? 0 }));

describe('one (login, address) pair', () => {
  const cases: Array<[string, Step[], FailureCounter | null]> = [
    ['five typos cost nothing; the sixth attempt waits 1 s, then 2 s, then 4 s', [
      { at: T0, expect: 'go' }, { at: T0 + 1, expect: 'go' }, { at: T0 + 2, expect: 'go' }, { at: T0 + 3, expect: 'go' },
      { at: T0 + 4, expect: 'go' },
      { at: T0 + 5, expect: 'wait', retryAfterMs: 1 * S - 1 },
      { at: T0 + 4 + S, expect: 'go' },
      { at: T0 + 5 + S, expect: 'wait', retryAfterMs: 2 * S - 1 },
      { at: T0 + 4 + 3 * S, expect: 'go' },
      { at: T0 + 4 + 3 * S + 3_999, expect: 'wait', retryAfterMs: 1 },
      { at: T0 + 4 + 7 * S, expect: 'go' },
    ], null],
    ['a success clears the pair: five more typos are free again', [
      { at: T0, expect: 'go' }, { at: T0, expect: 'go' }, { at: T0, expect: 'go' }, { at: T0, expect: 'go' },
      { at: T0, expect: 'go', outcome: 'ok' },
      { at: T0 + 1, expect: 'go' }, { at: T0 + 1, expect: 'go' }, { at: T0 + 1, expect: 'go' }, { at: T0 + 1, expect: 'go' }, { at: T0 + 1, expect: 'go' },
      { at: T0 + 2, expect: 'wait', retryAfterMs: S - 1 },
    ], null],
    ['a pair quiet for a day is forgotten', [
      { at: T0, expect: 'go' }, { at: T0, expect: 'go' }, { at: T0, expect: 'go' }, { at: T0, expect: 'go' }, { at: T0, expect: 'go' },
      { at: T0 + 24 * 60 * MIN, expect: 'go' }, { at: T0 + 24 * 60 * MIN, expect: 'go' },
    ], null],
    ['under attack (the ceiling reached): one free failure, and every attempt is held — right or wrong', [
      { at: T0, expect: 'go', holdMs: 250 },
      { at: T0 + 1, expect: 'wait', retryAfterMs: S - 1 },
      { at: T0 + S, expect: 'go', holdMs: 500, outcome: 'ok' },
      { at: T0 + S + 1, expect: 'go', holdMs: 500 },
    ], { failures: 20, lastFailureAt: T0 - MIN, blockedUntil: 0 }],
    ['the ceiling is forgotten an hour after the last failure', [
      { at: T0 + 60 * MIN, expect: 'go', holdMs: 0 },
    ], { failures: 500, lastFailureAt: T0, blockedUntil: 0 }],
    ['a huge ceiling still holds at most 3 s: a delay, never a refusal', [
      { at: T0, expect: 'go', holdMs: 3_000, outcome: 'ok' },
    ], { failures: 100_000, lastFailureAt: T0 - S, blockedUntil: 0 }],
  ];
  it.each(cases)('%s', (_name, steps, login) => {
    expect(play(steps, login)).toEqual(expected(steps));
  });

  it('counts an attempt before its password is checked, so a parallel burst gets only the free ones', () => {
    let pair: FailureCounter | null = null;
    let login: FailureCounter | null = null;
    const kinds: string[] = [];
    // Twenty attempts decided one after the other before any of them finished checking its password.
    for (let i = 0; i < 20; i += 1) {
      const decision = admit(P, pair, login, T0);
      kinds.push(decision.kind);
      if (decision.kind === 'go') ({ pair, login } = decision);
    }
    expect(kinds.filter((k) => k === 'go')).toHaveLength(P.freeFailures);
  });
});

describe('many addresses against one login', () => {
  it('50 wrong passwords from one address leave the owner at another address a bounded hold, never a wait', () => {
    let attacker: FailureCounter | null = null;
    let login: FailureCounter | null = null;
    let now = T0;
    let guesses = 0;
    while (guesses < 50) {
      const decision = admit(P, attacker, login, now);
      if (decision.kind === 'wait') {
        now += decision.retryAfterMs;
        continue;
      }
      ({ pair: attacker, login } = decision);
      guesses += 1;
    }
    // The attacker waited out doubling delays: 45 of them, the last ones 15 minutes each.
    expect(now - T0).toBeGreaterThan(8 * 60 * MIN);
    const owner = admit(P, null, login, now);
    expect(owner.kind).toBe('go');
    expect(owner.kind === 'go' && owner.holdMs).toBeLessThanOrEqual(P.maxHoldMs);
  });
});

describe('address keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not-an-address', 'not-an-address'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
