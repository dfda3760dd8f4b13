import type { Lang } from '../../i18n/define';
import { DISPLAY_TIME_ZONE } from '../../lib/format';

// Compact instants for the wall: read at a glance, short enough for a 200-unit column.
const formats = new Map<string, Intl.DateTimeFormat>();
const formatter = (lang: Lang, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const id = `${lang}|${key}`;
  let format = formats.get(id);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, { timeZone: DISPLAY_TIME_ZONE, ...options });
    formats.set(id, format);
  }
  return format;
};

const DAY = 86_400_000;

/** "16:54" today, "sáb 08:10" within the week, "30/11 08:10" beyond. */
export const boardWhen = (instant: number, now: number, lang: Lang): { text: string; today: boolean } => {
  const day = formatter(lang, 'day', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = formatter(lang, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  if (day.format(instant) === day.format(now)) return { text: time, today: true };
  if (Math.abs(instant - now) < 6 * DAY) {
    const weekday = formatter(lang, 'weekday', { weekday: 'short' }).format(instant).replace('.', '');
    return { text: `${weekday} ${time}`, today: false };
  }
  return { text: `${formatter(lang, 'date', { day: '2-digit', month: '2-digit' }).format(instant)} ${time}`, today: false };
};
