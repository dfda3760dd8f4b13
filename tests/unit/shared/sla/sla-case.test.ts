import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run --silent sla < case.json` — the JSON CLI over evaluateSla.
const root = join(import.meta.dirname, '../../../..');
const runCase = (input: string) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/sla-case.ts')], { input, encoding: 'utf8', cwd: root });

describe('scripts/sla-case.ts', () => {
  it('prints the clocks with ISO times in the calendar zone', () => {
    const out = runCase(
      JSON.stringify({
        events: [
          { at: '2027-02-05T17:30', type: 'created', plan: 'ouro', criticidade: 'alta' },
          { at: '2027-02-10T09:00', type: 'interaction_added', kind: 'public_reply' },
        ],
        now: '2027-02-10T10:00:00-03:00',
      }),
    );
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as { clocks: { clock: string; state: string; dueAt: string; elapsed: string }[]; nextChangeAt: string };
    expect(result.clocks.map((c) => [c.clock, c.state, c.dueAt, c.elapsed])).toEqual([
      ['first_response', 'met', '2027-02-10T09:30:00.000-03:00', '1h30'],
      ['resolution', 'running', '2027-02-11T15:30:00.000-03:00', '2h30'],
    ]);
    expect(result.nextChangeAt).toBe('2027-02-10T16:30:00.000-03:00'); // the resolution's 50 % (8 h)
  }, 30_000);

  it('honours a custom calendar and a later version for sla_recomputed', () => {
    const out = runCase(
      JSON.stringify({
        calendar: { id: 'plantao', weekly: [[], [{ start: '09:00', end: '17:00' }], [], [], [], [], []], holidays: null },
        versions: [{ version: 2, targets: { ouro: { media: { resolutionMinutes: 60 } } } }],
        events: [
          { at: '2027-03-01T09:00', type: 'created' },
          { at: '2027-03-01T10:30', type: 'sla_recomputed', toVersion: 2 },
        ],
        now: '2027-03-01T11:00',
      }),
    );
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as { configVersion: number; clocks: { clock: string; state: string; breachedAt: string; reclassified: boolean; calendarId: string }[] };
    expect(result.configVersion).toBe(2);
    expect(result.clocks[1]).toMatchObject({ clock: 'resolution', state: 'breached', breachedAt: '2027-03-01T10:30:00.000-03:00', reclassified: true, calendarId: 'plantao' });
  }, 30_000);

  it.each([
    ['not JSON', '{', /stdin is not JSON/],
    ['no events', '{"events":[],"now":0}', /events: Too small/],
    ['a bad event', '{"events":[{"at":"2027-03-01T09:00","type":"created","plan":"gold"}],"now":0}', /events\.0\.plan/],
    ['a bad time', '{"events":[{"at":"yesterday","type":"created"}],"now":0}', /events\.0\.at: "yesterday" is not an ISO date-time/],
  ])('refuses %s with exit code 2 and a clear message', (_name, input, message) => {
    const out = runCase(input);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  }, 30_000);
});
