import { z } from 'zod';
import { Id, Instant, Slug } from './ids';
import { CancelReason, Channel, Criticidade, HandoffTarget, Level, OcKind, OcStatus, Plan } from './enums';
import { VersionLabel } from './release';
import { Line, Text } from './text';

/** Cost quote of a database change (manual FAQ 9): executed by development, may carry a cost. */
export const DbChangeQuote = z.object({
  amountCents: z.number().int().nonnegative(),
  description: Text().trim().min(3).max(2_000),
  quotedAt: Instant,
  quotedById: Id,
  decision: z
    .object({
      approved: z.boolean(),
      /** Who approved at the customer (name as stated by the customer). */
      decidedBy: Line().trim().min(2).max(120),
      decidedAt: Instant,
      recordedById: Id,
    })
    .nullable(),
});
export type DbChangeQuote = z.infer<typeof DbChangeQuote>;

export const Resolution = z.object({
  code: z.enum(['solucionada', 'versao_liberada', 'encaminhada_cs', 'encaminhada_implantacao']),
  note: Text().max(10_000),
});
export type Resolution = z.infer<typeof Resolution>;

export const OC_NUMBER_PATTERN = /^OC-\d{4}-\d{6}$/;

export const Ocorrencia = z.object({
  id: Id,
  /** Server-assigned OC-YYYY-NNNNNN; null while created offline and not yet synced. */
  number: z.string().regex(OC_NUMBER_PATTERN, 'use OC-AAAA-NNNNNN / use OC-YYYY-NNNNNN').nullable(),
  customerId: Id,
  contactId: Id.nullable(),
  channel: Channel,
  module: Slug,
  segment: Slug,
  criticidade: Criticidade,
  kind: OcKind,
  subject: Line().trim().min(3).max(200),
  description: Text().trim().min(1).max(50_000),
  level: Level,
  status: OcStatus,
  /** Plan of the customer, kept on the OC so the SLA clock sees plan changes as events. */
  plan: Plan,
  assigneeId: Id.nullable(),
  /** When the present assignee got it ("OC already taken by Ana at 10:42"). */
  assignedAt: Instant.nullable(),
  preferredAnalystId: Id.nullable(),
  /** The N1 analyst who escalated; "return to N1" gives the OC back to them. */
  escalatedById: Id.nullable(),
  lastSimulationId: Id.nullable(),
  devReference: Line().trim().max(80).nullable(),
  targetVersion: VersionLabel.nullable(),
  quote: DbChangeQuote.nullable(),
  resolution: Resolution.nullable(),
  handoff: HandoffTarget.nullable(),
  cancelReason: CancelReason.nullable(),
  createdById: Id,
  createdAt: Instant,
  updatedAt: Instant,
  solvedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  /** Version of the SLA configuration the clocks use; changes only with an explicit recompute (SPEC §3 rule 7). */
  slaConfigVersion: z.number().int().positive(),
});
export type Ocorrencia = z.infer<typeof Ocorrencia>;

/** What the UI shows before the server has numbered an OC created offline. */
export const displayNumber = (oc: Pick<Ocorrencia, 'id' | 'number'>): string =>
  oc.number ?? `PROV-${oc.id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
