import { z } from 'zod';
import { Id, Instant } from './ids';
import { Line, Text } from './text';
import { CancelReason, Channel, Criticidade, HandoffTarget, InteractionKind, Level, OcStatus, Plan } from './enums';

// The append-only event log of an OC. SLA state is a pure function of these events (SPEC §3 rule 1), so each
// event carries what the clock needs and nothing has to be looked up elsewhere.

const created = z.object({
  type: z.literal('created'),
  plan: Plan,
  criticidade: Criticidade,
  level: Level,
  status: OcStatus,
  slaConfigVersion: z.number().int().positive(),
  channel: Channel,
});
const statusChanged = z.object({
  type: z.literal('status_changed'),
  from: OcStatus,
  to: OcStatus,
  /** Set when forwarding to development carries a simulation record: stops the resolution clock (rule 4). */
  simulationId: Id.nullable(),
});
const interactionAdded = z.object({
  type: z.literal('interaction_added'),
  interactionId: Id,
  kind: InteractionKind,
  /** True for the first-response-stopping actions: an analyst's public reply or logged call (rule 3). */
  customerVisibleAgentAction: z.boolean(),
});
const assigned = z.object({
  type: z.literal('assigned'),
  fromId: Id.nullable(),
  toId: Id.nullable(),
  level: Level,
  /** "take" (self) or "reassign" (lead). Previous assignee stays in history (SPEC §6). */
  how: z.enum(['take', 'reassign', 'return', 'escalate']),
});
const escalated = z.object({ type: z.literal('escalated'), from: Level, to: Level, simulationId: Id.nullable() });
const returned = z.object({ type: z.literal('returned'), from: Level, to: Level, note: Text().max(10_000) });
const criticidadeChanged = z.object({ type: z.literal('criticidade_changed'), from: Criticidade, to: Criticidade });
const planChanged = z.object({ type: z.literal('plan_changed'), from: Plan, to: Plan });
const slaRecomputed = z.object({
  type: z.literal('sla_recomputed'),
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
});
const fieldChanged = z.object({
  type: z.literal('field_changed'),
  field: z.enum(['devReference', 'targetVersion', 'quote', 'quoteDecision', 'subject', 'module', 'segment', 'kind',
    'preferredAnalystId']),
  from: z.unknown(),
  to: z.unknown(),
});
const handedOff = z.object({ type: z.literal('handed_off'), target: HandoffTarget });
const cancelled = z.object({ type: z.literal('cancelled'), reason: CancelReason, duplicateOfId: Id.nullable() });

export const OcEventData = z.discriminatedUnion('type', [
  created,
  statusChanged,
  interactionAdded,
  assigned,
  escalated,
  returned,
  criticidadeChanged,
  planChanged,
  slaRecomputed,
  fieldChanged,
  handedOff,
  cancelled,
]);
export type OcEventData = z.infer<typeof OcEventData>;
export type OcEventType = OcEventData['type'];

export const OcEvent = z.object({
  id: Id,
  ocId: Id,
  at: Instant,
  actorId: Id,
  actorName: Line().max(200),
  data: OcEventData,
  /** The other of the two times (times.ts), present only where it differs from `at` by a minute or more. */
  actedAt: Instant.optional(),
  receivedAt: Instant.optional(),
});
export type OcEvent = z.infer<typeof OcEvent>;
