import type { Calendar, Criticidade, OpenInterval, Plan, SlaConfig, SlaTarget } from '../domain';
import { DEFAULT_TIME_ZONE } from '../time';

// SPEC §3 defaults. The manual names the plans but not the numbers; a lead changes these in the settings.

const WORKDAY: OpenInterval[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

export const BUSINESS_CALENDAR_ID = 'comercial';
export const ALWAYS_OPEN_CALENDAR_ID = 'integral_24x7';

export const defaultBusinessCalendar = (): Calendar => ({
  id: BUSINESS_CALENDAR_ID,
  name: 'Horário comercial (seg–sex 08–12, 13–18)',
  timeZone: DEFAULT_TIME_ZONE,
  weekly: [[], WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, []],
  alwaysOpen: false,
  holidays: { country: 'BR', state: null, city: null, includeOptional: ['carnaval', 'corpus_christi'] },
  overrides: [],
});

export const defaultAlwaysOpenCalendar = (): Calendar => ({
  id: ALWAYS_OPEN_CALENDAR_ID,
  name: '24×7',
  timeZone: DEFAULT_TIME_ZONE,
  weekly: [[], [], [], [], [], [], []],
  alwaysOpen: true,
  holidays: null,
  overrides: [],
});

const h = (hours: number): number => hours * 60;
const target = (responseMinutes: number, resolutionMinutes: number, calendarId = BUSINESS_CALENDAR_ID): SlaTarget => ({
  responseMinutes,
  resolutionMinutes,
  calendarId,
});

export const DEFAULT_TARGETS: Record<Plan, Record<Criticidade, SlaTarget>> = {
  vip: {
    critica: target(30, h(4), ALWAYS_OPEN_CALENDAR_ID),
    alta: target(h(1), h(8)),
    media: target(h(2), h(16)),
    baixa: target(h(4), h(40)),
  },
  ouro: { critica: target(h(1), h(8)), alta: target(h(2), h(16)), media: target(h(4), h(24)), baixa: target(h(8), h(40)) },
  prata: { critica: target(h(2), h(16)), alta: target(h(4), h(24)), media: target(h(8), h(40)), baixa: target(h(16), h(80)) },
};

export const defaultSlaConfig = (effectiveFrom = 0): SlaConfig => ({
  version: 1,
  effectiveFrom,
  targets: DEFAULT_TARGETS,
  calendars: [defaultBusinessCalendar(), defaultAlwaysOpenCalendar()],
  warnThresholdsPct: [50, 75, 90],
  olaN2PickupMinutes: 30,
  olaCalendarId: BUSINESS_CALENDAR_ID,
  penaltyPct: { prata: 2, ouro: 3, vip: 5 },
  penaltyCapPct: 30,
  autoCloseDays: 7,
});
