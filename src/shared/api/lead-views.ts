import { z } from 'zod';
import { Channel, Criticidade, HolidaySource, Id, Instant, IsoMonth, Level, OcStatus, Plan, Presence, SlaConfig, Slug } from '../domain';
import { GRANULARITIES } from '../reports/periods';
import { SyncState } from './notices';
import { ExportTableArgs } from './report-export';
import { SlaClockName } from './views';

// The team lead's queries (SPEC §5 board, reports, configuration): args and results. `leadQueries` is spread
// into the contract's `queries`; handlers live in src/core/api/lead-handlers.ts. Arguments are parsed strictly
// (ids, months, instants: src/shared/domain); results are the core's own output and are not parsed again.

const DAY_MS = 86_400_000;
const none = z.object({}).strict();
/** A report month, "YYYY-MM": month 13 or year 0001 are refused, never rolled over (dates.ts). */
const Month = IsoMonth;

/** met / breached clocks whose outcome was decided in the period; pct = met ÷ (met + breached), null if none. */
export const Tally = z.object({ met: z.number().int().nonnegative(), breached: z.number().int().nonnegative(), pct: z.number().nullable() });
export type Tally = z.infer<typeof Tally>;

// ——— Board ———

/** One customer clock on the board: the renderer counts down to dueAt itself, from one shared tick. */
export const BoardClock = z.object({
  ocId: Id,
  displayNumber: z.string(),
  customerName: z.string(),
  subject: z.string(),
  plan: Plan,
  module: Slug,
  criticidade: Criticidade,
  level: Level,
  status: OcStatus,
  clock: SlaClockName,
  dueAt: Instant.nullable(),
  breachedAt: Instant.nullable(),
  percent: z.number(),
  assigneeName: z.string().nullable(),
});
export type BoardClock = z.infer<typeof BoardClock>;

export const BoardCompliance = z.object({ key: z.string(), label: z.string(), today: Tally, days30: Tally });
export type BoardCompliance = z.infer<typeof BoardCompliance>;

export const BoardAnalyst = z.object({
  id: Id,
  name: z.string(),
  level: Level,
  presence: Presence,
  load: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
});
export type BoardAnalyst = z.infer<typeof BoardAnalyst>;

/** What each active analyst holds against their capacity, for a lead choosing whom to give an OC (reassign). */
export const AnalystLoad = BoardAnalyst.pick({ id: true, load: true, capacity: true });
export type AnalystLoad = z.infer<typeof AnalystLoad>;

export const BoardRecado = z.object({
  id: Id,
  forAnalystName: z.string(),
  customerName: z.string(),
  callerName: z.string(),
  createdAt: Instant,
});

export const BoardPrediction = z.object({
  ocId: Id,
  displayNumber: z.string(),
  module: Slug,
  clock: z.enum(['first_response', 'resolution']),
  dueAt: Instant,
  forecastAt: Instant.nullable(),
  reason: z.object({ 'pt-BR': z.string(), en: z.string() }),
});
export type BoardPrediction = z.infer<typeof BoardPrediction>;

/** Percent of the target above which a running clock counts as at risk (the middle warning of SPEC §3 rule 8). */
export const AT_RISK_PCT = 75;

export const BoardSnapshot = z.object({
  /** The core's (server-corrected) time when the snapshot was taken: the countdown's origin. */
  now: Instant,
  timeZone: z.string(),
  configVersion: z.number().int(),
  sync: SyncState,
  /** Running customer clocks (first response, resolution) of open OCs, soonest due first. */
  nextBreaches: z.array(BoardClock),
  /** Open OCs with a breached customer clock still counting, most recent breach first. */
  breached: z.array(BoardClock),
  breachedCount: z.number().int().nonnegative(),
  atRiskCount: z.number().int().nonnegative(),
  /** Open OCs with a running, not yet breached customer clock (nextBreaches holds the soonest of them). */
  runningCount: z.number().int().nonnegative(),
  compliance: z.object({ byPlan: z.array(BoardCompliance), byModule: z.array(BoardCompliance) }),
  analysts: z.array(BoardAnalyst),
  /** N2 pick-ups waiting (escalated, nobody took them yet): the internal OLA (SPEC §3 rule 9). */
  olaWaiting: z.array(BoardClock),
  recados: z.object({ count: z.number().int().nonnegative(), oldest: z.array(BoardRecado) }),
  predicted: z.array(BoardPrediction),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;

// ——— Reports ———

export const ComplianceDimension = z.enum(['period', 'plan', 'module', 'analyst', 'customer']);
export type ComplianceDimension = z.infer<typeof ComplianceDimension>;
export const Granularity = z.enum(GRANULARITIES);

const Window = z.object({ from: Instant, to: Instant, granularity: Granularity.default('day') });
const windowChecks = <T extends { from: number; to: number }>(w: T): boolean => w.to > w.from && w.to - w.from <= 400 * DAY_MS;
const WINDOW_MESSAGE = 'período inválido (início antes do fim, até 400 dias) / invalid period (start before end, up to 400 days)';

export const ComplianceArgs = Window.extend({
  groupBy: z.array(ComplianceDimension).max(5).default(['plan']).refine((g) => new Set(g).size === g.length, 'dimensão repetida / repeated dimension'),
  plans: z.array(Plan).optional(),
  modules: z.array(Slug).optional(),
  analystIds: z.array(Id).optional(),
  customerIds: z.array(Id).optional(),
}).refine(windowChecks, WINDOW_MESSAGE);
export type ComplianceArgs = z.output<typeof ComplianceArgs>;

/** Marks clocks decided while nobody held the OC (analyst dimension). */
export const UNASSIGNED = '-';

export const ComplianceRow = z.object({
  period: z.string().optional(),
  plan: Plan.optional(),
  module: Slug.optional(),
  moduleName: z.string().optional(),
  analystId: z.string().optional(),
  analystName: z.string().optional(),
  customerId: Id.optional(),
  customerName: z.string().optional(),
  firstResponse: Tally,
  resolution: Tally,
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceReport = z.object({
  from: Instant,
  to: Instant,
  timeZone: z.string(),
  granularity: Granularity,
  groupBy: z.array(ComplianceDimension),
  rows: z.array(ComplianceRow),
  totals: z.object({ firstResponse: Tally, resolution: Tally }),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const PenaltyRow = z.object({
  customerId: Id,
  customerName: z.string(),
  cnpj: z.string(),
  plan: Plan,
  monthlyFeeCents: z.number().int().nonnegative(),
  breaches: z.number().int().nonnegative(),
  uncappedCents: z.number().int().nonnegative(),
  capCents: z.number().int().nonnegative(),
  penaltyCents: z.number().int().nonnegative(),
  capped: z.boolean(),
});
export type PenaltyRow = z.infer<typeof PenaltyRow>;

export const PenaltyReport = z.object({
  month: Month,
  timeZone: z.string(),
  rows: z.array(PenaltyRow),
  totals: z.object({ customers: z.number().int(), breaches: z.number().int(), penaltyCents: z.number().int() }),
});
export type PenaltyReport = z.infer<typeof PenaltyReport>;

export const PenaltyLine = z.object({
  ocId: Id,
  displayNumber: z.string(),
  subject: z.string(),
  plan: Plan,
  criticidade: Criticidade,
  breachedAt: Instant,
  /** The breach came from a change of criticidade or plan (SPEC §3 rule 6), not from the deadline passing. */
  reclassified: z.boolean(),
  /** When the resolution clock stopped (solved, forwarded to development, cancelled); null while it runs. */
  stoppedAt: Instant.nullable(),
  stopReason: z.enum(['solved', 'forwarded', 'cancelled']).nullable(),
  /** Business time past the target, at the stop or at generation. */
  overdueMs: z.number().int().nonnegative(),
  pct: z.number(),
  penaltyCents: z.number().int(),
  chargedCents: z.number().int(),
});
export type PenaltyLine = z.infer<typeof PenaltyLine>;

/** The statement a lead sends a customer: every resolution breach of the month and what it costs. */
export const PenaltyStatement = PenaltyRow.extend({
  month: Month,
  timeZone: z.string(),
  penaltyPct: z.record(Plan, z.number()),
  penaltyCapPct: z.number(),
  lines: z.array(PenaltyLine),
  generatedAt: Instant,
});
export type PenaltyStatement = z.infer<typeof PenaltyStatement>;

export const StatementFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type StatementFile = z.infer<typeof StatementFile>;

export const VolumeCounts = z.object({
  total: z.number().int(),
  byChannel: z.record(Channel, z.number().int()),
  /** Solved without ever being escalated to N2. */
  solvedAtN1: z.number().int(),
  /** Escalated to N2 at least once. */
  escalated: z.number().int(),
  /** Neither solved at N1 nor escalated: still open at N1, cancelled, handed to CS/implantação. */
  other: z.number().int(),
});
export type VolumeCounts = z.infer<typeof VolumeCounts>;

export const VolumeReport = z.object({
  from: Instant,
  to: Instant,
  timeZone: z.string(),
  granularity: Granularity,
  rows: z.array(VolumeCounts.extend({ period: z.string() })),
  totals: VolumeCounts,
});
export type VolumeReport = z.infer<typeof VolumeReport>;

// ——— Configuration ———

export const SlaConfigOverview = z.object({
  current: SlaConfig,
  versions: z.array(z.object({ version: z.number().int(), effectiveFrom: Instant })),
  /** Open OCs per bound SLA version: those below current are what "recompute open OCs" would move. */
  openOcsByVersion: z.array(z.object({ version: z.number().int(), count: z.number().int() })),
});
export type SlaConfigOverview = z.infer<typeof SlaConfigOverview>;

export const HolidayPreview = z.array(z.object({
  date: z.string(),
  name: z.string(),
  startMinute: z.number().int(),
  endMinute: z.number().int(),
  reason: z.string(),
}));
export type HolidayPreview = z.infer<typeof HolidayPreview>;

export const HolidayRegions = z.object({
  states: z.array(z.object({ code: z.string(), name: z.string() })),
  cities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type HolidayRegions = z.infer<typeof HolidayRegions>;

export const leadQueries = {
  'board.snapshot': { args: none, result: BoardSnapshot },
  'team.load': { args: none, result: z.array(AnalystLoad) },
  'reports.compliance': { args: ComplianceArgs, result: ComplianceReport },
  'reports.penalties': { args: z.object({ month: Month }), result: PenaltyReport },
  'reports.penaltyDetail': { args: z.object({ customerId: Id, month: Month }), result: PenaltyStatement },
  // The statement goes to a Brazilian customer: pt-BR unless the lead asks for English.
  'reports.penaltyStatement': { args: z.object({ customerId: Id, month: Month, format: z.enum(['csv', 'pdf']), lang: z.enum(['pt-BR', 'en']).optional() }), result: StatementFile },
  'reports.volume': { args: Window.refine(windowChecks, WINDOW_MESSAGE), result: VolumeReport },
  /** Any report table the screen shows, as CSV or PDF (src/shared/api/report-export.ts). */
  'reports.exportTable': { args: ExportTableArgs, result: StatementFile },
  'config.sla': { args: none, result: SlaConfigOverview },
  'config.holidayPreview': { args: z.object({ source: HolidaySource, year: z.number().int().min(2000).max(2100) }), result: HolidayPreview },
  'config.holidayRegions': { args: z.object({ state: HolidaySource.shape.state.default(null) }), result: HolidayRegions },
} as const;
