import { z } from 'zod';
import {
  Analyst,
  CallDetails,
  CatalogItem,
  Contact,
  Criticidade,
  Customer,
  Id,
  Instant,
  Interaction,
  Level,
  OcEvent,
  Ocorrencia,
  OcKind,
  OcStatus,
  Plan,
  Recado,
  PlannedVersion,
  Release,
  Slug,
  Channel,
} from '../domain';
import { OC_STAGES } from '../oc/stage';

// What queries return. Rows are flat and small: the queue shows tens of thousands of them.

export const SlaClockName = z.enum(['first_response', 'resolution', 'ola_n2']);
export type SlaClockName = z.infer<typeof SlaClockName>;

export const SlaStateName = z.enum(['running', 'paused', 'met', 'breached', 'stopped']);
export type SlaStateName = z.infer<typeof SlaStateName>;

/** The soonest SLA instant of an OC, as the queue and board sort and colour by it. */
export const SlaBadge = z.object({
  clock: SlaClockName,
  state: SlaStateName,
  dueAt: Instant.nullable(),
  percent: z.number(),
  breachedAt: Instant.nullable(),
});
export type SlaBadge = z.infer<typeof SlaBadge>;

export const QueueRow = z.object({
  id: Id,
  number: z.string().nullable(),
  displayNumber: z.string(),
  customerId: Id,
  customerName: z.string(),
  plan: Plan,
  module: Slug,
  segment: Slug,
  criticidade: Criticidade,
  kind: OcKind,
  channel: Channel,
  status: OcStatus,
  level: Level,
  subject: z.string(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  preferredAnalystId: Id.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  sla: SlaBadge.nullable(),
  /** The N2 pick-up OLA's deadline while it runs (an escalated OC waiting for an N2), whatever `sla` shows. */
  olaDueAt: Instant.nullable(),
  /** True while the local change has not been confirmed by the server. */
  pending: z.boolean(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueueFilter = z.object({
  modules: z.array(Slug).optional(),
  segments: z.array(Slug).optional(),
  levels: z.array(Level).optional(),
  statuses: z.array(OcStatus).optional(),
  /** Stages (shared/oc/stage.ts): statuses, and aguardando_n2 — an escalated OC no N2 has taken yet. */
  stages: z.array(z.enum(OC_STAGES)).optional(),
  plans: z.array(Plan).optional(),
  criticidades: z.array(Criticidade).optional(),
  assigneeId: Id.nullable().optional(),
  customerId: Id.optional(),
  breached: z.boolean().optional(),
  /** Running clocks due within this many ms (at risk). */
  dueWithinMs: z.number().int().positive().optional(),
  openOnly: z.boolean().default(true),
  limit: z.number().int().min(1).max(100_000).default(20_000),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

export const MyQueue = z.object({
  /** Unassigned OCs of my specialties at my level, soonest breach first. */
  available: z.array(QueueRow),
  /** OCs assigned to me. */
  mine: z.array(QueueRow),
  /** OCs a customer directed to me (preferred analyst) not yet taken. */
  directed: z.array(QueueRow),
  recados: z.array(Recado),
  /** The first warning threshold of the SLA configuration in force (% of a target): "at risk" from here on. */
  warnFromPct: z.number(),
});
export type MyQueue = z.infer<typeof MyQueue>;

export const CustomerCard = z.object({
  customer: Customer,
  contacts: z.array(Contact),
  missingEligibility: z.array(z.string()),
  openOcs: z.number().int(),
});
export type CustomerCard = z.infer<typeof CustomerCard>;

export const CustomerSummary = Customer.pick({ id: true, name: true, cnpj: true, plan: true, segment: true });
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const OcDetail = z.object({
  oc: Ocorrencia,
  displayNumber: z.string(),
  customer: CustomerCard,
  interactions: z.array(Interaction),
  events: z.array(OcEvent),
  sla: z.array(
    SlaBadge.extend({
      targetMs: z.number(),
      elapsedMs: z.number(),
      remainingMs: z.number(),
      reclassified: z.boolean(),
    }),
  ),
  pending: z.boolean(),
});
export type OcDetail = z.infer<typeof OcDetail>;

/** A call as the phone screen lists it: on an OC (its number) or on the customer alone. */
export const CallEntry = Interaction.pick({ id: true, ocId: true, authorName: true, body: true, createdAt: true }).extend({
  call: CallDetails,
  displayNumber: z.string().nullable(),
});
export type CallEntry = z.infer<typeof CallEntry>;

export const Session = z.object({
  analyst: Analyst,
  /** Where the session came from: the server, or the local replica while offline. */
  source: z.enum(['server', 'local']),
});
export type Session = z.infer<typeof Session>;

export const Directory = z.object({
  analysts: z.array(Analyst),
  catalog: z.array(CatalogItem),
  releases: z.array(Release),
  /** Planned versions, newest date first (issue 13): what an OC's target version is chosen from. */
  plannedVersions: z.array(PlannedVersion),
});
export type Directory = z.infer<typeof Directory>;

export const MutationAck = z.object({
  /** The id of the entity the mutation created or changed. */
  id: z.string().nullable(),
  /** Position in the local outbox; null when nothing changed. */
  mutationId: z.number().int().nullable(),
});
export type MutationAck = z.infer<typeof MutationAck>;
