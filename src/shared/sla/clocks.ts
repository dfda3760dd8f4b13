import type { SlaBadge, SlaClockName } from '../api/views';
import type { OcEvent, SlaConfig } from '../domain';
import type { ClockRun } from './clock-run';
import type { SlaClockState, SlaEvaluation } from './clock-types';
import { indexConfig, type ConfigIndex } from './config-index';
import { applyEvent, settleTimeline, startTimeline, type CreatedEvent, type Timeline } from './timeline';

export type { SlaAlertPoint, SlaClockState, SlaEvaluation } from './clock-types';
export { movesClocks } from './timeline';

// SPEC §3 rule 1: SLA state is a pure function of (the OC's event log, the policy and calendar versions, now).
// Nothing is stored step by step; the scheduler, the queue sort, the board and the server's breach job all call
// this.
//
// Versions (rule 7). The `created` event binds the OC to its slaConfigVersion; later edits of the policy do not
// touch it. An `sla_recomputed` event (the explicit, audited lead action) at instant R switches to toVersion as a
// full recompute: the whole timeline from creation is re-evaluated under the new version, then merged with the
// state as it stood at R under the old one —
//   • a clock stopped before R keeps its outcome (met / breached / stopped) and its measures;
//   • a breach stays a breach (rule 5), with its original time;
//   • a breach or warnings that only the new version reveals are dated R and flagged reclassified (as rule 6);
//   • a live clock continues from the elapsed time the new version computes (so a closed day added by the lead
//     is credited), on the new version's targets and calendars.
//
// Events are taken in order of `at` (stable, so same-instant events keep log order). Events after `now` are
// not yet part of the state; the first of them is reported as nextChangeAt.

const byAt = (events: readonly OcEvent[]): readonly OcEvent[] => {
  for (let i = 1; i < events.length; i += 1) {
    if ((events[i] as OcEvent).at < (events[i - 1] as OcEvent).at) return [...events].sort((a, b) => a.at - b.at);
  }
  return events;
};

const runsOf = (timeline: Timeline): ClockRun[] =>
  timeline.olaN2 === null ? [timeline.firstResponse, timeline.resolution] : [timeline.firstResponse, timeline.resolution, timeline.olaN2];

const recompute = (
  current: Timeline,
  events: readonly OcEvent[],
  createdIndex: number,
  recomputeIndex: number,
  index: ConfigIndex,
  at: number,
): Timeline => {
  const fresh = startTimeline(events[createdIndex] as CreatedEvent, index);
  for (let j = createdIndex + 1; j < recomputeIndex; j += 1) {
    const event = events[j] as OcEvent;
    if (event.data.type !== 'sla_recomputed') applyEvent(fresh, event);
  }
  settleTimeline(fresh, at, false);
  settleTimeline(current, at, false);
  fresh.firstResponse = fresh.firstResponse.mergeRecomputed(current.firstResponse, at);
  fresh.resolution = fresh.resolution.mergeRecomputed(current.resolution, at);
  if (fresh.olaN2 !== null && current.olaN2 !== null) fresh.olaN2 = fresh.olaN2.mergeRecomputed(current.olaN2, at);
  fresh.pastOlaBreaches = [...current.pastOlaBreaches];
  return fresh;
};

/** The SLA clocks of one OC at `now`. `configs` returns the SlaConfig of a version (throws if unknown). */
export const evaluateSla = (events: readonly OcEvent[], configs: (version: number) => SlaConfig, now: number): SlaEvaluation => {
  const ordered = byAt(events);
  const createdIndex = ordered.findIndex((e) => e.data.type === 'created');
  const created = ordered[createdIndex] as CreatedEvent | undefined;
  if (created === undefined) return { clocks: [], nextChangeAt: null, configVersion: null, pastOlaBreaches: [] };
  if (created.at > now) return { clocks: [], nextChangeAt: created.at, configVersion: null, pastOlaBreaches: [] };

  let version = created.data.slaConfigVersion;
  let timeline = startTimeline(created, indexConfig(configs(version)));
  let i = createdIndex + 1;
  for (; i < ordered.length; i += 1) {
    const event = ordered[i] as OcEvent;
    if (event.at > now) break;
    if (event.data.type !== 'sla_recomputed') applyEvent(timeline, event);
    else if (event.data.toVersion !== version) {
      version = event.data.toVersion;
      timeline = recompute(timeline, ordered, createdIndex, i, indexConfig(configs(version)), event.at);
    }
  }
  settleTimeline(timeline, now, true);

  let next = i < ordered.length ? (ordered[i] as OcEvent).at : Number.POSITIVE_INFINITY;
  const clocks: SlaClockState[] = [];
  for (const run of runsOf(timeline)) {
    const { state, nextChangeAt } = run.snapshot(now);
    clocks.push(state);
    if (nextChangeAt < next) next = nextChangeAt;
  }
  return {
    clocks,
    nextChangeAt: Number.isFinite(next) ? next : null,
    configVersion: version,
    pastOlaBreaches: timeline.pastOlaBreaches,
  };
};

export const clockOf = (evaluation: SlaEvaluation, clock: SlaClockName): SlaClockState | undefined =>
  evaluation.clocks.find((c) => c.clock === clock);

const CLOCK_ORDER: Record<SlaClockName, number> = { resolution: 0, first_response: 1, ola_n2: 2 };
const STOPPED_ORDER: Record<SlaClockState['state'], number> = { breached: 0, running: 1, paused: 1, met: 2, stopped: 3 };

/** Sort key of a clock for the badge: lower = more urgent. */
const urgency = (c: SlaClockState): [number, number] => {
  if (c.counting && c.breachedAt !== null) return [0, c.breachedAt];
  if (c.counting) return [1, c.dueAt ?? Number.POSITIVE_INFINITY];
  if (c.stoppedAt === null) return [2, c.breachedAt !== null ? -Infinity : c.remainingMs];
  return [3 + STOPPED_ORDER[c.state], CLOCK_ORDER[c.clock]];
};

/**
 * The one clock a queue row or the board shows (SPEC §4 "soonest breach first"): a counting clock already
 * breached (the longest overdue), else the counting clock due soonest, else a paused one, else the most telling
 * stopped one (breached, then met, then stopped; resolution first). null for an OC without clocks.
 */
export const slaBadge = (evaluation: SlaEvaluation): SlaBadge | null => {
  let best: SlaClockState | null = null;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const clock of evaluation.clocks) {
    const key = urgency(clock);
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = clock;
      bestKey = key;
    }
  }
  if (best === null) return null;
  return { clock: best.clock, state: best.state, dueAt: best.dueAt, percent: best.percent, breachedAt: best.breachedAt };
};
