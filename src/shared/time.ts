// Time is injected, never read ad hoc (ARCHITECTURE.md style 6).
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that is the local clock plus a measured server offset (SPEC §3 rule 10). */
export const offsetClock = (base: Clock, offsetMs: () => number): Clock => ({ now: () => base.now() + offsetMs() });

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:42" in the given zone, for messages such as "OC already taken by Ana at 10:42". */
export const formatClock = (instant: number, timeZone: string): string => {
  let format = clockFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('pt-BR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  return format.format(instant);
};
