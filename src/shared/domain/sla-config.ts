import { z } from 'zod';
import { Instant, Slug } from './ids';
import { IsoDate, TimeOfDay } from './dates';
import { CRITICIDADES, PLANS, Plan, Criticidade } from './enums';
import { Line } from './text';

// Shapes of the SLA configuration (SPEC §3). The maths lives in src/shared/sla. Dates and times are strict
// (dates.ts): 2026-02-30, month 13 or 25:00 are refused, never rolled over.

/** A local calendar date of the calendar's zone, "YYYY-MM-DD". */
export const LocalDate = IsoDate;

export const OpenInterval = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((i) => i.start < i.end, { message: 'o início deve ser antes do fim / start must be before end' });
export type OpenInterval = z.infer<typeof OpenInterval>;

/** A dated exception added by a lead: a closed day (no intervals) or special hours. */
export const CalendarOverride = z.object({
  date: LocalDate,
  intervals: z.array(OpenInterval),
  reason: Line().trim().min(1).max(120),
});
export type CalendarOverride = z.infer<typeof CalendarOverride>;

export const HolidaySource = z.object({
  country: z.literal('BR'),
  state: z.string().regex(/^[A-Z]{2}$/, 'use a sigla do estado, ex.: SP / use the state code, e.g. SP').nullable(),
  city: Line().max(60).nullable(),
  /** Optional points (pontos facultativos) that also close the calendar, by date-holidays rule name. */
  includeOptional: z.array(z.enum(['carnaval', 'corpus_christi', 'ash_wednesday_morning', 'christmas_eve', 'new_years_eve'])),
});
export type HolidaySource = z.infer<typeof HolidaySource>;

export const Calendar = z.object({
  id: Slug,
  name: Line().trim().min(1).max(80),
  /** An IANA zone name (e.g. America/Sao_Paulo); whether the time-zone database knows it is config-checks' job. */
  timeZone: Line().regex(/^[A-Za-z0-9_+\-/]{3,64}$/, 'use um fuso IANA, ex.: America/Sao_Paulo / use an IANA zone, e.g. America/Sao_Paulo'),
  /** Open intervals per weekday, index 0 = Sunday … 6 = Saturday (local time). Ignored when alwaysOpen. */
  weekly: z.array(z.array(OpenInterval)).length(7),
  alwaysOpen: z.boolean(),
  holidays: HolidaySource.nullable(),
  overrides: z.array(CalendarOverride),
});
export type Calendar = z.infer<typeof Calendar>;

export const SlaTarget = z.object({
  responseMinutes: z.number().int().positive(),
  resolutionMinutes: z.number().int().positive(),
  calendarId: Slug,
});
export type SlaTarget = z.infer<typeof SlaTarget>;

const byCriticidade = z.object(
  Object.fromEntries(CRITICIDADES.map((c) => [c, SlaTarget])) as Record<Criticidade, typeof SlaTarget>,
);
const byPlan = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(PLANS.map((p) => [p, value])) as Record<Plan, T>);

export const SlaConfig = z.object({
  /** Monotonic; every edit makes a new version that applies from its effectiveFrom onward. */
  version: z.number().int().positive(),
  effectiveFrom: Instant,
  targets: byPlan(byCriticidade),
  calendars: z.array(Calendar).min(1),
  warnThresholdsPct: z.array(z.number().int().min(1).max(99)),
  /** Internal OLA for an N2 pick-up after escalation (SPEC §3 rule 9). */
  olaN2PickupMinutes: z.number().int().positive(),
  olaCalendarId: Slug,
  penaltyPct: byPlan(z.number().min(0).max(100)),
  penaltyCapPct: z.number().min(0).max(100),
  /** Days a solucionada OC waits for a reopen before it is encerrada. */
  autoCloseDays: z.number().int().min(1).max(90),
});
export type SlaConfig = z.infer<typeof SlaConfig>;
