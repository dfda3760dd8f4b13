import { parseTimeOfDay } from './time-zone';

// Open hours of one local date as wall-minute spans, before they are converted to instants (calendar.ts).

/** [startMinute, endMinute) of a local day. */
export type MinuteSpan = readonly [number, number];

const normalize = (spans: readonly MinuteSpan[]): MinuteSpan[] => {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
};

export const subtract = (spans: readonly MinuteSpan[], closed: readonly MinuteSpan[]): MinuteSpan[] => {
  let result = [...spans];
  for (const [cs, ce] of closed) {
    const next: MinuteSpan[] = [];
    for (const [s, e] of result) {
      if (ce <= s || cs >= e) next.push([s, e]);
      else {
        if (cs > s) next.push([s, cs]);
        if (ce < e) next.push([ce, e]);
      }
    }
    result = next;
  }
  return result;
};

export const toSpans = (intervals: readonly { start: string; end: string }[]): MinuteSpan[] =>
  normalize(intervals.map((i) => [parseTimeOfDay(i.start), parseTimeOfDay(i.end)] as const));
