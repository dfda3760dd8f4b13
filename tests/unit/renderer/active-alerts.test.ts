import { describe, expect, it } from 'vitest';
import type { QueueRow, SlaBadge } from '../../../src/shared/api/views';
import { activeAlerts } from '../../../src/renderer/features/notifications/active-alerts';

// The bell lists what is breached or at risk on my OCs now, not only the alerts this desktop saw happen.

const NOW = Date.parse('2026-12-07T22:00:00Z');
const H = 3_600_000;
const row = (id: string, sla: SlaBadge | null): QueueRow => ({ id, displayNumber: `OC-${id}`, subject: `Assunto ${id}`, sla } as QueueRow);
const badge = (state: SlaBadge['state'], percent: number, dueAt: number | null, breachedAt: number | null = null): SlaBadge => ({ clock: 'resolution', state, percent, dueAt, breachedAt });

describe('active alerts of my OCs', () => {
  it('breaches first (the oldest on top), then clocks past half their target (the soonest due on top); nothing else', () => {
    const alerts = activeAlerts([
      row('warn-late', badge('running', 80, NOW + 3 * H)),
      row('breach-10h', badge('breached', 150, NOW - 10 * H, NOW - 10 * H)),
      row('fine', badge('running', 20, NOW + 20 * H)),
      row('paused', badge('paused', 95, null)),
      row('met', badge('met', 40, null)),
      row('none', null),
      row('warn-soon', badge('running', 60, NOW + H)),
      row('breach-1h', badge('breached', 110, NOW - H, NOW - H)),
      // Past due while this list was loaded: breached now, though the badge still says running.
      row('just-breached', badge('running', 99, NOW - 60_000)),
    ], NOW, 50);
    expect(alerts.map((a) => [a.ocId, a.kind])).toEqual([
      ['breach-10h', 'breach'], ['breach-1h', 'breach'], ['just-breached', 'breach'], ['warn-soon', 'warning'], ['warn-late', 'warning'],
    ]);
    expect(alerts[0]?.at).toBe(NOW - 10 * H);
  });

  it('warns from the first threshold of the configuration, not a fixed one', () => {
    const rows = [row('at-60', badge('running', 60, NOW + H)), row('at-80', badge('running', 80, NOW + H))];
    expect(activeAlerts(rows, NOW, 75).map((a) => a.ocId)).toEqual(['at-80']);
    expect(activeAlerts(rows, NOW, 100)).toEqual([]);
  });
});
