import type { Calendar, Messages, SlaConfig } from '../domain';
import { CRITICIDADES, PLANS } from '../domain';
import { checkHolidaySource } from '../sla/holidays';
import { compileCalendar } from '../sla/calendar';
import { slaConfigProblems } from '../sla/config-index';
import { parseTimeOfDay } from '../sla/time-zone';

// What the zod schema of SlaConfig cannot say on its own: rules across fields that would make the SLA engine
// throw or compute nonsense (a calendar with no open hour has no deadline at all). Checked by the
// 'sla.updateConfig' mutator on the desktop and again on the server, so a bad version is never recorded.

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
    try {
      checkHolidaySource(calendar.holidays);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      issues.push({ 'pt-BR': `Calendário "${name}": feriados — ${text}`, en: `Calendar "${name}": holidays — ${text}` });
    }
  }
  try {
    compileCalendar(calendar);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    issues.push({ 'pt-BR': `Calendário "${name}": ${text}`, en: `Calendar "${name}": ${text}` });
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
  for (const problem of slaConfigProblems(config)) {
    issues.push({ 'pt-BR': `Referência a calendário inexistente: ${problem}`, en: `Reference to a missing calendar: ${problem}` });
  }
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
