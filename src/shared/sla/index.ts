// The SLA engine of SPEC §3: calendars and business time, the clocks of an OC, penalties, predictive breach.
export * from './defaults';
export { compileCalendar, CompiledCalendar, type CalendarLike } from './calendar';
export { holidayClosures, checkHolidaySource, type HolidayClosure, type OptionalPoint } from './holidays';
export {
  businessMs,
  deadline,
  nextOpenInstant,
  isOpenAt,
  alertInstant,
  openIntervalsOn,
  SLA_MIN_INSTANT,
  SLA_HORIZON,
  SLA_COUNTED_UNTIL,
  type OpenInterval,
} from './business-time';
export { indexConfig, slaConfigProblems, SlaConfigError } from './config-index';
export { evaluateSla, slaBadge, clockOf, movesClocks, type SlaAlertPoint, type SlaClockState, type SlaEvaluation } from './clocks';
export type { SlaUnreachable } from './clock-types';
export { eventLogProblems, type EventLogProblem } from './event-log';
export { parseIsoInstant as parseCaseTime, type IsoTimeError } from './iso-time';
export * from './penalties';
export * from './predict';
export { formatInstantIso } from './time-zone';
