import type { Criticidade, OcEvent, OcStatus, Plan } from '../domain';
import { ClockRun } from './clock-run';
import type { ConfigIndex } from './config-index';

// An OC's SLA timeline: the clocks and the few facts they depend on (plan, criticidade, status), advanced one
// logged event at a time. Which event starts, pauses or stops which clock is decided here, in one place.

export type CreatedEvent = OcEvent & { data: Extract<OcEvent['data'], { type: 'created' }> };

export interface Timeline {
  index: ConfigIndex;
  plan: Plan;
  criticidade: Criticidade;
  status: OcStatus;
  /** Forwarded to development with a simulation record: the resolution clock stops (rule 4). */
  devStop: boolean;
  firstResponse: ClockRun;
  resolution: ClockRun;
  olaN2: ClockRun | null;
  pastOlaBreaches: number[];
}

type ClockMode = 'running' | 'paused' | 'stop' | 'cancel';

/**
 * Rule 4: resolution runs from creation, pauses while aguardando_cliente, stops at solucionada (and stays stopped
 * through encerrada) or at encaminhada_dev with a simulation record (and through aguardando_versao). Leaving
 * those statuses (solucionada → reaberta, encaminhada_dev → em_atendimento) resumes the same clock. cancelada
 * stops every clock with no outcome.
 */
const resolutionMode = (status: OcStatus, devStop: boolean): ClockMode => {
  switch (status) {
    case 'solucionada':
    case 'encerrada':
      return 'stop';
    case 'cancelada':
      return 'cancel';
    case 'aguardando_cliente':
      return 'paused';
    case 'encaminhada_dev':
    case 'aguardando_versao':
      return devStop ? 'stop' : 'running';
    default:
      return 'running';
  }
};

/**
 * The first response and the OLA never pause and never restart. Besides their own goal, they stop with an
 * outcome when the OC is solved (the customer sees the solution on the Extranet: an answer, and N2 did act), and
 * without one when it is cancelled.
 */
const oneShotMode = (status: OcStatus): ClockMode =>
  status === 'solucionada' || status === 'encerrada' ? 'stop' : status === 'cancelada' ? 'cancel' : 'running';

const applyMode = (run: ClockRun, mode: ClockMode, t: number): void => {
  if (mode === 'stop' || mode === 'cancel') run.stop(t, mode === 'stop');
  else run.setMode(t, mode);
};

const settleAll = (timeline: Timeline, t: number, inclusive: boolean): void => {
  timeline.firstResponse.settle(t, inclusive);
  timeline.resolution.settle(t, inclusive);
  timeline.olaN2?.settle(t, inclusive);
};

export const settleTimeline = settleAll;

export const startTimeline = (created: CreatedEvent, index: ConfigIndex): Timeline => {
  const { plan, criticidade, status } = created.data;
  const t = created.at;
  const timeline: Timeline = {
    index,
    plan,
    criticidade,
    status,
    devStop: false,
    // Rule 3: the first response starts at creation; a phone OC's `created` is already at the call's start.
    firstResponse: new ClockRun('first_response', t, index.response(plan, criticidade), index.thresholds),
    resolution: new ClockRun('resolution', t, index.resolution(plan, criticidade), index.thresholds),
    olaN2: null,
    pastOlaBreaches: [],
  };
  const oneShot = oneShotMode(status);
  if (oneShot !== 'running') applyMode(timeline.firstResponse, oneShot, t);
  applyMode(timeline.resolution, resolutionMode(status, false), t);
  return timeline;
};

const changeStatus = (timeline: Timeline, to: OcStatus, simulationId: string | null, t: number): void => {
  if (to === 'encaminhada_dev') timeline.devStop = simulationId !== null;
  else if (to !== 'aguardando_versao') timeline.devStop = false;
  timeline.status = to;
  applyMode(timeline.resolution, resolutionMode(to, timeline.devStop), t);
  const oneShot = oneShotMode(to);
  if (oneShot !== 'running') {
    applyMode(timeline.firstResponse, oneShot, t);
    if (timeline.olaN2 !== null) applyMode(timeline.olaN2, oneShot, t);
  }
};

const retargetCustomerClocks = (timeline: Timeline, t: number): void => {
  const { index, plan, criticidade } = timeline;
  timeline.firstResponse.settle(t, false);
  timeline.resolution.settle(t, false);
  if (timeline.firstResponse.live) timeline.firstResponse.retarget(t, index.response(plan, criticidade), index.thresholds);
  timeline.resolution.retarget(t, index.resolution(plan, criticidade), index.thresholds);
};

const isTerminal = (status: OcStatus): boolean => status === 'solucionada' || status === 'encerrada' || status === 'cancelada';

/**
 * False for an event that applyEvent ignores whatever the timeline holds: appending it at or before `now` leaves
 * every clock of every OC exactly as it was, so a store may keep the SLA columns it has (the property test checks
 * this against evaluateSla). Internal notes, customer replies, hand-offs, field edits and N1 assignments are such.
 */
export const movesClocks = (event: OcEvent): boolean => {
  const data = event.data;
  switch (data.type) {
    case 'interaction_added':
      return data.customerVisibleAgentAction;
    case 'assigned':
      return data.level === 'n2' && data.toId !== null;
    case 'field_changed':
    case 'handed_off':
      return false;
    default:
      return true;
  }
};

/** Advances the timeline by one event (events arrive sorted by `at`). sla_recomputed is the caller's. */
export const applyEvent = (timeline: Timeline, event: OcEvent): void => {
  const t = event.at;
  const data = event.data;
  switch (data.type) {
    case 'status_changed':
      if (data.to === timeline.status && data.to !== 'encaminhada_dev') return;
      settleAll(timeline, t, false);
      changeStatus(timeline, data.to, data.simulationId, t);
      return;
    case 'cancelled':
      if (timeline.status === 'cancelada') return;
      settleAll(timeline, t, false);
      changeStatus(timeline, 'cancelada', null, t);
      return;
    case 'interaction_added': {
      // Rule 3: only a customer-visible agent action (public reply, logged call) answers; notes do not.
      const run = timeline.firstResponse;
      if (!data.customerVisibleAgentAction || !run.live) return;
      run.settle(t, false);
      run.stop(t, true);
      return;
    }
    case 'escalated': {
      // Rule 9: the customer clocks keep running; the internal N2 pick-up OLA starts.
      if (data.to !== 'n2' || isTerminal(timeline.status) || timeline.olaN2?.live === true) return;
      const previous = timeline.olaN2;
      if (previous !== null && previous.breachedAt !== null) timeline.pastOlaBreaches.push(previous.breachedAt);
      timeline.olaN2 = new ClockRun('ola_n2', t, timeline.index.olaN2, timeline.index.thresholds);
      return;
    }
    case 'assigned':
    case 'returned': {
      // Picked up = an N2 analyst assigned; an escalation returns to N1 only after N2 looked at it.
      const run = timeline.olaN2;
      if (run === null || !run.live) return;
      if (data.type === 'assigned' && (data.level !== 'n2' || data.toId === null)) return;
      run.settle(t, false);
      run.stop(t, true);
      return;
    }
    case 'criticidade_changed':
      timeline.criticidade = data.to;
      retargetCustomerClocks(timeline, t);
      return;
    case 'plan_changed':
      timeline.plan = data.to;
      retargetCustomerClocks(timeline, t);
      return;
    default:
      return;
  }
};
