import type { Lang } from '../../i18n/define';
import { formatter } from '../../lib/format';

// Compact instants for the wall: read at a glance, short enough for a 200-unit column (keys prefixed 'board-').

const DAY = 86_400_000;

/** "16:54" today, "sáb 08:10" within the week, "30/11 08:10" beyond. */
export const boardWhen = (instant: number, now: number, lang: Lang): { text: string; today: boolean } => {
  const day = formatter(lang, 'board-day', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = formatter(lang, 'board-time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  if (day.format(instant) === day.format(now)) return { text: time, today: true };
  if (Math.abs(instant - now) < 6 * DAY) {
    const weekday = formatter(lang, 'board-weekday', { weekday: 'short' }).format(instant).replace('.', '');
    return { text: `${weekday} ${time}`, today: false };
  }
  return { text: `${formatter(lang, 'board-date', { day: '2-digit', month: '2-digit' }).format(instant)} ${time}`, today: false };
};

const numbers = new Map<string, Intl.NumberFormat>();
const numberFormat = (lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const id = `${lang}|${key}`;
  let format = numbers.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, options);
    numbers.set(id, format);
  }
  return format;
};

/** "1.234" in pt-BR, "1,234" in English. */
export const formatCount = (n: number, lang: Lang): string => numberFormat(lang, 'count', {}).format(n);

/** "82,5%" / "82.5%"; whole at 0 and 100 (a one-decimal 100,0% would read as a rounding). */
export const formatPercent = (pct: number, lang: Lang): string => {
  const whole = pct >= 99.95 || pct === 0;
  return numberFormat(lang, whole ? 'pct0' : 'pct1', { style: 'percent', minimumFractionDigits: whole ? 0 : 1, maximumFractionDigits: whole ? 0 : 1 }).format(whole ? Math.round(pct) / 100 : pct / 100);
};
