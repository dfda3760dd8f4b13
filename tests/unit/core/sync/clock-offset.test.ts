import { describe, expect, it } from 'vitest';
import { ClockOffset } from '../../../../src/core/sync/clock-offset';

// Each case: round trips as [sentAt, serverTime, receivedAt] on the machine's clock, and the offset expected after.
const cases: Array<[string, Array<[number, number, number]>, number]> = [
  ['one round trip: the midpoint', [[1_000, 1_600, 1_200]], 500],
  ['the fastest of several wins', [[0, 5_000, 400], [1_000, 6_010, 1_020], [2_000, 7_300, 2_600]], 5_000],
  // A slow round trip that still fits the fast one's error bounds is not a jump: the fast one stays.
  ['a slow sample within the error bounds', [[0, 5_000, 20], [1_000, 6_900, 2_600]], 4_990],
  // The laptop slept and woke 47 minutes fast: the old fast samples describe a clock that no longer exists.
  ['the clock jumped forward', [[0, 5_000, 20], [100, 5_100, 120], [3_000_000, 5_000 + 3_000_010 - 2_820_000, 3_000_040]], 5_000 - 2_820_000 + 10 - 20],
  ['the clock jumped back', [[0, 5_000, 20], [-2_000_000, 2_000_000 + 5_030, -1_999_980]], 4_005_020],
  ['within a second of drift: the fast sample stays', [[0, 5_000, 20], [60_000, 65_800, 60_100]], 4_990],
];

describe('ClockOffset', () => {
  it.each(cases)('%s', (_name, samples, expected) => {
    const offset = new ClockOffset(0);
    for (const [sentAt, serverTime, receivedAt] of samples) offset.addSample(sentAt, serverTime, receivedAt);
    expect(offset.offsetMs).toBe(expected);
  });
});
