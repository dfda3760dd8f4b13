// `npm run --silent sla < case.json` — evaluates the SLA clocks of one OC described in JSON and prints them.
// For leads checking a policy and for reproducing a reported SLA case exactly (SPEC §3 rule 1: the result is
// a pure function of events, configuration and now). Bad input exits with code 2 and says what is wrong.
import { z } from 'zod';
import { Calendar, OcEventData, SlaConfig, SlaTarget, type OcEvent } from '../src/shared/domain';
import { BUSINESS_CALENDAR_ID, defaultBusinessCalendar, defaultSlaConfig } from '../src/shared/sla/defaults';
import { evaluateSla, slaBadge } from '../src/shared/sla/clocks';
import { slaConfigProblems } from '../src/shared/sla/config-index';
import { formatInstantIso, wallToInstant } from '../src/shared/sla/time-zone';

class InputError extends Error {}

const TimeInput = z.union([z.number().int().nonnegative(), z.string().min(1)]);
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
  events: z.array(z.looseObject({ at: TimeInput })).min(1),
  now: TimeInput,
});

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO time with an offset is an instant; without one it is a wall time in the calendar's zone. */
const toInstant = (value: number | string, zone: string, path: string): number => {
  if (typeof value === 'number') return value;
  const m = ISO.exec(value.trim());
  if (m === null) throw new InputError(`${path}: "${value}" is not an ISO date-time (e.g. 2027-02-05T17:30 or 2027-02-05T17:30:00-03:00)`);
  if (m[8] !== undefined) return Date.parse(value.trim());
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0')));
  return wallToInstant(zone, wall);
};

const parseOrThrow = <T>(schema: z.ZodType<T>, value: unknown, path: string): T => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${[path, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`);
  throw new InputError(`invalid ${path || 'input'}:\n${lines.join('\n')}`);
};

const withChanges = (base: SlaConfig, version: number, calendar?: Record<string, unknown>, targets?: z.infer<typeof PartialTargets>): SlaConfig => {
  const config: SlaConfig = structuredClone(base);
  config.version = version;
  if (calendar !== undefined) {
    const current = config.calendars.find((c) => c.id === (calendar.id ?? BUSINESS_CALENDAR_ID)) ?? defaultBusinessCalendar();
    const merged = parseOrThrow(Calendar, { ...current, ...calendar }, 'calendar');
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
      if (byPlan === undefined || target === undefined) throw new InputError(`targets.${plan}.${crit}: unknown plan or criticidade`);
      byPlan[crit] = { ...target, ...change };
    }
  }
  const checked = parseOrThrow(SlaConfig, config, `config v${version}`);
  const problems = slaConfigProblems(checked);
  if (problems.length > 0) throw new InputError(`config v${version}: ${problems.join('; ')}`);
  return checked;
};

/** Fills what a hand-written case leaves out (ids, actor, `from` fields) from the OC's state so far. */
const completeEvents = (raw: z.infer<typeof CaseInput>['events'], zone: string, defaultVersion: number): OcEvent[] => {
  const timed = raw.map((e, i) => ({ e, i, at: toInstant(e.at as number | string, zone, `events.${i}.at`) })).sort((a, b) => a.at - b.at);
  const state = { status: 'nova', level: 'n1', plan: 'ouro', criticidade: 'media', version: defaultVersion };
  return timed.map(({ e, i, at }) => {
    const { at: _at, id, actorId, actorName, ocId, data, ...flat } = e as Record<string, unknown>;
    const given = (data ?? flat) as Record<string, unknown>;
    const type = given.type;
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
    const defaults = defaultsByType[String(type)];
    const filled: Record<string, unknown> = { ...defaults, ...given };
    if (type === 'interaction_added' && filled.customerVisibleAgentAction === undefined) {
      filled.customerVisibleAgentAction = filled.kind === 'public_reply' || filled.kind === 'call_log';
    }
    const parsed = parseOrThrow(OcEventData, filled, `events.${i}`);
    if (parsed.type === 'created') Object.assign(state, { status: parsed.status, level: parsed.level, plan: parsed.plan, criticidade: parsed.criticidade, version: parsed.slaConfigVersion });
    if (parsed.type === 'status_changed') state.status = parsed.to;
    if (parsed.type === 'escalated' || parsed.type === 'returned') state.level = parsed.to;
    if (parsed.type === 'criticidade_changed') state.criticidade = parsed.to;
    if (parsed.type === 'plan_changed') state.plan = parsed.to;
    if (parsed.type === 'sla_recomputed') state.version = parsed.toVersion;
    return {
      id: String(id ?? `e${i}`),
      ocId: String(ocId ?? 'oc'),
      at,
      actorId: String(actorId ?? 'case'),
      actorName: String(actorName ?? 'case'),
      data: parsed,
    };
  });
};

const duration = (ms: number): string => {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
};

const run = (text: string): string => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`stdin is not JSON: ${(error as Error).message}`);
  }
  const input = parseOrThrow(CaseInput, json, '');
  const base0 = input.config === undefined ? defaultSlaConfig(0) : parseOrThrow(SlaConfig, input.config, 'config');
  const base = withChanges(base0, base0.version, input.calendar, input.targets);
  const configs = new Map([[base.version, base]]);
  for (const v of input.versions) configs.set(v.version, withChanges(base, v.version, v.calendar, v.targets));
  const zone = (base.calendars.find((c) => c.id === base.targets.ouro.media.calendarId) ?? base.calendars[0])?.timeZone ?? 'America/Sao_Paulo';
  const events = completeEvents(input.events, zone, base.version);
  const now = toInstant(input.now, zone, 'now');
  const result = evaluateSla(events, (v) => {
    const config = configs.get(v);
    if (config === undefined) throw new InputError(`no configuration version ${v} (give it in "versions")`);
    return config;
  }, now);
  const iso = (t: number | null): string | null => (t === null ? null : formatInstantIso(t, zone));
  const badge = slaBadge(result);
  return JSON.stringify(
    {
      now: iso(now),
      configVersion: result.configVersion,
      nextChangeAt: iso(result.nextChangeAt),
      badge: badge === null ? null : { ...badge, dueAt: iso(badge.dueAt), breachedAt: iso(badge.breachedAt) },
      clocks: result.clocks.map((c) => ({
        ...c,
        startedAt: iso(c.startedAt),
        dueAt: iso(c.dueAt),
        breachedAt: iso(c.breachedAt),
        metAt: iso(c.metAt),
        stoppedAt: iso(c.stoppedAt),
        target: duration(c.targetMs),
        elapsed: duration(c.elapsedMs),
        remaining: duration(c.remainingMs),
        percent: Math.round(c.percent * 100) / 100,
        alerts: c.alerts.map((a) => ({ ...a, crossedAt: iso(a.crossedAt), alertAt: iso(a.alertAt) })),
      })),
    },
    null,
    2,
  );
};

const main = async (): Promise<void> => {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  try {
    process.stdout.write(`${run(text)}\n`);
  } catch (error) {
    if (!(error instanceof InputError) && !(error instanceof RangeError)) throw error;
    process.stderr.write(`sla-case: ${error.message}\n`);
    process.exitCode = 2;
  }
};

void main();
