import { describe, expect, it } from 'vitest';
import { isDomainError, PLANNED_VERSION_STATUSES, type Analyst, type PlannedVersion, type PlannedVersionStatus } from '../../../../src/shared/domain';
import { mondayOf } from '../../../../src/shared/mutators/planned-version';
import { ocsSolvedBy } from '../../../../src/shared/mutators/release';
import { ADMIN, ANA, analyst, BEATRIZ, RAFAEL, T0, World } from '../../../fixtures/domain';

// Planned versions (issue 13): who may plan, propose, accept, move and cancel them, and how an OC's target is
// chosen from them. Each table row is one rule; the expected outcome is the status written or the refusal's code.

const DIEGO = analyst({ id: 'diego', name: 'Diego Prado', level: 'n2' });

const worldWith = (status: PlannedVersionStatus | null, createdById = 'rafael'): World => {
  const world = new World();
  world.state.write([{ table: 'analyst', row: DIEGO }], []);
  if (status !== null) {
    const row: PlannedVersion = {
      id: 'pv-1', version: '2026.12.7', plannedFor: '2026-12-07', status, createdById, createdAt: T0, updatedAt: T0,
      releaseId: status === 'liberada' ? 'rel-1' : null,
    };
    world.state.write([{ table: 'planned_version', row }], []);
    if (status === 'liberada') {
      world.state.write([{ table: 'release', row: { id: 'rel-1', version: '2026.12.7', releasedAt: T0, notes: '', registeredById: 'beatriz' } }], []);
    }
  }
  return world;
};

const planned = (world: World): PlannedVersion | undefined => [...world.state.plannedVersions.values()].find((v) => v.version === '2026.12.7');

/** Puts an OC in aguardando_versao for 2026.12.7 (as if targeted earlier). */
const waitingOc = (world: World, id = 'oc-w'): void => {
  world.putOc(id, { status: 'aguardando_versao', level: 'n2', assigneeId: 'rafael', targetVersion: '2026.12.7', devReference: 'DEV-1' });
};

describe('version.plan', () => {
  const cases: Array<{ rule: string; existing: PlannedVersionStatus | null; who: Analyst; version?: string; expected: PlannedVersionStatus | string }> = [
    { rule: 'an N1 neither plans nor proposes', existing: null, who: ANA, expected: 'FORBIDDEN_ROLE' },
    { rule: 'an N2 proposes', existing: null, who: RAFAEL, expected: 'proposta' },
    { rule: 'a lead plans', existing: null, who: BEATRIZ, expected: 'planejada' },
    { rule: 'an admin plans', existing: null, who: ADMIN, expected: 'planejada' },
    { rule: 'a number already planned is not planned twice', existing: 'planejada', who: BEATRIZ, expected: 'VERSION_EXISTS' },
    { rule: 'nor one already proposed', existing: 'proposta', who: BEATRIZ, expected: 'VERSION_EXISTS' },
    { rule: 'nor spelt with leading zeros', existing: 'planejada', who: BEATRIZ, version: '2026.12.07', expected: 'VERSION_EXISTS' },
    { rule: 'a released version has nothing to plan', existing: 'liberada', who: BEATRIZ, expected: 'VERSION_RELEASED' },
    { rule: 'a cancelled number comes back planned', existing: 'cancelada', who: BEATRIZ, expected: 'planejada' },
    { rule: 'a cancelled number comes back proposed by an N2', existing: 'cancelada', who: DIEGO, expected: 'proposta' },
  ];
  it.each(cases)('$rule', ({ existing, who, version, expected }) => {
    const world = worldWith(existing);
    const result = world.run('version.plan', { id: 'pv-new', version: version ?? '2026.12.7', plannedFor: '2026-12-14' }, world.as(who));
    if (PLANNED_VERSION_STATUSES.includes(expected as PlannedVersionStatus)) {
      expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
      const row = planned(world);
      expect(row).toMatchObject({ status: expected, plannedFor: '2026-12-14', version: '2026.12.7' });
      // One row per number, ever: a cancelled one comes back under its id.
      expect(row?.id).toBe(existing === null ? 'pv-new' : 'pv-1');
      expect(world.state.plannedVersions.size).toBe(1);
    } else {
      expect(result).toMatchObject({ code: expected });
      expect(planned(world)?.status ?? null).toBe(existing);
    }
  });

  it('is idempotent by id (a resent mutation changes nothing)', () => {
    const world = worldWith(null);
    world.ok('version.plan', { id: 'pv-a', version: '2026.12.7', plannedFor: '2026-12-07' }, world.as(BEATRIZ));
    expect(world.run('version.plan', { id: 'pv-a', version: '2026.12.7', plannedFor: '2026-12-07' }, world.as(BEATRIZ))).toEqual([]);
  });

  it.each([
    ['a Tuesday', '2026-12-08', /segunda-feira/],
    ['an impossible date', '2026-02-30', /AAAA-MM-DD|não existe|inválid/i],
    ['free text', 'next week', /AAAA-MM-DD/],
  ])('refuses %s as the planned date, saying why', (_what, plannedFor, message) => {
    const world = worldWith(null);
    const result = world.run('version.plan', { id: 'pv-a', version: '2026.12.7', plannedFor }, world.as(BEATRIZ));
    expect(result).toMatchObject({ code: 'INVALID_ARGS' });
    expect(isDomainError(result) ? result.message['pt-BR'] : '').toMatch(message);
    expect(world.state.plannedVersions.size).toBe(0);
  });

  it.each([
    ['empty', ''], ['blank', ' '], ['a prefix', 'v2026'], ['SQL', '2026.12.7; DROP TABLE'], ['40 characters', 'x'.repeat(40)],
    ['1 MB', `2026.${'1'.repeat(1_000_000)}`], ['a NUL', '2026\u0000'], ['a lone surrogate', '2026.\ud800'],
  ])('refuses a number with %s', (_what, version) => {
    const world = worldWith(null);
    expect(world.run('version.plan', { id: 'pv-a', version, plannedFor: '2026-12-07' }, world.as(BEATRIZ))).toMatchObject({ code: 'INVALID_ARGS' });
    expect(world.state.plannedVersions.size).toBe(0);
  });

  it.each([
    ['a 1 MB date', '2026-12-07'.padEnd(1_000_000, '7')],
    ['a NUL in the date', '2026-12-07\u0000'],
    ['a lone surrogate in the id', '2026-12-07'],
  ])('refuses %s', (what, plannedFor) => {
    const world = worldWith(null);
    const id = what.includes('id') ? 'pv-\udc00' : 'pv-a';
    expect(world.run('version.plan', { id, version: '2026.12.7', plannedFor }, world.as(BEATRIZ))).toMatchObject({ code: 'INVALID_ARGS' });
    expect(world.state.plannedVersions.size).toBe(0);
  });
});

describe('version.update', () => {
  const cases: Array<{ rule: string; from: PlannedVersionStatus | null; who: Analyst; to: 'planejada' | 'cancelada'; waiting?: boolean; expected: PlannedVersionStatus | string }> = [
    { rule: 'a lead accepts a proposal', from: 'proposta', who: BEATRIZ, to: 'planejada', expected: 'planejada' },
    { rule: 'a lead cancels a proposal', from: 'proposta', who: BEATRIZ, to: 'cancelada', expected: 'cancelada' },
    { rule: 'whoever proposed withdraws it', from: 'proposta', who: RAFAEL, to: 'cancelada', expected: 'cancelada' },
    { rule: 'whoever proposed does not accept it', from: 'proposta', who: RAFAEL, to: 'planejada', expected: 'FORBIDDEN_ROLE' },
    { rule: 'another N2 does not withdraw it', from: 'proposta', who: DIEGO, to: 'cancelada', expected: 'FORBIDDEN_ROLE' },
    { rule: 'an N1 changes nothing', from: 'planejada', who: ANA, to: 'cancelada', expected: 'FORBIDDEN_ROLE' },
    { rule: 'a lead moves the date', from: 'planejada', who: BEATRIZ, to: 'planejada', expected: 'planejada' },
    { rule: 'a lead cancels a version nobody waits for', from: 'planejada', who: BEATRIZ, to: 'cancelada', expected: 'cancelada' },
    { rule: 'a version OCs wait for is not cancelled', from: 'planejada', who: BEATRIZ, to: 'cancelada', waiting: true, expected: 'VERSION_HAS_WAITING_OCS' },
    { rule: 'a released version is history', from: 'liberada', who: BEATRIZ, to: 'planejada', expected: 'VERSION_RELEASED' },
    { rule: 'a released version is not cancelled', from: 'liberada', who: BEATRIZ, to: 'cancelada', expected: 'VERSION_RELEASED' },
    { rule: 'a cancelled version comes back only by planning it again', from: 'cancelada', who: BEATRIZ, to: 'planejada', expected: 'VERSION_TRANSITION' },
    { rule: 'an unknown version', from: null, who: BEATRIZ, to: 'planejada', expected: 'VERSION_UNKNOWN' },
  ];
  it.each(cases)('$rule', ({ from, who, to, waiting, expected }) => {
    const world = worldWith(from);
    if (waiting === true) waitingOc(world);
    const result = world.run('version.update', { version: '2026.12.07', plannedFor: '2026-12-14', status: to }, world.as(who));
    if (PLANNED_VERSION_STATUSES.includes(expected as PlannedVersionStatus)) {
      expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
      expect(planned(world)).toMatchObject({ status: expected, plannedFor: '2026-12-14' });
    } else {
      expect(result).toMatchObject({ code: expected });
      expect(planned(world)?.status ?? null).toBe(from);
      expect(planned(world)?.plannedFor ?? null).toBe(from === null ? null : '2026-12-07');
    }
  });

  it('says how many OCs wait and what to do', () => {
    const world = worldWith('planejada');
    waitingOc(world, 'oc-a');
    waitingOc(world, 'oc-b');
    const result = world.run('version.update', { version: '2026.12.7', plannedFor: '2026-12-07', status: 'cancelada' }, world.as(BEATRIZ));
    expect(isDomainError(result) ? result.message['pt-BR'] : '').toBe('2 OCs aguardam a versão 2026.12.7: mude a versão de destino delas antes de cancelar.');
  });
});

describe('oc.setTargetVersion against the planned versions', () => {
  const cases: Array<{ rule: string; existing: PlannedVersionStatus | null; expected: string }> = [
    { rule: 'a number nobody planned is refused', existing: null, expected: 'VERSION_UNKNOWN' },
    { rule: 'a cancelled version is refused', existing: 'cancelada', expected: 'VERSION_CANCELLED' },
    { rule: 'a proposed version is waited for', existing: 'proposta', expected: 'aguardando_versao' },
    { rule: 'a planned version is waited for', existing: 'planejada', expected: 'aguardando_versao' },
    { rule: 'a released version solves the OC at once', existing: 'liberada', expected: 'solucionada' },
  ];
  it.each(cases)('$rule', ({ existing, expected }) => {
    const world = worldWith(existing);
    world.putOc('oc-1', { status: 'encaminhada_dev', level: 'n2', assigneeId: 'rafael', devReference: 'DEV-1' });
    const result = world.run('oc.setTargetVersion', { ocId: 'oc-1', version: '2026.12.07' }, world.as(RAFAEL));
    if (expected.startsWith('VERSION_')) {
      expect(result).toMatchObject({ code: expected });
      expect(world.oc('oc-1')).toMatchObject({ status: 'encaminhada_dev', targetVersion: null });
    } else {
      expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
      expect(world.oc('oc-1')).toMatchObject({ status: expected, targetVersion: '2026.12.7' });
      // Solved by the release: the customer's notice, once (a public reply: the server sends its e-mail copy).
      const notices = [...world.state.interactions.values()].filter((i) => i.ocId === 'oc-1' && i.kind === 'public_reply');
      expect(notices).toHaveLength(expected === 'solucionada' ? 1 : 0);
    }
  });
});

describe('release.register and its planned version', () => {
  it('marks the planned version released and solves exactly the OCs the preview lists', () => {
    const world = worldWith('planejada');
    waitingOc(world, 'oc-a');
    waitingOc(world, 'oc-b');
    world.putOc('oc-other', { status: 'aguardando_versao', level: 'n2', assigneeId: 'rafael', targetVersion: '2026.12.14', devReference: 'DEV-2' });
    const preview = ocsSolvedBy(world.state.load({ ocsAwaitingVersion: '2026.12.7' }), '2026.12.7').map((oc) => oc.id).sort();
    expect(preview).toEqual(['oc-a', 'oc-b']);
    world.ok('release.register', { id: 'rel-9', version: '2026.12.07', releasedAt: T0 }, world.as(BEATRIZ));
    expect(planned(world)).toMatchObject({ id: 'pv-1', status: 'liberada', releaseId: 'rel-9' });
    expect(['oc-a', 'oc-b', 'oc-other'].map((id) => world.oc(id).status)).toEqual(['solucionada', 'solucionada', 'aguardando_versao']);
  });

  it('gives a version released without being planned (a hotfix) its planned row, dated the Monday of its week', () => {
    const world = worldWith(null);
    const thursday = Date.parse('2026-12-10T15:00:00Z');
    world.ok('release.register', { id: 'rel-h', version: '2026.12.7', releasedAt: thursday }, world.as(BEATRIZ), thursday);
    expect(planned(world)).toMatchObject({ id: 'rel-h', status: 'liberada', plannedFor: '2026-12-07', releaseId: 'rel-h' });
  });

  it.each([
    ['2026-12-07T03:00:00Z', '2026-12-07'], // Monday 00:00 in São Paulo
    ['2026-12-07T02:59:00Z', '2026-11-30'], // still Sunday there
    ['2026-12-13T23:00:00Z', '2026-12-07'], // Sunday evening
  ])('mondayOf(%s) in São Paulo is %s', (instant, monday) => {
    expect(mondayOf(Date.parse(instant), 'America/Sao_Paulo')).toBe(monday);
  });
});
