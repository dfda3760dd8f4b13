import type { Criticidade, Plan, SlaConfig, SlaTarget } from '../domain';
import { compileCalendar, type CompiledCalendar } from './calendar';
import { MINUTE_MS } from './time-zone';

// What one SlaConfig version means for the clocks, resolved once per config object: targets in ms with their
// compiled calendars, sorted warning thresholds. Evaluating 100 000 OCs must not look these up each time.

export class SlaConfigError extends Error {
  override readonly name = 'SlaConfigError';
}

export interface ResolvedTarget {
  targetMs: number;
  calendarId: string;
  calendar: CompiledCalendar;
}

export interface ConfigIndex {
  readonly config: SlaConfig;
  /** Warning thresholds (SPEC §3 rule 8) below 100, ascending, without duplicates. */
  readonly thresholds: readonly number[];
  response(plan: Plan, criticidade: Criticidade): ResolvedTarget;
  resolution(plan: Plan, criticidade: Criticidade): ResolvedTarget;
  readonly olaN2: ResolvedTarget;
}

/** Every calendar id a config refers to must exist; returns the problems (empty = fine). */
export const slaConfigProblems = (config: SlaConfig): string[] => {
  const ids = new Set(config.calendars.map((c) => c.id));
  const problems: string[] = [];
  for (const [plan, byCrit] of Object.entries(config.targets)) {
    for (const [crit, target] of Object.entries(byCrit)) {
      if (!ids.has(target.calendarId)) problems.push(`targets.${plan}.${crit}.calendarId "${target.calendarId}" does not exist`);
    }
  }
  if (!ids.has(config.olaCalendarId)) problems.push(`olaCalendarId "${config.olaCalendarId}" does not exist`);
  return problems;
};

const build = (config: SlaConfig): ConfigIndex => {
  const problems = slaConfigProblems(config);
  if (problems.length > 0) throw new SlaConfigError(`SLA config v${config.version}: ${problems.join('; ')}`);
  const calendars = new Map(config.calendars.map((c) => [c.id, compileCalendar(c)]));
  const resolve = (minutes: number, calendarId: string): ResolvedTarget => ({
    targetMs: minutes * MINUTE_MS,
    calendarId,
    calendar: calendars.get(calendarId) as CompiledCalendar,
  });
  const table = (minutesOf: (t: SlaTarget) => number): Record<string, Record<string, ResolvedTarget>> =>
    Object.fromEntries(
      Object.entries(config.targets).map(([plan, byCrit]) => [
        plan,
        Object.fromEntries(Object.entries(byCrit).map(([crit, t]) => [crit, resolve(minutesOf(t), t.calendarId)])),
      ]),
    );
  const response = table((t) => t.responseMinutes);
  const resolution = table((t) => t.resolutionMinutes);
  const pick = (byPlan: Record<string, Record<string, ResolvedTarget>>, plan: Plan, crit: Criticidade): ResolvedTarget => {
    const found = byPlan[plan]?.[crit];
    if (found === undefined) throw new SlaConfigError(`SLA config v${config.version}: no target for ${plan}/${crit}`);
    return found;
  };
  return {
    config,
    thresholds: [...new Set(config.warnThresholdsPct)].filter((p) => p > 0 && p < 100).sort((a, b) => a - b),
    response: (plan, crit) => pick(response, plan, crit),
    resolution: (plan, crit) => pick(resolution, plan, crit),
    olaN2: resolve(config.olaN2PickupMinutes, config.olaCalendarId),
  };
};

// Configs are immutable versions, so the identity memo is exact.
const indexes = new WeakMap<SlaConfig, ConfigIndex>();

export const indexConfig = (config: SlaConfig): ConfigIndex => {
  let index = indexes.get(config);
  if (index === undefined) {
    index = build(config);
    indexes.set(config, index);
  }
  return index;
};
