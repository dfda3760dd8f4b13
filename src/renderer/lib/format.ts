import type { Lang } from '../i18n/define';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
export const DISPLAY_TIME_ZONE = 'America/Sao_Paulo';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A compact duration for countdowns: "3d 04h", "5h 12m", "42m", "9m 05s". Seconds appear only in the last
 * ten minutes, where they matter; above that a ticking second would only add noise.
 */
export const formatDuration = (ms: number): string => {
  const abs = Math.abs(ms);
  if (abs >= DAY) return `${Math.floor(abs / DAY)}d ${pad(Math.floor((abs % DAY) / HOUR))}h`;
  if (abs >= HOUR) return `${Math.floor(abs / HOUR)}h ${pad(Math.floor((abs % HOUR) / MINUTE))}m`;
  if (abs >= 10 * MINUTE) return `${Math.floor(abs / MINUTE)}m`;
  return `${Math.floor(abs / MINUTE)}m ${pad(Math.floor((abs % MINUTE) / 1_000))}s`;
};

/** Signed countdown: "1h 20m" before the deadline, "−1h 20m" after it. */
export const formatCountdown = (remainingMs: number): string => (remainingMs < 0 ? `−${formatDuration(remainingMs)}` : formatDuration(remainingMs));

const formats = new Map<string, Intl.DateTimeFormat>();
/** One cached Intl formatter per language and shape, in the display time zone. */
export const formatter = (lang: Lang, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const id = `${lang}|${key}`;
  let format = formats.get(id);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, { timeZone: DISPLAY_TIME_ZONE, ...options });
    formats.set(id, format);
  }
  return format;
};

export const formatTime = (instant: number, lang: Lang): string =>
  formatter(lang, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

export const formatDateTime = (instant: number, lang: Lang): string =>
  formatter(lang, 'datetime', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

export const formatShortDateTime = (instant: number, lang: Lang): string =>
  formatter(lang, 'short', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/** "10:42" today, "25 nov 10:42" otherwise. */
export const formatWhen = (instant: number, now: number, lang: Lang): string => {
  const sameDay = formatter(lang, 'day', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return sameDay.format(instant) === sameDay.format(now) ? formatTime(instant, lang) : formatShortDateTime(instant, lang);
};

const numbers = new Map<string, Intl.NumberFormat>();
/** One cached Intl number formatter per language and shape: numbers are always written in the UI language. */
const numberFormat = (lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const id = `${lang}|${key}`;
  let format = numbers.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, options);
    numbers.set(id, format);
  }
  return format;
};

/** A quantity: "2.002" in pt-BR, "2,002" in English; up to two decimals ("1,5" / "1.5"). */
export const formatNumber = (value: number, lang: Lang): string => numberFormat(lang, 'count', { maximumFractionDigits: 2 }).format(value);

/** A percentage given as 0–100, with a fixed number of decimals: "82,5%" / "82.5%", "100%" with `digits` 0. */
export const formatPercent = (percent: number, lang: Lang, digits = 1): string =>
  numberFormat(lang, `pct${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(percent / 100);

/** Money in reais, in the UI language: "R$ 1.500,00" / "R$1,500.00". */
export const formatMoney = (cents: number, lang: Lang): string => numberFormat(lang, 'brl', { style: 'currency', currency: 'BRL' }).format(cents / 100);

/** "datetime-local" input value in São Paulo time, and back (the support team's contract time zone). */
export const toLocalInput = (instant: number): string => {
  const parts = formatter('en', 'input', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
};

export const fromLocalInput = (value: string): number | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  // Find the instant whose São Paulo wall time is the input: start from UTC and correct by the zone's offset,
  // twice, so an offset that changes between the guess and the answer (a DST edge) is taken into account.
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = wall - (fromParts(wall) - wall);
  return wall - (fromParts(first) - first);
};

const fromParts = (instant: number): number => {
  const parts = formatter('en', 'input', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
};

/** A calendar date "2026-12-24" as the UI language writes it: "24/12/2026" / "12/24/2026" (the input as is when it is not one). */
export const formatIsoDate = (date: string, lang: Lang): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return date;
  return formatter(lang, 'iso-date', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
};

/** "2026-11" → "novembro de 2026" / "November 2026". */
export const formatMonth = (month: string, lang: Lang): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
};
