import type { Channel, Criticidade, OcEvent, OcEventData, OcStatus, Plan, SlaConfig } from '../../../../src/shared/domain';
import { defaultSlaConfig } from '../../../../src/shared/sla/defaults';
import type { SlaClockName } from '../../../../src/shared/api/views';
import { evaluateSla, type SlaClockState, type SlaEvaluation } from '../../../../src/shared/sla/clocks';

// Builders for SLA test cases. Times are São Paulo wall times ("2027-03-01 08:00"): Brazil has had no DST since
// 2019, so -03:00 is exact for every date used here.

export const sp = (local: string): number => {
  const t = Date.parse(`${local.replace(' ', 'T')}:00-03:00`);
  if (Number.isNaN(t)) throw new Error(`bad test time ${local}`);
  return t;
};

export const H = 3_600_000;
export const MIN = 60_000;

let sequence = 0;
const event = (at: string | number, data: OcEventData): OcEvent => {
  sequence += 1;
  return { id: `e${sequence}`, ocId: 'oc-1', at: typeof at === 'number' ? at : sp(at), actorId: 'a1', actorName: 'Ana', data };
};

export const created = (
  at: string | number,
  plan: Plan = 'ouro',
  criticidade: Criticidade = 'media',
  extra: { status?: OcStatus; slaConfigVersion?: number; channel?: Channel } = {},
): OcEvent =>
  event(at, {
    type: 'created',
    plan,
    criticidade,
    level: 'n1',
    status: extra.status ?? 'nova',
    slaConfigVersion: extra.slaConfigVersion ?? 1,
    channel: extra.channel ?? 'extranet',
  });

export const status = (at: string | number, from: OcStatus, to: OcStatus, simulationId: string | null = null): OcEvent =>
  event(at, { type: 'status_changed', from, to, simulationId });

export const reply = (at: string | number): OcEvent =>
  event(at, { type: 'interaction_added', interactionId: `i${sequence}`, kind: 'public_reply', customerVisibleAgentAction: true });
export const call = (at: string | number): OcEvent =>
  event(at, { type: 'interaction_added', interactionId: `i${sequence}`, kind: 'call_log', customerVisibleAgentAction: true });
export const note = (at: string | number): OcEvent =>
  event(at, { type: 'interaction_added', interactionId: `i${sequence}`, kind: 'internal_note', customerVisibleAgentAction: false });
export const customerReply = (at: string | number): OcEvent =>
  event(at, { type: 'interaction_added', interactionId: `i${sequence}`, kind: 'customer_reply', customerVisibleAgentAction: false });

export const escalated = (at: string | number): OcEvent => event(at, { type: 'escalated', from: 'n1', to: 'n2', simulationId: 'sim-1' });
export const assigned = (at: string | number, toId: string | null, level: 'n1' | 'n2' = 'n2'): OcEvent =>
  event(at, { type: 'assigned', fromId: null, toId, level, how: toId === null ? 'escalate' : 'take' });
export const returned = (at: string | number): OcEvent => event(at, { type: 'returned', from: 'n2', to: 'n1', note: 'volta' });
export const criticidade = (at: string | number, from: Criticidade, to: Criticidade): OcEvent =>
  event(at, { type: 'criticidade_changed', from, to });
export const plan = (at: string | number, from: Plan, to: Plan): OcEvent => event(at, { type: 'plan_changed', from, to });
export const recomputed = (at: string | number, fromVersion: number, toVersion: number): OcEvent =>
  event(at, { type: 'sla_recomputed', fromVersion, toVersion });
export const cancelled = (at: string | number): OcEvent => event(at, { type: 'cancelled', reason: 'duplicada', duplicateOfId: 'oc-0' });

export const v1: SlaConfig = defaultSlaConfig(0);

/** A later version of the defaults with extra dated overrides on the business calendar. */
export const withOverrides = (version: number, overrides: SlaConfig['calendars'][number]['overrides']): SlaConfig => ({
  ...v1,
  version,
  calendars: v1.calendars.map((c) => (c.id === 'comercial' ? { ...c, overrides: [...c.overrides, ...overrides] } : c)),
});

export const configsOf =
  (...configs: SlaConfig[]) =>
  (version: number): SlaConfig => {
    const found = configs.find((c) => c.version === version);
    if (found === undefined) throw new Error(`no config v${version}`);
    return found;
  };

export const evaluate = (events: OcEvent[], now: string | number, configs = configsOf(v1)): SlaEvaluation =>
  evaluateSla(events, configs, typeof now === 'number' ? now : sp(now));

export const clock = (result: SlaEvaluation, name: SlaClockName): SlaClockState => {
  const found = result.clocks.find((c) => c.clock === name);
  if (found === undefined) throw new Error(`no ${name} clock`);
  return found;
};
