import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlaCase } from '../../../../scripts/sla-case';
import { defaultSlaConfig } from '../../../../src/shared/sla/defaults';

// `npm run --silent sla < case.json` — the JSON CLI over evaluateSla. A few cases go through the real entry (a
// process reading stdin, its exit code); the many refusals through runSlaCase, the function that process runs.
const root = join(import.meta.dirname, '../../../..');
const spawnCase = (input: string) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/sla-case.ts')], { input, encoding: 'utf8', cwd: root });

interface Clock {
  clock: string;
  state: string;
  startedAt: string;
  dueAt: string | null;
  metAt: string | null;
  elapsed: string;
  unreachable?: string;
}
interface Answer {
  now: string;
  timeZone: string;
  configVersion: number;
  nextChangeAt: string | null;
  clocks: Clock[];
}

const answer = (input: unknown): Answer => {
  const out = runSlaCase(JSON.stringify(input));
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as Answer;
};
const clockOf = (result: Answer, name: string): Clock => result.clocks.find((c) => c.clock === name) as Clock;

const created = { at: '2026-03-03T10:00', type: 'created' };
const withEvents = (...events: object[]) => ({ events, now: '2026-03-05T10:00' });
const reply = (at: string) => ({ at, type: 'interaction_added' });

describe('scripts/sla-case.ts through its real entry', () => {
  it('prints the clocks with ISO times in the calendar zone', () => {
    const out = spawnCase(
      JSON.stringify({
        events: [
          { at: '2027-02-05T17:30', type: 'created', plan: 'ouro', criticidade: 'alta' },
          { at: '2027-02-10T09:00', type: 'interaction_added', kind: 'public_reply' },
        ],
        now: '2027-02-10T10:00:00-03:00',
      }),
    );
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as Answer;
    expect(result.clocks.map((c) => [c.clock, c.state, c.dueAt, c.elapsed])).toEqual([
      ['first_response', 'met', '2027-02-10T09:30:00.000-03:00', '1h30'],
      ['resolution', 'running', '2027-02-11T15:30:00.000-03:00', '2h30'],
    ]);
    expect(result.nextChangeAt).toBe('2027-02-10T16:30:00.000-03:00'); // the resolution's 50 % (8 h)
  }, 30_000);

  it('exits with code 2 and the message on stderr for bad input', () => {
    const out = spawnCase(JSON.stringify(withEvents({ at: '2026-02-30T10:00', type: 'created' })));
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('sla-case: events[0].at: "2026-02-30T10:00": day 30 does not exist in 2026-02 (the month has 28 days)');
    expect(out.stderr).toContain('events[0].at: "2026-02-30T10:00": o dia 30 não existe em 2026-02 (o mês tem 28 dias)');
  }, 30_000);
});

describe('refusals: exit code 2, the field named, in English and Portuguese', () => {
  it.each([
    ['not JSON', '{', '', /stdin is not JSON/, /não é JSON/],
    ['no events', { events: [], now: 0 }, 'events', /Too small/, /Too small/],
    ['a bad event field', withEvents({ ...created, plan: 'gold' }), 'events[0].plan', /Invalid option/, /Invalid option/],
    ['a time that is not ISO', withEvents({ at: 'yesterday', type: 'created' }), 'events[0].at', /"yesterday": use YYYY-MM-DDTHH:MM/, /"yesterday": use AAAA-MM-DDTHH:MM/],
    ['30 February', withEvents(created, reply('2026-03-03T11:00'), reply('2026-03-03T12:00'), reply('2026-02-30T10:00')), 'events[3].at', /"2026-02-30T10:00": day 30 does not exist in 2026-02 \(the month has 28 days\)/, /o dia 30 não existe em 2026-02/],
    ['31 April', withEvents({ ...created, at: '2026-04-31T10:00' }), 'events[0].at', /day 31 does not exist in 2026-04/, /o dia 31 não existe/],
    ['29 February of a common year', withEvents({ ...created, at: '2027-02-29T10:00' }), 'events[0].at', /day 29 does not exist in 2027-02/, /o dia 29 não existe/],
    ['month 13', withEvents({ ...created, at: '2026-13-01T10:00' }), 'events[0].at', /month 13 does not exist/, /o mês 13 não existe/],
    ['hour 25', withEvents({ ...created, at: '2026-03-03T25:00' }), 'events[0].at', /hour 25 does not exist/, /a hora 25 não existe/],
    ['24:00', withEvents({ ...created, at: '2026-03-03T24:00' }), 'events[0].at', /hour 24 does not exist/, /a hora 24 não existe/],
    ['second 60', withEvents({ ...created, at: '2026-03-03T10:00:60' }), 'events[0].at', /second 60 does not exist/, /o segundo 60 não existe/],
    ['minute 60 in now', { events: [created], now: '2026-03-05T10:60' }, 'now', /minute 60 does not exist/, /o minuto 60 não existe/],
    ['an impossible offset', withEvents({ ...created, at: '2026-03-03T10:00+25:00' }), 'events[0].at', /offset \+25:00 does not exist/, /o fuso \+25:00 não existe/],
    ['year 0001 (read as 1901 before)', withEvents({ ...created, at: '0001-02-03T10:00' }), 'events[0].at', /year 0001 is outside the accepted range \(1970–9999\)/, /o ano 0001 está fora do intervalo aceito/],
    ['a wall time past 9999 in the zone', { events: [created], now: '9999-12-31T22:00' }, 'now', /out of range \(the accepted range is 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z\)/, /fora do intervalo/],
    ['a negative epoch', withEvents({ ...created, at: -1 }), 'events[0].at', /-1 is out of range/, /fora do intervalo/],
    ['an epoch past 9999', { events: [created], now: Date.UTC(10000, 0, 1) }, 'now', /out of range/, /fora do intervalo/],
    ['a fractional epoch', withEvents({ ...created, at: 1.5 }), 'events[0].at', /not a whole number of milliseconds/, /não é um número inteiro/],
    ['an hour São Paulo skipped (DST start, 2018-11-04)', withEvents({ ...created, at: '2018-11-04T00:30' }), 'events[0].at', /does not exist in America\/Sao_Paulo/, /não existe em America\/Sao_Paulo/],
    ['an hour São Paulo lived twice (DST end, 2019-02-16)', withEvents({ ...created, at: '2019-02-16T23:30' }), 'events[0].at', /happens twice in America\/Sao_Paulo.*2019-02-16T23:30:00.000-02:00 or 2019-02-16T23:30:00.000-03:00/, /acontece duas vezes/],
    ['no created event', withEvents(reply('2026-03-03T11:00')), 'events', /no "created" event/, /nenhum evento "created"/],
    ['two created events', withEvents(created, reply('2026-03-03T11:00'), { ...created, at: '2026-03-04T10:00' }), 'events[2]', /a second "created" event \(the first is events\[0\]\)/, /segundo evento "created"/],
    ['a reply before creation', withEvents(reply('2026-03-03T09:00'), created), 'events[0]', /interaction_added at 2026-03-03T09:00:00.000-03:00 is before the OC was created \(events\[1\], 2026-03-03T10:00:00.000-03:00\)/, /é anterior à criação da OC/],
    ['a status change before creation', withEvents(created, { at: '2026-03-02T10:00', type: 'status_changed', to: 'em_atendimento' }), 'events[1]', /status_changed at .* is before the OC was created/, /anterior à criação/],
    ['a recompute to a version not given', withEvents(created, { at: '2026-03-03T11:00', type: 'sla_recomputed', toVersion: 4 }), 'events[1].toVersion', /no configuration version 4/, /não há configuração versão 4/],
    ['a created event on a version not given', withEvents({ ...created, slaConfigVersion: 7 }), 'events[0].slaConfigVersion', /no configuration version 7/, /versão 7/],
    ['an override on 30 February', { ...withEvents(created), calendar: { overrides: [{ date: '2026-02-30', intervals: [], reason: 'x' }] } }, 'calendar.overrides[0].date', /day 30 does not exist in 2026-02/, /o dia 30 não existe/],
    ['an unknown time zone', { ...withEvents(created), calendar: { id: 'lua', timeZone: 'Moon/Base' } }, 'calendar "lua".timeZone', /unknown time zone: "Moon\/Base"/, /Fuso horário desconhecido/],
    ['a config in force from past 9999', { ...withEvents(created), config: { ...defaultSlaConfig(0), effectiveFrom: Date.UTC(10000, 0, 1) } }, 'config.effectiveFrom', /invalid instant/, /instante inválido/],
    ['an unknown plan in targets', { ...withEvents(created), targets: { gold: { alta: { resolutionMinutes: 60 } } } }, 'targets.gold.alta', /unknown plan or criticidade/, /plano ou criticidade desconhecido/],
  ])('%s', (_name, input, path, english, portuguese) => {
    const out = runSlaCase(typeof input === 'string' ? input : JSON.stringify(input));
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    const [en, pt] = out.stderr.trimEnd().split('\n').map((line) => line.replace(/^(sla-case:)? +/, '')) as [string, string];
    const where = path === '' ? '' : `${path}: `;
    expect(en.startsWith(where)).toBe(true);
    expect(pt.startsWith(where)).toBe(true);
    expect(en).toMatch(english);
    expect(pt).toMatch(portuguese);
  });
});

describe('answers', () => {
  it('honours a custom calendar and a later version for sla_recomputed', () => {
    const result = answer({
      calendar: { id: 'plantao', weekly: [[], [{ start: '09:00', end: '17:00' }], [], [], [], [], []], holidays: null },
      versions: [{ version: 2, targets: { ouro: { media: { resolutionMinutes: 60 } } } }],
      events: [
        { at: '2027-03-01T09:00', type: 'created' },
        { at: '2027-03-01T10:30', type: 'sla_recomputed', toVersion: 2 },
      ],
      now: '2027-03-01T11:00',
    });
    expect(result.configVersion).toBe(2);
    expect(result.clocks[1]).toMatchObject({ clock: 'resolution', state: 'breached', breachedAt: '2027-03-01T10:30:00.000-03:00', reclassified: true, calendarId: 'plantao' });
  });

  it('reads wall times in the zone of the calendar the OC starts on, not São Paulo', () => {
    // Two calendars; only Ouro/alta runs on New York hours. The wall times are New York's.
    const result = answer({
      calendar: { id: 'ny', timeZone: 'America/New_York', holidays: null },
      targets: { ouro: { media: { calendarId: 'integral_24x7' } } },
      events: [{ at: '2026-03-03T10:00', type: 'created', plan: 'ouro', criticidade: 'alta' }],
      now: '2026-03-03T11:00',
    });
    expect(result.timeZone).toBe('America/New_York');
    expect(result.now).toBe('2026-03-03T11:00:00.000-05:00');
    expect(clockOf(result, 'first_response')).toMatchObject({ startedAt: '2026-03-03T10:00:00.000-05:00', elapsed: '1h00', dueAt: '2026-03-03T12:00:00.000-05:00' });
  });

  it('takes the creation first among events at the same instant', () => {
    const result = answer(withEvents(reply('2026-03-03T10:00'), created));
    expect(clockOf(result, 'first_response')).toMatchObject({ state: 'met', metAt: '2026-03-03T10:00:00.000-03:00', elapsed: '0h00' });
  });

  it('says why a clock has no deadline instead of failing with "Invalid time value"', () => {
    const closed = answer({ calendar: { weekly: [[], [], [], [], [], [], []], holidays: null }, ...withEvents(created, reply('2026-03-03T11:00')) });
    expect(clockOf(closed, 'first_response')).toMatchObject({ state: 'met', dueAt: null, unreachable: 'never_open' });
    expect(clockOf(closed, 'resolution')).toMatchObject({ state: 'running', dueAt: null, unreachable: 'never_open' });
    // 2 000 million minutes (33 million hours) of business hours: more than open before the horizon (9999-12-31).
    const long = answer({ targets: { ouro: { media: { resolutionMinutes: 2_000_000_000 } } }, ...withEvents(created) });
    expect(clockOf(long, 'resolution')).toMatchObject({ state: 'running', dueAt: null, unreachable: 'beyond_horizon' });
  });

  it('answers a now at the end of the accepted range (9999)', () => {
    const result = answer({ events: [created], now: '9999-12-31T09:00' });
    expect(clockOf(result, 'resolution')).toMatchObject({ state: 'breached', dueAt: '2026-03-05T17:00:00.000-03:00' });
  }, 60_000);
});
