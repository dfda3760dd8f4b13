import { describe, expect, it } from 'vitest';
import { mergeDrafts } from '../../../src/renderer/app/drafts-store';
import { parseRoute, routeHash, type Route } from '../../../src/renderer/app/router';
import { formatCountdown, formatDuration, formatMonth, fromLocalInput, toLocalInput } from '../../../src/renderer/lib/format';

describe('countdown format', () => {
  it('is compact, with seconds only in the last ten minutes', () => {
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 04h');
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000 + 59_000)).toBe('5h 12m');
    expect(formatDuration(42 * 60_000 + 30_000)).toBe('42m');
    expect(formatDuration(9 * 60_000 + 5_000)).toBe('9m 05s');
    expect(formatCountdown(-(80 * 60_000))).toBe('−1h 20m');
    expect(formatCountdown(0)).toBe('0m 00s');
  });

  it('reads and writes datetime-local values in São Paulo time, across DST history', () => {
    for (const iso of ['2026-11-25T15:07:00Z', '2018-11-04T03:30:00Z', '2026-06-30T23:59:00Z']) {
      const instant = Date.parse(iso);
      expect(fromLocalInput(toLocalInput(instant))).toBe(instant);
    }
    expect(toLocalInput(Date.parse('2026-11-25T15:07:00Z'))).toBe('2026-11-25T12:07');
    expect(fromLocalInput('not a date')).toBeNull();
  });

  it('names months in the person’s language', () => {
    expect(formatMonth('2026-11', 'pt-BR')).toBe('novembro de 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
  });
});

describe('routes', () => {
  it('round-trip through the URL fragment', () => {
    const routes: Route[] = [
      { name: 'queue' },
      { name: 'team', viewId: null },
      { name: 'team', viewId: 'breached' },
      { name: 'oc', id: '3f2a-…' },
      { name: 'phone', customerId: 'c 1' },
      { name: 'search', q: 'ação fiscal' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute('#token=abc')).toEqual({ name: 'queue' });
  });
});

describe('drafts', () => {
  it('merge key by key, newest wins, month-old drafts are dropped', () => {
    const now = Date.parse('2026-11-25T15:00:00Z');
    const local = { 'oc:1:reply': { value: 'local newer', updatedAt: now - 1_000 }, 'oc:2:reply': { value: 'old', updatedAt: now - 40 * 86_400_000 } };
    const remote = { 'oc:1:reply': { value: 'remote older', updatedAt: now - 5_000 }, 'oc:3:note': { value: 'only remote', updatedAt: now - 2_000 } };
    expect(mergeDrafts(remote, local, now)).toEqual({
      'oc:1:reply': { value: 'local newer', updatedAt: now - 1_000 },
      'oc:3:note': { value: 'only remote', updatedAt: now - 2_000 },
    });
  });
});
