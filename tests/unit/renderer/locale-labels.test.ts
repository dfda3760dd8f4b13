import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../../src/renderer/features/reports/period';
import { calendarLabel, timeZoneLabel, TIME_ZONE_CHOICES } from '../../../src/renderer/features/settings/time-zones';
import { mutationLabel } from '../../../src/renderer/features/sync/mutation-labels';
import { formatIsoDate, formatMonth } from '../../../src/renderer/lib/format';
import { mutators } from '../../../src/shared/mutators/registry';
import { defaultBusinessCalendar } from '../../../src/shared/sla/defaults';

const AT = Date.parse('2026-11-25T15:00:00Z');

describe('what the screens name in words', () => {
  it('names every mutation in both languages, never by its code', () => {
    for (const name of Object.keys(mutators)) {
      for (const lang of ['pt-BR', 'en'] as const) {
        const label = mutationLabel(name, lang);
        // Words a person reads: no "oc.take"-style code, at least two words.
        expect(label, `${name} ${lang}`).not.toMatch(/\w\.\w/);
        expect(label, `${name} ${lang}`).toMatch(/\S\s+\S/);
      }
    }
    expect(mutationLabel('oc.take', 'pt-BR')).toBe('Assumir a OC');
    expect(mutationLabel('oc.take', 'en')).toBe('Take the OC');
    // A mutation this renderer does not know (a newer server) is "a change", not its code.
    expect(mutationLabel('oc.somethingNew', 'en')).toBe('Change');
    expect(mutationLabel('__proto__', 'pt-BR')).toBe('Alteração');
  });

  it('names time zones by Intl in the UI language with the city, not by the IANA id', () => {
    expect(timeZoneLabel('America/Sao_Paulo', 'pt-BR', AT)).toBe('Horário Padrão de Brasília — São Paulo');
    expect(timeZoneLabel('America/Sao_Paulo', 'en', AT)).toBe('Brasilia Standard Time — São Paulo');
    expect(timeZoneLabel('America/Manaus', 'en', AT)).toMatch(/^Amazon .* — Manaus$/);
    for (const zone of TIME_ZONE_CHOICES) expect(timeZoneLabel(zone, 'en', AT)).not.toContain('/');
    // An id Intl does not know is shown by its city, without an exception.
    expect(timeZoneLabel('Mars/Olympus_Mons', 'en', AT)).toBe('Olympus Mons');
  });

  it('shows the built-in calendar in the UI language until the lead renames it', () => {
    const business = defaultBusinessCalendar();
    expect(calendarLabel(business, 'pt-BR')).toBe(business.name);
    expect(calendarLabel(business, 'en')).toBe('Business hours (Mon–Fri 08–12, 13–18)');
    expect(calendarLabel({ ...business, name: 'Plantão do fim de ano' }, 'en')).toBe('Plantão do fim de ano');
  });

  it('writes dates and report periods as the UI language does', () => {
    expect(formatIsoDate('2026-12-24', 'pt-BR')).toBe('24/12/2026');
    expect(formatIsoDate('2026-12-24', 'en')).toBe('12/24/2026');
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
    expect(periodLabel('2026-11-23', 'day', 'pt-BR')).toBe('23/11');
    expect(periodLabel('2026-11-23', 'week', 'en')).toBe('wk 11/23');
    expect(periodLabel('2026-11', 'month', 'pt-BR')).toBe('11/2026');
    expect(periodLabel('garbage', 'month', 'en')).toBe('garbage');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });
});
