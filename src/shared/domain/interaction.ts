import { z } from 'zod';
import { Id, Instant } from './ids';
import { InteractionKind } from './enums';
import { Line, Phone, Text } from './text';

/** Simulation record (manual: "registro da simulação"): required to escalate to N2 or forward to development. */
export const SimulationRecord = z.object({
  steps: Text().trim().min(10, 'descreva os passos / describe the steps').max(10_000),
  environment: Text().trim().min(3).max(2_000),
  evidence: Text().trim().max(5_000),
  expected: Text().trim().min(3).max(2_000),
  actual: Text().trim().min(3).max(2_000),
});
export type SimulationRecord = z.infer<typeof SimulationRecord>;

export const CallDirection = z.enum(['inbound', 'outbound']);
export const CallDetails = z.object({
  direction: CallDirection,
  startedAt: Instant,
  endedAt: Instant,
  contactName: Line().trim().min(1).max(120),
  phone: Phone.nullable(),
});
export type CallDetails = z.infer<typeof CallDetails>;

/**
 * Everything said about an OC, append-only. A call may be logged against a customer without an OC, so
 * ocId is nullable. customer_reply comes from the Extranet contact; the others from analysts.
 */
export const Interaction = z.object({
  id: Id,
  ocId: Id.nullable(),
  customerId: Id,
  kind: InteractionKind,
  authorId: Id,
  authorName: Line().max(200),
  body: Text().max(50_000),
  call: CallDetails.nullable(),
  simulation: SimulationRecord.nullable(),
  /** When it counts: server receipt for customer-visible actions (SPEC §3 rule 10). */
  createdAt: Instant,
  /** The other of the two times (mutators/times.ts), present only where it differs from createdAt by a minute or more. */
  actedAt: Instant.optional(),
  receivedAt: Instant.optional(),
});
export type Interaction = z.infer<typeof Interaction>;

export const isCustomerVisible = (kind: InteractionKind): boolean =>
  kind === 'public_reply' || kind === 'call_log' || kind === 'customer_reply';
