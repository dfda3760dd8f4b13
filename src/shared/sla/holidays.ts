import type { HolidaySource } from '../domain';
import { checkRegion, rawHolidaysOf, spillsOver, type RawHoliday } from './holiday-memo';
import { civilFromDays, daysFromCivil, formatLocalDate } from './time-zone';

export { holidayYearKey } from './holiday-memo';

// Holidays that close a business calendar (SPEC §3: "Brazilian national holidays (incl. Carnaval Monday/Tuesday
// and Corpus Christi as optional points)"). Public holidays of the chosen country/state/city always close;
// the optional points (pontos facultativos) close only when listed in `includeOptional`.

export type OptionalPoint = HolidaySource['includeOptional'][number];

/**
 * date-holidays rule names of each optional point. The spans are date-holidays' own: Ash Wednesday is closed
 * until 14:00 (the federal decree makes it a ponto facultativo "até as 14 horas"), Christmas Eve and New Year's
 * Eve from 14:00. Carnaval is Monday and Tuesday only (the Saturday–Sunday rule is a weekend anyway).
 */
const OPTIONAL_RULES: Record<OptionalPoint, (rule: string) => boolean> = {
  carnaval: (rule) => rule === 'easter -48' || rule === 'easter -47',
  ash_wednesday_morning: (rule) => rule.startsWith('easter -46'),
  corpus_christi: (rule) => rule === 'easter 60',
  christmas_eve: (rule) => rule.startsWith('12-24'),
  new_years_eve: (rule) => rule.startsWith('12-31'),
};

/** A span of a local day [startMinute, endMinute) closed by a holiday. */
export interface HolidayClosure {
  /** Local date, days since 1970-01-01. */
  day: number;
  date: string;
  startMinute: number;
  endMinute: number;
  name: string;
  /** 'public', or the optional point that closed it. */
  reason: 'public' | OptionalPoint;
}

/** Verifies the holiday source without computing anything (for settings validation). */
export const checkHolidaySource = (source: HolidaySource): void => {
  checkRegion(source);
};

const reasonOf = (source: HolidaySource, type: string, rule: string): HolidayClosure['reason'] | null => {
  if (type === 'public') return 'public';
  for (const point of source.includeOptional) if (OPTIONAL_RULES[point](rule)) return point;
  return null;
};

const pushClosures = (closures: HolidayClosure[], source: HolidaySource, raw: readonly RawHoliday[], fromYear: number, year: number): void => {
  const firstDay = daysFromCivil(fromYear, 1, 1);
  const [yearStart, yearEnd] = [daysFromCivil(year, 1, 1), daysFromCivil(year + 1, 1, 1)];
  for (const holiday of raw) {
    const reason = reasonOf(source, holiday.type, holiday.rule);
    if (reason === null) continue;
    let day = firstDay + holiday.dayOfYear;
    let startMinute = holiday.startMinute;
    let minutes = holiday.minutes;
    while (minutes > 0) {
      const endMinute = Math.min(1440, startMinute + minutes);
      if (day >= yearStart && day < yearEnd) {
        closures.push({ day, date: formatLocalDate(civilFromDays(day)), startMinute, endMinute, name: holiday.name, reason });
      }
      minutes -= endMinute - startMinute;
      day += 1;
      startMinute = 0;
    }
  }
};

/**
 * The closures on the local dates of one year, in wall time: from each holiday's start (a local date and time)
 * for its length in wall time, day by day — a day-long holiday closes its whole date, 23-hour and 25-hour DST
 * days included — with what a holiday of the year before runs into this one.
 */
export const holidayClosures = (source: HolidaySource, year: number): HolidayClosure[] => {
  const closures: HolidayClosure[] = [];
  const previous = rawHolidaysOf(source, year - 1);
  if (spillsOver(previous, year - 1)) pushClosures(closures, source, previous, year - 1, year);
  pushClosures(closures, source, rawHolidaysOf(source, year), year, year);
  return closures;
};

