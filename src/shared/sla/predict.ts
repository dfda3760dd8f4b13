import type { Criticidade, Messages, Presence } from '../domain';
import { formatClock } from '../time';
import { deadline } from './business-time';
import { compiled, type CalendarLike } from './calendar';
import { HOUR_MS, localDaysOf, MINUTE_MS } from './time-zone';

// Predictive breach (SPEC §3 "beyond the anchors": backlog × handling time × present capacity per module says
// which OCs will breach in the next hours).
//
// The model — a deterministic queue simulation, on the team's working time (business ms from now):
//   • servers: analysts present (available or on_call); each works one OC at a time;
//   • an analyst first finishes the OCs already in their hands, soonest due first; an OC in hand is taken to be
//     half done (we do not know when work on it began), so it needs half the median;
//   • then the unassigned OCs, soonest due first, each go to the analyst of that module with free capacity who
//     becomes free first, and take the median handling time of their module × criticidade;
//   • an OC's first response is forecast at the moment an analyst takes it, its resolution when the work ends;
//   • an OC assigned to an absent analyst waits for them: no forecast within the horizon.
// A clock is forecast to breach when its due instant falls inside the horizon (default 4 business hours) and the
// forecast is later than it (or there is none). Times are turned into instants on the team calendar.

export interface PredictClock {
  /** The running clock's deadline (SlaClockState.dueAt); breached or paused clocks are not predicted. */
  dueAt: number;
}

export interface PredictOc {
  ocId: string;
  /** Display number shown in reasons, e.g. OC-2027-000123. */
  label: string;
  module: string;
  criticidade: Criticidade;
  assigneeId: string | null;
  firstResponse: PredictClock | null;
  resolution: PredictClock | null;
}

export interface PredictAnalyst {
  id: string;
  presence: Presence;
  modules: readonly string[];
  /** capacity − OCs in hand; 0 = takes nothing new. */
  freeCapacity: number;
}

export interface PredictInput {
  now: number;
  ocs: readonly PredictOc[];
  analysts: readonly PredictAnalyst[];
  /** Median handling time of a module × criticidade (see handlingTable). */
  handlingMs: (module: string, criticidade: Criticidade) => number;
  /** The team's working hours. */
  calendar: CalendarLike;
  /** Business ms ahead to look (default 4 h). */
  horizonMs?: number;
  moduleLabel?: (module: string) => string;
  /** Zone of the times in the reasons; default the calendar's. */
  timeZone?: string;
}

export interface PredictedBreach {
  ocId: string;
  label: string;
  module: string;
  clock: 'first_response' | 'resolution';
  dueAt: number;
  /** When the clock is forecast to stop; null = nobody will get to it. */
  forecastAt: number | null;
  queueAhead: number;
  analystsPresent: number;
  medianMs: number;
  reason: Messages;
}

/** Median of handling-time samples (ms); null without valid samples. */
export const medianHandling = (samples: readonly number[]): number | null => {
  const valid = samples.filter((s) => Number.isFinite(s) && s >= 0).sort((a, b) => a - b);
  if (valid.length === 0) return null;
  const mid = valid.length >> 1;
  return valid.length % 2 === 1 ? (valid[mid] as number) : ((valid[mid - 1] as number) + (valid[mid] as number)) / 2;
};

export interface HandlingSample {
  module: string;
  criticidade: Criticidade;
  ms: number;
}

/**
 * Lookup of median handling times from history. Few samples make a poor median, so below `minSamples` it falls
 * back to the module's median, then to everything's, then to `fallbackMs`.
 */
export const handlingTable = (
  samples: readonly HandlingSample[],
  { minSamples = 3, fallbackMs = HOUR_MS }: { minSamples?: number; fallbackMs?: number } = {},
): ((module: string, criticidade: Criticidade) => number) => {
  const groups = new Map<string, number[]>();
  const add = (key: string, ms: number): void => {
    const list = groups.get(key) ?? [];
    list.push(ms);
    groups.set(key, list);
  };
  for (const s of samples) {
    add(`${s.module}|${s.criticidade}`, s.ms);
    add(`${s.module}|`, s.ms);
    add('|', s.ms);
  }
  const median = (key: string): number | null => {
    const list = groups.get(key) ?? [];
    return list.length >= minSamples ? medianHandling(list) : null;
  };
  return (module, criticidade) => median(`${module}|${criticidade}`) ?? median(`${module}|`) ?? median('|') ?? fallbackMs;
};

const duration = (ms: number): string => {
  const minutes = Math.round(ms / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}min`;
  return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}`;
};

const PRESENT: ReadonlySet<Presence> = new Set(['available', 'on_call']);

interface Server {
  id: string;
  modules: ReadonlySet<string>;
  takesNew: boolean;
  /** Business ms from now when this analyst is next free. */
  freeAt: number;
}

const earliestDue = (oc: PredictOc): number => Math.min(oc.firstResponse?.dueAt ?? Infinity, oc.resolution?.dueAt ?? Infinity);

export const predictBreaches = (input: PredictInput): PredictedBreach[] => {
  const { now, calendar, handlingMs } = input;
  const zone = input.timeZone ?? compiled(calendar).timeZone;
  const labelOf = input.moduleLabel ?? ((m: string) => m);
  const horizonEnd = deadline(calendar, now, input.horizonMs ?? 4 * HOUR_MS);
  const servers = new Map<string, Server>();
  for (const a of input.analysts) {
    if (PRESENT.has(a.presence)) servers.set(a.id, { id: a.id, modules: new Set(a.modules), takesNew: a.freeCapacity > 0, freeAt: 0 });
  }
  const presentFor = (module: string): number => [...servers.values()].filter((s) => s.modules.has(module)).length;
  const instant = (offset: number): number => deadline(calendar, now, offset);
  const ordered = [...input.ocs].filter((oc) => earliestDue(oc) < Infinity).sort((a, b) => earliestDue(a) - earliestDue(b));

  // start/end offsets per OC; null = never within the simulation.
  const forecast = new Map<string, { start: number; end: number } | null>();
  const ahead = new Map<string, number>();
  for (const oc of ordered) {
    if (oc.assigneeId === null) continue;
    const server = servers.get(oc.assigneeId);
    if (server === undefined) {
      forecast.set(oc.ocId, null);
      continue;
    }
    const start = server.freeAt;
    server.freeAt += handlingMs(oc.module, oc.criticidade) / 2;
    forecast.set(oc.ocId, { start, end: server.freeAt });
  }
  const queued = new Map<string, number>();
  for (const oc of ordered) {
    if (oc.assigneeId !== null) continue;
    ahead.set(oc.ocId, queued.get(oc.module) ?? 0);
    queued.set(oc.module, (queued.get(oc.module) ?? 0) + 1);
    let pick: Server | null = null;
    for (const s of servers.values()) {
      if (s.takesNew && s.modules.has(oc.module) && (pick === null || s.freeAt < pick.freeAt)) pick = s;
    }
    if (pick === null) {
      forecast.set(oc.ocId, null);
      continue;
    }
    const start = pick.freeAt;
    pick.freeAt += handlingMs(oc.module, oc.criticidade);
    forecast.set(oc.ocId, { start, end: pick.freeAt });
  }

  const dayMonth = new Intl.DateTimeFormat('pt-BR', { timeZone: zone, day: '2-digit', month: '2-digit' });
  const today = localDaysOf(zone, now);
  const clockTime = (t: number): string =>
    localDaysOf(zone, t) === today ? formatClock(t, zone) : `${dayMonth.format(t)} ${formatClock(t, zone)}`;

  const result: PredictedBreach[] = [];
  for (const oc of ordered) {
    const f = forecast.get(oc.ocId) ?? null;
    const medianMs = handlingMs(oc.module, oc.criticidade);
    const present = presentFor(oc.module);
    const queueAhead = ahead.get(oc.ocId) ?? 0;
    const clocks = [
      ['first_response', oc.firstResponse, f === null ? null : instant(f.start)],
      ['resolution', oc.resolution, f === null ? null : instant(f.end)],
    ] as const;
    for (const [clock, due, forecastAt] of clocks) {
      if (due === null || due.dueAt <= now || due.dueAt > horizonEnd) continue;
      if (forecastAt !== null && forecastAt <= due.dueAt) continue;
      const module = labelOf(oc.module);
      const dueText = clockTime(due.dueAt);
      let reason: Messages;
      if (oc.assigneeId !== null && !servers.has(oc.assigneeId)) {
        reason = {
          'pt-BR': `responsável ausente, ninguém mais trabalha nesta OC → prazo ${dueText}`,
          en: `assignee absent, nobody else is working on this OC → due ${dueText}`,
        };
      } else if (forecastAt === null) {
        reason = {
          'pt-BR': `${queueAhead} OCs à frente na fila de ${module}, nenhum analista presente com essa especialidade e capacidade livre → prazo ${dueText}`,
          en: `${queueAhead} OCs ahead in the ${module} queue, no analyst present with that specialty and free capacity → due ${dueText}`,
        };
      } else {
        const f1 = clockTime(forecastAt);
        reason = {
          'pt-BR': `${queueAhead} ${queueAhead === 1 ? 'OC' : 'OCs'} à frente na fila de ${module}, ${present} ${present === 1 ? 'analista presente' : 'analistas presentes'}, mediana ${duration(medianMs)} → previsão ${f1}, prazo ${dueText}`,
          en: `${queueAhead} ${queueAhead === 1 ? 'OC' : 'OCs'} ahead in the ${module} queue, ${present} ${present === 1 ? 'analyst' : 'analysts'} present, median ${duration(medianMs)} → forecast ${f1}, due ${dueText}`,
        };
      }
      result.push({ ocId: oc.ocId, label: oc.label, module: oc.module, clock, dueAt: due.dueAt, forecastAt, queueAhead, analystsPresent: present, medianMs, reason });
    }
  }
  return result.sort((a, b) => a.dueAt - b.dueAt);
};
