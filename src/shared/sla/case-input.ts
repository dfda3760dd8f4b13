import { z } from 'zod';
import { Calendar, OcEventData, SlaConfig, SlaTarget, type OcEvent } from '../domain';
import { slaConfigProblems } from './config-index';
import { BUSINESS_CALENDAR_ID, defaultBusinessCalendar, defaultSlaConfig } from './defaults';
import { eventLogProblems } from './event-log';
import { checkInstant, parseIsoInstant } from './iso-time';
import { checkHolidaySource } from './holidays';
import { assertTimeZone, formatInstantIso } from './time-zone';

// The input of the SLA case command (`npm run --silent sla < case.json`, scripts/sla-case.ts): a hand-written
// OC case, parsed strictly and completed into what evaluateSla takes. Every refusal names the field
// (`events[3].at`) and says what is wrong in pt-BR and English.

export interface CaseInputError {
  code: 'not_json' | 'invalid' | 'bad_time' | 'bad_log' | 'bad_config';
  /** The field, e.g. "events[3].at"; "" for the whole input. */
  path: string;
  pt: string;
  en: string;
}

export interface SlaCase {
  events: OcEvent[];
  now: number;
  configs: ReadonlyMap<number, SlaConfig>;
  /** The zone wall times were read in and answers are written in: the calendar the OC's clocks start on. */
  timeZone: string;
}

class Refusal extends Error {
  constructor(readonly refusal: CaseInputError) {
    super(refusal.en);
  }
}

const refuse = (code: CaseInputError['code'], path: string, pt: string, en: string): never => {
  throw new Refusal({ code, path, pt, en });
};

const TimeInput = z.union([z.number(), z.string().min(1)]);
const PartialTarget = SlaTarget.partial();
const PartialTargets = z.record(z.string(), z.record(z.string(), PartialTarget));
const PartialCalendar = z.record(z.string(), z.unknown());

const CaseInput = z.object({
  calendar: PartialCalendar.optional(),
  targets: PartialTargets.optional(),
  config: z.unknown().optional(),
  /** Later configuration versions (for sla_recomputed), each derived from the base with its own changes. */
  versions: z
    .array(z.object({ version: z.number().int().positive(), calendar: PartialCalendar.optional(), targets: PartialTargets.optional() }))
    .default([]),
  events: z.array(z.looseObject({ at: TimeInput, type: z.string() })).min(1),
  now: TimeInput,
});
type CaseInput = z.infer<typeof CaseInput>;
type RawEvent = CaseInput['events'][number];

/** "events.3.at" → "events[3].at". */
const pathText = (parts: readonly PropertyKey[]): string =>
  parts.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`), '');

const parseOrRefuse = <T>(schema: z.ZodType<T>, value: unknown, path: readonly PropertyKey[]): T => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const where = pathText([...path, ...issue.path]);
  const others = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1})` : '';
  // The domain's messages are "pt-BR / en"; zod's own are English only.
  const [pt, en] = issue.message.includes(' / ') ? (issue.message.split(' / ', 2) as [string, string]) : [issue.message, issue.message];
  return refuse('invalid', where, `${pt}${others}`, `${en}${others}`);
};

/** Each calendar's zone and holiday region exist (the schema has checked its dates: domain/dates.ts). */
const checkCalendars = (config: SlaConfig, path: string): void => {
  for (const calendar of config.calendars) {
    const where = `${path}calendar "${calendar.id}"`;
    try {
      assertTimeZone(calendar.timeZone);
    } catch (error) {
      refuse('bad_config', `${where}.timeZone`, (error as Error).message, (error as Error).message);
    }
    try {
      if (calendar.holidays !== null) checkHolidaySource(calendar.holidays);
    } catch (error) {
      refuse('bad_config', `${where}.holidays`, (error as Error).message, (error as Error).message);
    }
  }
};

const withChanges = (base: SlaConfig, version: number, calendar?: Record<string, unknown>, targets?: CaseInput['targets'], path = ''): SlaConfig => {
  const config: SlaConfig = structuredClone(base);
  config.version = version;
  if (calendar !== undefined) {
    const current = config.calendars.find((c) => c.id === (calendar.id ?? BUSINESS_CALENDAR_ID)) ?? defaultBusinessCalendar();
    const merged = parseOrRefuse(Calendar, { ...current, ...calendar }, [`${path}calendar`]);
    config.calendars = [...config.calendars.filter((c) => c.id !== merged.id), merged];
    // The given calendar is "the business calendar": whatever counted business hours now counts on it.
    if (merged.id !== BUSINESS_CALENDAR_ID) {
      for (const byCrit of Object.values(config.targets)) {
        for (const target of Object.values(byCrit)) if (target.calendarId === BUSINESS_CALENDAR_ID) target.calendarId = merged.id;
      }
      if (config.olaCalendarId === BUSINESS_CALENDAR_ID) config.olaCalendarId = merged.id;
    }
  }
  for (const [plan, byCrit] of Object.entries(targets ?? {})) {
    for (const [crit, change] of Object.entries(byCrit)) {
      const byPlan = (config.targets as Record<string, Record<string, SlaTarget>>)[plan];
      const target = byPlan?.[crit];
      if (byPlan === undefined || target === undefined) {
        refuse('invalid', `${path}targets.${plan}.${crit}`, 'plano ou criticidade desconhecido', 'unknown plan or criticidade');
      } else byPlan[crit] = { ...target, ...change };
    }
  }
  const where = path.replace(/\.$/, '') || 'config';
  const checked = parseOrRefuse(SlaConfig, config, [where]);
  const problems = slaConfigProblems(checked);
  if (problems.length > 0) refuse('bad_config', `config v${version}`, problems.join('; '), problems.join('; '));
  checkCalendars(checked, path);
  return checked;
};

/** Fills what a hand-written case leaves out (ids, actor, `from` fields) from the OC's state so far. */
const completeEvents = (raw: readonly RawEvent[], instants: readonly number[], order: readonly number[], defaultVersion: number): OcEvent[] => {
  const state = { status: 'nova', level: 'n1', plan: 'ouro', criticidade: 'media', version: defaultVersion };
  return order.map((i) => {
    const { at: _at, id, actorId, actorName, ocId, data, ...flat } = raw[i] as Record<string, unknown>;
    const given = (data ?? flat) as Record<string, unknown>;
    const defaultsByType: Record<string, Record<string, unknown>> = {
      created: { plan: 'ouro', criticidade: 'media', level: 'n1', status: 'nova', slaConfigVersion: state.version, channel: 'extranet' },
      status_changed: { from: state.status, simulationId: null },
      interaction_added: { interactionId: `i${i}`, kind: 'public_reply' },
      assigned: { fromId: null, level: state.level, how: 'take' },
      escalated: { from: 'n1', to: 'n2', simulationId: `sim${i}` },
      returned: { from: 'n2', to: 'n1', note: '' },
      criticidade_changed: { from: state.criticidade },
      plan_changed: { from: state.plan },
      sla_recomputed: { fromVersion: state.version },
      cancelled: { reason: 'invalida', duplicateOfId: null },
    };
    const filled: Record<string, unknown> = { ...defaultsByType[String(given.type)], ...given };
    if (given.type === 'interaction_added' && filled.customerVisibleAgentAction === undefined) {
      filled.customerVisibleAgentAction = filled.kind === 'public_reply' || filled.kind === 'call_log';
    }
    const parsed = parseOrRefuse(OcEventData, filled, ['events', i]);
    if (parsed.type === 'created') Object.assign(state, { status: parsed.status, level: parsed.level, plan: parsed.plan, criticidade: parsed.criticidade, version: parsed.slaConfigVersion });
    if (parsed.type === 'status_changed') state.status = parsed.to;
    if (parsed.type === 'escalated' || parsed.type === 'returned') state.level = parsed.to;
    if (parsed.type === 'criticidade_changed') state.criticidade = parsed.to;
    if (parsed.type === 'plan_changed') state.plan = parsed.to;
    if (parsed.type === 'sla_recomputed') state.version = parsed.toVersion;
    return { id: String(id ?? `e${i}`), ocId: String(ocId ?? 'oc'), at: instants[i] as number, actorId: String(actorId ?? 'case'), actorName: String(actorName ?? 'case'), data: parsed };
  });
};

const timeOf = (value: number | string, zone: string, path: string): number => {
  const result = typeof value === 'number' ? checkInstant(value, String(value)) : parseIsoInstant(value.trim(), zone);
  if (!result.ok) return refuse('bad_time', path, result.error.pt, result.error.en);
  return result.instant;
};

/** Exactly one created event: its index, or a refusal. */
const createdIndexOf = (events: readonly RawEvent[]): number => {
  const created = events.flatMap((e, i) => (e.type === 'created' ? [i] : []));
  if (created.length === 0) {
    refuse('bad_log', 'events', 'nenhum evento "created": o histórico de uma OC começa pela criação', 'no "created" event: an OC\'s log starts with its creation');
  }
  if (created.length > 1) {
    refuse('bad_log', `events[${created[1]}]`, `segundo evento "created" (o primeiro é events[${created[0]}]): uma OC é criada uma vez`, `a second "created" event (the first is events[${created[0]}]): an OC is created once`);
  }
  return created[0] as number;
};

const parseCase = (text: string): SlaCase => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse('not_json', '', `a entrada não é JSON: ${(error as Error).message}`, `stdin is not JSON: ${(error as Error).message}`);
  }
  const input = parseOrRefuse(CaseInput, json, []);
  const base0 = input.config === undefined ? defaultSlaConfig(0) : parseOrRefuse(SlaConfig, input.config, ['config']);
  const base = withChanges(base0, base0.version, input.calendar, input.targets);
  const configs = new Map([[base.version, base]]);
  input.versions.forEach((v, i) => configs.set(v.version, withChanges(base, v.version, v.calendar, v.targets, `versions[${i}].`)));

  // Wall times are read in the zone of the calendar the OC's clocks start on: its created plan × criticidade,
  // in its configuration version.
  const createdIndex = createdIndexOf(input.events);
  const created = (completeEvents(input.events, input.events.map(() => 0), [createdIndex], base.version)[0] as OcEvent).data as Extract<OcEventData, { type: 'created' }>;
  const startConfig = configs.get(created.slaConfigVersion);
  if (startConfig === undefined) {
    refuse('bad_config', `events[${createdIndex}].slaConfigVersion`, `não há configuração versão ${created.slaConfigVersion} (informe-a em "versions")`, `no configuration version ${created.slaConfigVersion} (give it in "versions")`);
  }
  const calendarId = (startConfig as SlaConfig).targets[created.plan][created.criticidade].calendarId;
  const timeZone = (startConfig as SlaConfig).calendars.find((c) => c.id === calendarId)?.timeZone ?? base.calendars[0]?.timeZone ?? 'America/Sao_Paulo';

  const instants = input.events.map((e, i) => timeOf(e.at as number | string, timeZone, `events[${i}].at`));
  const now = timeOf(input.now, timeZone, 'now');
  // Ordered by time; at one instant, the creation first, then the order given.
  const order = input.events.map((_, i) => i).sort((a, b) => (instants[a] as number) - (instants[b] as number) || (a === createdIndex ? -1 : b === createdIndex ? 1 : a - b));
  const events = completeEvents(input.events, instants, order, base.version);
  for (const problem of eventLogProblems(events)) {
    if (problem.code !== 'before_created') continue;
    const i = order[problem.index] as number;
    const iso = (t: number): string => formatInstantIso(t, timeZone);
    refuse(
      'bad_log',
      `events[${i}]`,
      `${input.events[i]?.type} em ${iso(instants[i] as number)} é anterior à criação da OC (events[${createdIndex}], ${iso(instants[createdIndex] as number)})`,
      `${input.events[i]?.type} at ${iso(instants[i] as number)} is before the OC was created (events[${createdIndex}], ${iso(instants[createdIndex] as number)})`,
    );
  }
  events.forEach((event, k) => {
    const version = event.data.type === 'sla_recomputed' ? event.data.toVersion : null;
    if (version !== null && !configs.has(version)) {
      refuse('bad_config', `events[${order[k]}].toVersion`, `não há configuração versão ${version} (informe-a em "versions")`, `no configuration version ${version} (give it in "versions")`);
    }
  });
  return { events, now, configs, timeZone };
};

/** The case, or the first thing wrong with it. */
export const readSlaCase = (text: string): { ok: true; value: SlaCase } | { ok: false; error: CaseInputError } => {
  try {
    return { ok: true, value: parseCase(text) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.refusal };
    throw error;
  }
};
