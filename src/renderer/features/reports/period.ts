import { localMidnight } from '../../../shared/reports/periods';
import { civilFromDays, formatLocalDate, localDaysOf, parseLocalDate } from '../../../shared/sla/time-zone';
import { formatter } from '../../lib/format';

// Report periods are chosen as local dates of the team's time zone (the contract's), inclusive on both ends,
// and sent to the core as the instants [first midnight, midnight after the last day).

export const PERIOD_PRESETS = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface PeriodChoice {
  preset: PeriodPreset;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

const date = (days: number): string => formatLocalDate(civilFromDays(days));

export const presetDates = (preset: PeriodPreset, now: number, timeZone: string, current?: PeriodChoice): PeriodChoice => {
  const today = localDaysOf(timeZone, now);
  const civil = civilFromDays(today);
  switch (preset) {
    case 'last7':
      return { preset, from: date(today - 6), to: date(today) };
    case 'last30':
      return { preset, from: date(today - 29), to: date(today) };
    case 'last90':
      return { preset, from: date(today - 89), to: date(today) };
    case 'thisMonth':
      return { preset, from: date(today - civil.day + 1), to: date(today) };
    case 'lastMonth': {
      const lastDay = today - civil.day;
      return { preset, from: date(lastDay - civilFromDays(lastDay).day + 1), to: date(lastDay) };
    }
    case 'custom':
      return { preset, from: current?.from ?? date(today - 29), to: current?.to ?? date(today) };
  }
};

/** [from, to) instants of a choice; null when a date is malformed or the end is before the start. */
export const periodRange = (choice: PeriodChoice, timeZone: string): { from: number; to: number } | null => {
  const from = parseLocalDate(choice.from);
  const to = parseLocalDate(choice.to);
  if (from === null || to === null || to < from) return null;
  return { from: localMidnight(timeZone, from), to: localMidnight(timeZone, to + 1) };
};

/** "YYYY-MM" of the month holding `now`, or the one before it. */
export const monthOfNow = (now: number, timeZone: string, back = 0): string => {
  const civil = civilFromDays(localDaysOf(timeZone, now));
  const index = civil.year * 12 + (civil.month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

const WEEK = { 'pt-BR': 'sem.', en: 'wk' } as const;

/** "2026-11-25" → "25/11" / "11/25", a week by its Monday "sem. 23/11" / "wk 11/23", "2026-11" → "11/2026" (Intl, UI language). */
export const periodLabel = (key: string, granularity: string, lang: 'pt-BR' | 'en'): string => {
  const [y, m, d] = key.split('-').map(Number);
  if (y === undefined || m === undefined || !Number.isInteger(y) || !Number.isInteger(m)) return key;
  if (d === undefined) return formatter(lang, 'period-month', { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  const day = formatter(lang, 'period-day', { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  return granularity === 'week' ? `${WEEK[lang]} ${day}` : day;
};
