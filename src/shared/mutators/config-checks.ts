import type { Calendar, HolidaySource, Messages, SlaConfig } from '../domain';
import { CRITICIDADES, PLANS } from '../domain';
import { assertTimeZone, parseLocalDate, parseTimeOfDay } from '../sla/time-zone';

// What the zod schema of SlaConfig cannot say on its own: rules across fields that would make the SLA engine
// throw or compute nonsense (a calendar with no open hour has no deadline at all). Checked by the
// 'sla.updateConfig' mutator on the desktop and again on the server, so a bad version is never recorded.
//
// This file is reached from the API contract, which the renderer bundles; it must not import the holiday tables
// (date-holidays, ~2 MB) or the calendar compiler that loads them. The holiday source is checked against the
// regions date-holidays knows for Brazil instead (tests/unit/shared/mutators/config.test.ts keeps the two equal).

/** The 27 federative units, and the cities with their own holidays in date-holidays (by state). */
export const HOLIDAY_REGIONS_BR: Readonly<Record<string, readonly string[]>> = {
  AC: [], AL: [], AM: [], AP: [], BA: [], CE: [], DF: [], ES: [], GO: ['GOIANIA'], MA: [], MG: ['BH'], MS: [], MT: [], PA: [],
  PB: [], PE: ['RE'], PI: [], PR: ['CU'], RJ: ['RJ'], RN: [], RO: [], RR: [], RS: [], SC: [], SE: [], SP: ['SP'], TO: [],
};

const holidaySourceIssue = (source: HolidaySource): string | null => {
  if (source.state === null) return source.city === null ? null : 'Cidade exige estado / a city needs a state';
  const cities = HOLIDAY_REGIONS_BR[source.state];
  if (cities === undefined) return `Estado desconhecido / unknown state: "${source.state}"`;
  if (source.city !== null && !cities.includes(source.city)) return `Cidade desconhecida / unknown city: "${source.city}" (${source.state})`;
  return null;
};

const WEEKDAYS_PT = ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const overlaps = (intervals: readonly { start: string; end: string }[]): boolean => {
  const spans = intervals.map((i) => [parseTimeOfDay(i.start), parseTimeOfDay(i.end)] as const).sort((a, b) => a[0] - b[0]);
  return spans.some((span, i) => i > 0 && span[0] < (spans[i - 1] as readonly [number, number])[1]);
};

const calendarIssues = (calendar: Calendar): Messages[] => {
  const issues: Messages[] = [];
  const name = calendar.name;
  if (!calendar.alwaysOpen && calendar.weekly.every((day) => day.length === 0)) {
    issues.push({
      'pt-BR': `Calendário "${name}": sem nenhum horário de atendimento na semana, nenhum prazo venceria.`,
      en: `Calendar "${name}": no open hours in the week, no deadline would ever fall due.`,
    });
  }
  calendar.weekly.forEach((day, index) => {
    if (overlaps(day)) {
      issues.push({
        'pt-BR': `Calendário "${name}": intervalos sobrepostos na ${WEEKDAYS_PT[index]}.`,
        en: `Calendar "${name}": overlapping intervals on ${WEEKDAYS_EN[index]}.`,
      });
    }
  });
  const dates = new Set<string>();
  for (const override of calendar.overrides) {
    if (dates.has(override.date)) {
      issues.push({ 'pt-BR': `Calendário "${name}": a data ${override.date} aparece duas vezes.`, en: `Calendar "${name}": date ${override.date} appears twice.` });
    }
    dates.add(override.date);
    if (overlaps(override.intervals)) {
      issues.push({ 'pt-BR': `Calendário "${name}": intervalos sobrepostos em ${override.date}.`, en: `Calendar "${name}": overlapping intervals on ${override.date}.` });
    }
  }
  if (calendar.holidays !== null) {
    const problem = holidaySourceIssue(calendar.holidays);
    if (problem !== null) issues.push({ 'pt-BR': `Calendário "${name}": feriados — ${problem}`, en: `Calendar "${name}": holidays — ${problem}` });
  }
  try {
    assertTimeZone(calendar.timeZone);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    issues.push({ 'pt-BR': `Calendário "${name}": ${text}`, en: `Calendar "${name}": ${text}` });
  }
  for (const override of calendar.overrides) {
    if (parseLocalDate(override.date) === null) {
      issues.push({ 'pt-BR': `Calendário "${name}": data inexistente ${override.date}.`, en: `Calendar "${name}": no such date ${override.date}.` });
    }
  }
  return issues;
};

/** Every problem of a configuration a lead wants to save (empty = it can be saved). */
export const slaConfigIssues = (config: SlaConfig): Messages[] => {
  const issues: Messages[] = [];
  const ids = new Set<string>();
  for (const calendar of config.calendars) {
    if (ids.has(calendar.id)) issues.push({ 'pt-BR': `Dois calendários com o id "${calendar.id}".`, en: `Two calendars with id "${calendar.id}".` });
    ids.add(calendar.id);
    issues.push(...calendarIssues(calendar));
  }
  const missing = (where: string, id: string): void => {
    if (!ids.has(id)) issues.push({ 'pt-BR': `Referência a calendário inexistente: ${where} "${id}".`, en: `Reference to a missing calendar: ${where} "${id}".` });
  };
  for (const plan of PLANS) for (const crit of CRITICIDADES) missing(`${plan}/${crit}`, config.targets[plan][crit].calendarId);
  missing('OLA N2', config.olaCalendarId);
  for (const plan of PLANS) {
    for (const crit of CRITICIDADES) {
      const target = config.targets[plan][crit];
      // A first response due after the resolution makes no sense to a customer (SPEC §3 table: resp < resol).
      if (target.responseMinutes > target.resolutionMinutes) {
        issues.push({
          'pt-BR': `Meta ${plan}/${crit}: a primeira resposta (${target.responseMinutes} min) não pode vencer depois da solução (${target.resolutionMinutes} min).`,
          en: `Target ${plan}/${crit}: first response (${target.responseMinutes} min) cannot fall due after resolution (${target.resolutionMinutes} min).`,
        });
      }
    }
  }
  if (new Set(config.warnThresholdsPct).size !== config.warnThresholdsPct.length) {
    issues.push({ 'pt-BR': 'Limiares de aviso repetidos.', en: 'Repeated warning thresholds.' });
  }
  return issues;
};

/** JSON with sorted keys: two configurations are the same edit whatever order their fields were written in. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
