import { z } from 'zod';
import { Id, OC_STATUSES, OcStatus, Recado } from '../domain';
import { CallEntry, CustomerCard, QueueRow } from './views';

// The customer's page (SPEC §2 "Customer history"): everything about one customer so whoever answers the phone
// knows the story — the OCs open and past (a page at a time, with honest totals: a large customer has thousands),
// the calls with or without an OC, the recados left about them, and how the SLA went this month. Contacts and
// eligibility come with the card; penalties are the existing 'customer.penalties'.
// Handlers: src/core/api/customer-history-handlers.ts; SQL: src/core/db/customer-history.ts.

/** Which of the customer's OCs: those still open, those closed (solved, closed, cancelled), or all. */
export const CUSTOMER_OC_SCOPES = ['open', 'closed', 'all'] as const;
export const CustomerOcScope = z.enum(CUSTOMER_OC_SCOPES);
export type CustomerOcScope = z.infer<typeof CustomerOcScope>;

/** Newest first, oldest first, last changed first, or soonest SLA deadline first (open ones lead). */
export const CUSTOMER_OC_SORTS = ['recent', 'oldest', 'updated', 'urgent'] as const;
export const CustomerOcSort = z.enum(CUSTOMER_OC_SORTS);
export type CustomerOcSort = z.infer<typeof CustomerOcSort>;

export const CUSTOMER_PAGE_MAX = 200;

const Offset = z.number().int().min(0).max(10_000_000).default(0);

export const CustomerOcsArgs = z
  .object({
    customerId: Id,
    scope: CustomerOcScope.default('all'),
    /** Only these statuses (within the scope); empty or absent = every status of the scope. */
    statuses: z.array(OcStatus).max(OC_STATUSES.length).optional(),
    sort: CustomerOcSort.default('recent'),
    offset: Offset,
    limit: z.number().int().min(1).max(CUSTOMER_PAGE_MAX).default(50),
  })
  .strict();
export type CustomerOcsArgs = z.input<typeof CustomerOcsArgs>;

export const StatusCount = z.object({ status: OcStatus, count: z.number().int().nonnegative() });
export type StatusCount = z.infer<typeof StatusCount>;

export const CustomerOcsPage = z.object({
  rows: z.array(QueueRow),
  /** How many OCs the filter matches, whatever the page: "1–50 de 3.214". */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type CustomerOcsPage = z.infer<typeof CustomerOcsPage>;

export const CustomerCallLogArgs = z
  .object({ customerId: Id, offset: Offset, limit: z.number().int().min(1).max(CUSTOMER_PAGE_MAX).default(50) })
  .strict();

export const CustomerCallLog = z.object({
  entries: z.array(CallEntry),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type CustomerCallLog = z.infer<typeof CustomerCallLog>;

/** A recado about the customer, with the number of the OC it concerns (when it names one). */
export const CustomerRecado = Recado.extend({ displayNumber: z.string().nullable() });
export type CustomerRecado = z.infer<typeof CustomerRecado>;

export const ClockCompliance = z.object({
  met: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  /** Percentage met, one decimal; null when no clock was decided this month. */
  pct: z.number().nullable(),
});
export type ClockCompliance = z.infer<typeof ClockCompliance>;

export const CustomerHistory = z.object({
  card: CustomerCard,
  /** Every OC of the customer by status (the filter's counts), and open / closed totals. */
  byStatus: z.array(StatusCount),
  openOcs: z.number().int().nonnegative(),
  closedOcs: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
  /** Open recados first (oldest first: they wait longest), then the done ones, newest first. */
  recados: z.array(CustomerRecado),
  recadosTotal: z.number().int().nonnegative(),
  openRecados: z.number().int().nonnegative(),
  /** SLA compliance of the customer's clocks decided this month (as the lead's compliance report counts them). */
  compliance: z.object({ month: z.string(), firstResponse: ClockCompliance, resolution: ClockCompliance }),
});
export type CustomerHistory = z.infer<typeof CustomerHistory>;

export const CUSTOMER_RECADOS_SHOWN = 100;

export const customerHistoryQueries = {
  'customer.history': { args: z.object({ customerId: Id }).strict(), result: CustomerHistory },
  'customer.ocs': { args: CustomerOcsArgs, result: CustomerOcsPage },
  'customer.callLog': { args: CustomerCallLogArgs, result: CustomerCallLog },
} as const;
