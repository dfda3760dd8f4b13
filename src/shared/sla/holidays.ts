import Holidays from 'date-holidays';
import type { HolidaySource } from '../domain';
import { daysFromCivil, formatLocalDate, civilFromDays, MINUTE_MS } from './time-zone';

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

// date-holidays instances are costly to build (they parse the country's rule set), so one per region is kept.
// A pure memo: the same source always yields the same instance and the same answers.
const instances = new Map<string, Holidays>();

const instanceFor = (source: HolidaySource): Holidays => {
  const key = `${source.country}|${source.state ?? ''}|${source.city ?? ''}`;
  let holidays = instances.get(key);
  if (holidays !== undefined) return holidays;
  // date-holidays silently falls back to the country for an unknown state or city; a calendar must not.
  const probe = new Holidays();
  if (source.state !== null && !(source.state in (probe.getStates(source.country) ?? {}))) {
    throw new RangeError(`Estado desconhecido / unknown state: "${source.state}"`);
  }
  if (source.city !== null) {
    if (source.state === null) throw new RangeError('Cidade exige estado / a city needs a state');
    if (!(source.city in (probe.getRegions(source.country, source.state) ?? {}))) {
      throw new RangeError(`Cidade desconhecida / unknown city: "${source.city}" (${source.state})`);
    }
  }
  if (source.state === null) holidays = new Holidays(source.country);
  else if (source.city === null) holidays = new Holidays(source.country, source.state);
  else holidays = new Holidays(source.country, source.state, source.city);
  instances.set(key, holidays);
  return holidays;
};

/** Verifies the holiday source without computing anything (for settings validation). */
export const checkHolidaySource = (source: HolidaySource): void => {
  instanceFor(source);
};

const reasonOf = (source: HolidaySource, type: string, rule: string): HolidayClosure['reason'] | null => {
  if (type === 'public') return 'public';
  for (const point of source.includeOptional) if (OPTIONAL_RULES[point](rule)) return point;
  return null;
};

/**
 * The closures of one year, in local wall time. A holiday's start is its local `date` field; its length is
 * end − start, so a day-long holiday is 24 h of wall time (no holiday of the supported sources falls on a DST
 * change day, and a rare mismatch would only move a closure edge by the DST step).
 */
export const holidayClosures = (source: HolidaySource, year: number): HolidayClosure[] => {
  const closures: HolidayClosure[] = [];
  for (const holiday of instanceFor(source).getHolidays(year)) {
    const reason = reasonOf(source, holiday.type, holiday.rule);
    if (reason === null) continue;
    const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(holiday.date);
    if (match === null) continue;
    let day = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
    let startMinute = Number(match[4]) * 60 + Number(match[5]);
    let minutes = Math.round((holiday.end.getTime() - holiday.start.getTime()) / MINUTE_MS);
    while (minutes > 0) {
      const endMinute = Math.min(1440, startMinute + minutes);
      closures.push({ day, date: formatLocalDate(civilFromDays(day)), startMinute, endMinute, name: holiday.name, reason });
      minutes -= endMinute - startMinute;
      day += 1;
      startMinute = 0;
    }
  }
  return closures;
};
