import type { Calendar } from '../../../shared/domain';
import { ALWAYS_OPEN_CALENDAR_ID, BUSINESS_CALENDAR_ID, defaultAlwaysOpenCalendar, defaultBusinessCalendar } from '../../../shared/sla/defaults';
import type { Lang } from '../../i18n/define';

// The time zones of a Brazilian support team's calendars, shown by their names in the UI language (Intl) and the
// city, never as the database id ("America/Sao_Paulo"): "Horário Padrão de Brasília — São Paulo".
const BRAZIL: Record<string, string> = {
  'America/Sao_Paulo': 'São Paulo',
  'America/Noronha': 'Fernando de Noronha',
  'America/Belem': 'Belém',
  'America/Fortaleza': 'Fortaleza',
  'America/Recife': 'Recife',
  'America/Araguaina': 'Araguaína',
  'America/Maceio': 'Maceió',
  'America/Bahia': 'Salvador',
  'America/Santarem': 'Santarém',
  'America/Manaus': 'Manaus',
  'America/Cuiaba': 'Cuiabá',
  'America/Campo_Grande': 'Campo Grande',
  'America/Porto_Velho': 'Porto Velho',
  'America/Boa_Vista': 'Boa Vista',
  'America/Rio_Branco': 'Rio Branco',
};

export const TIME_ZONE_CHOICES = Object.keys(BRAZIL);

/** "Horário Padrão de Brasília — São Paulo" / "Brasilia Standard Time — São Paulo"; an unknown zone by its city. */
export const timeZoneLabel = (zone: string, lang: Lang, at: number): string => {
  const city = BRAZIL[zone] ?? zone.split('/').pop()?.replaceAll('_', ' ') ?? zone;
  try {
    const name = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    return name === undefined ? city : `${name} — ${city}`;
  } catch {
    return city;
  }
};

const DEFAULT_CALENDAR_NAMES: Record<string, { 'pt-BR': string; en: string }> = {
  [BUSINESS_CALENDAR_ID]: { 'pt-BR': defaultBusinessCalendar().name, en: 'Business hours (Mon–Fri 08–12, 13–18)' },
  [ALWAYS_OPEN_CALENDAR_ID]: { 'pt-BR': defaultAlwaysOpenCalendar().name, en: defaultAlwaysOpenCalendar().name },
};

/** A calendar's name to show: the built-in calendars, while the lead has not renamed them, in the UI language. */
export const calendarLabel = (calendar: Pick<Calendar, 'id' | 'name'>, lang: Lang): string => {
  const builtIn = DEFAULT_CALENDAR_NAMES[calendar.id];
  return builtIn !== undefined && calendar.name === builtIn['pt-BR'] ? builtIn[lang] : calendar.name;
};
