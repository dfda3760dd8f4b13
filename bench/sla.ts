// SLA engine benchmarks (wired into `npm run bench` by bench/run.ts). Each figure comes with a baseline measured
// in the same run on the same machine, so the ratio stays meaningful on a slow CI box.
//   sla.deadline.per_s      deadlines per second on the business calendar with a year of holidays (target ≥ 1e6)
//   sla.evaluate_100k.ms    evaluateSla over 100 000 open OCs with 2–8 events each (target < 500 ms)
//   sla.now_9999.ms         one OC opened in 2026 read with now in year 9999, nothing cached yet (target < 1 s);
//                           baseline: the same read a week after opening, on another zone and holiday region
//                           nothing has cached either
import { pathToFileURL } from 'node:url';
import type { Calendar, Criticidade, OcEvent, OcEventData, OcStatus, Plan, SlaConfig } from '../src/shared/domain';
import { deadline } from '../src/shared/sla/business-time';
import { compileCalendar } from '../src/shared/sla/calendar';
import { evaluateSla } from '../src/shared/sla/clocks';
import { defaultBusinessCalendar, defaultSlaConfig } from '../src/shared/sla/defaults';
import { Prng } from '../src/shared/demo/prng';
import { round, type BenchFigure } from './figures';


const HOUR = 3_600_000;
const YEAR_START = Date.parse('2027-01-01T03:00:00Z');
const YEAR_MS = 365 * 24 * HOUR;

const best = (runs: number, body: () => number): number => {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) min = Math.min(min, body());
  return min;
};

const timed = (body: () => void): number => {
  const start = performance.now();
  body();
  return performance.now() - start;
};

let sink = 0;

const benchDeadline = (): BenchFigure => {
  const calendar = compileCalendar(defaultBusinessCalendar());
  const n = 2_000_000;
  const rng7 = new Prng(7);
  const next = (): number => rng7.next();
  const starts = new Float64Array(n);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    starts[i] = YEAR_START + Math.floor(next() * YEAR_MS);
    targets[i] = Math.floor(next() * 80 * HOUR);
  }
  // Warm-up: compiles 2027–2028 and lets the JIT settle.
  for (let i = 0; i < 100_000; i += 1) sink += deadline(calendar, starts[i] as number, targets[i] as number);
  const ms = best(3, () => timed(() => {
    for (let i = 0; i < n; i += 1) sink += deadline(calendar, starts[i] as number, targets[i] as number);
  }));
  // Baseline: the same loop with a calendar-less deadline (start + target).
  const baselineMs = best(3, () => timed(() => {
    for (let i = 0; i < n; i += 1) sink += (starts[i] as number) + (targets[i] as number);
  }));
  const value = Math.round(n / (ms / 1000));
  const baseline = Math.round(n / (Math.max(baselineMs, 0.001) / 1000));
  return { value, unit: 'deadlines/s', baseline, ratio: round(value / baseline, 4) };
};

const PLANS: Plan[] = ['prata', 'ouro', 'vip'];
const CRITS: Criticidade[] = ['critica', 'alta', 'media', 'baixa'];

/** A plausible open OC: created in the last two weeks, then 1–7 of the things analysts do. */
const syntheticOc = (next: () => number, index: number, now: number): OcEvent[] => {
  const at0 = now - Math.floor(next() * 14 * 24 * HOUR);
  const plan = PLANS[Math.floor(next() * 3)] as Plan;
  const criticidade = CRITS[Math.floor(next() * 4)] as Criticidade;
  const data: OcEventData[] = [{ type: 'created', plan, criticidade, level: 'n1', status: 'nova', slaConfigVersion: 1, channel: 'extranet' }];
  const more = 1 + Math.floor(next() * 7);
  let status: OcStatus = 'nova' as OcStatus;
  let escalated = false;
  for (let k = 0; k < more; k += 1) {
    const pick = next();
    if (pick < 0.25) data.push({ type: 'interaction_added', interactionId: `i${k}`, kind: 'public_reply', customerVisibleAgentAction: true });
    else if (pick < 0.4) data.push({ type: 'interaction_added', interactionId: `i${k}`, kind: 'internal_note', customerVisibleAgentAction: false });
    else if (pick < 0.7) {
      const to: OcStatus = status === 'em_atendimento' ? 'aguardando_cliente' : 'em_atendimento';
      data.push({ type: 'status_changed', from: status, to, simulationId: null });
      status = to;
    } else if (pick < 0.8) data.push({ type: 'assigned', fromId: null, toId: `a${index % 40}`, level: escalated ? 'n2' : 'n1', how: 'take' });
    else if (pick < 0.9 && !escalated && status === 'em_atendimento') {
      data.push({ type: 'escalated', from: 'n1', to: 'n2', simulationId: `s${index}` });
      escalated = true;
    } else data.push({ type: 'criticidade_changed', from: criticidade, to: CRITS[Math.floor(next() * 4)] as Criticidade });
  }
  const step = (now - at0) / (data.length + 1);
  return data.map((d, k) => ({ id: `${index}:${k}`, ocId: `oc${index}`, at: Math.floor(at0 + k * step), actorId: 'a', actorName: 'A', data: d }));
};

const benchEvaluate = (): BenchFigure => {
  const config = defaultSlaConfig(0);
  const configs = (): typeof config => config;
  const now = Date.parse('2027-06-16T14:00:00-03:00');
  const rng11 = new Prng(11);
  const next = (): number => rng11.next();
  const ocs = Array.from({ length: 100_000 }, (_, i) => syntheticOc(next, i, now));
  for (let i = 0; i < 10_000; i += 1) sink += evaluateSla(ocs[i] as OcEvent[], configs, now).clocks.length;
  const ms = best(3, () => timed(() => {
    for (const events of ocs) sink += evaluateSla(events, configs, now).clocks.length;
  }));
  // Baseline: what any per-OC pass costs — reading each log and producing a small object per OC.
  const baselineMs = best(3, () => timed(() => {
    for (const events of ocs) {
      let last = 0;
      for (const e of events) last = Math.max(last, e.at);
      sink += [{ at: last, n: events.length }].length;
    }
  }));
  return { value: Math.round(ms * 10) / 10, unit: 'ms', baseline: Math.round(baselineMs * 10) / 10, ratio: round(ms / Math.max(baselineMs, 0.001), 2) };
};

/** One Ouro/média OC created in 2026 on a business calendar of its own (so no year of it is cached). */
const readOnce = (calendar: Partial<Calendar>, now: number): number => {
  const base = defaultSlaConfig(0);
  const own: Calendar = { ...defaultBusinessCalendar(), ...calendar, id: 'bench_now' };
  const config: SlaConfig = { ...base, calendars: [...base.calendars, own], targets: { ...base.targets, ouro: { ...base.targets.ouro, media: { ...base.targets.ouro.media, calendarId: own.id } } } };
  const created: OcEvent = {
    id: 'e0',
    ocId: 'oc',
    at: Date.parse('2026-03-03T10:00:00-03:00'),
    actorId: 'a',
    actorName: 'A',
    data: { type: 'created', plan: 'ouro', criticidade: 'media', level: 'n1', status: 'nova', slaConfigVersion: 1, channel: 'extranet' },
  };
  return timed(() => {
    sink += evaluateSla([created], () => config, now).clocks.length;
  });
};

// First in the run, before anything has compiled a calendar or asked date-holidays: what `npm run sla` pays.
const benchFarNow = (): BenchFigure => {
  const ms = readOnce({ name: 'far' }, Date.parse('9999-12-31T12:00:00Z'));
  const baselineMs = readOnce(
    { name: 'week', timeZone: 'America/Manaus', holidays: { country: 'BR', state: 'AM', city: null, includeOptional: ['carnaval'] } },
    Date.parse('2026-03-10T10:00:00-04:00'),
  );
  return { value: Math.round(ms * 10) / 10, unit: 'ms', baseline: Math.round(baselineMs * 10) / 10, ratio: round(ms / Math.max(baselineMs, 0.001), 2) };
};

export async function benchSla(): Promise<Record<string, BenchFigure>> {
  const farNow = benchFarNow();
  const figures = { 'sla.deadline.per_s': benchDeadline(), 'sla.evaluate_100k.ms': benchEvaluate(), 'sla.now_9999.ms': farNow };
  if (sink === 42) console.log('');
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchSla().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
