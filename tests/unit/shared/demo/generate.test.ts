import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../src/shared/demo/generate';
import { isOpenStatus, isValidCnpj, OC_STATUSES } from '../../../../src/shared/domain';

const NOW = Date.parse('2026-11-25T15:00:00Z');

describe('demo data', () => {
  const base = generateDemo({ ocs: 1_500, seed: 4, now: NOW });

  it('is deterministic for the same ocs, seed and now', () => {
    const again = generateDemo({ ocs: 1_500, seed: 4, now: NOW });
    expect(again.ocorrencias.map((o) => [o.id, o.number, o.status])).toEqual(base.ocorrencias.map((o) => [o.id, o.number, o.status]));
    expect(generateDemo({ ocs: 1_500, seed: 5, now: NOW }).ocorrencias[0]?.id).not.toBe(base.ocorrencias[0]?.id);
  });

  it.each([[300, 1], [1_500, 4], [20_000, 2]])('has valid CNPJs, OCs in every status and nothing dated after now (%i OCs, seed %i)', (ocs, seed) => {
    const data = ocs === 1_500 && seed === 4 ? base : generateDemo({ ocs, seed, now: NOW });
    expect(data.customers.every((c) => isValidCnpj(c.cnpj))).toBe(true);
    expect([...new Set(data.ocorrencias.map((o) => o.status))].sort()).toEqual([...OC_STATUSES].sort());
    expect(data.ocorrencias.every((o) => o.createdAt <= NOW && o.updatedAt <= NOW)).toBe(true);
  });

  it('always has OCs that just arrived and wait in the queues, whatever the hour', () => {
    for (const hour of [3, 11, 22]) {
      const now = Date.parse(`2026-11-27T${String(hour).padStart(2, '0')}:00:00Z`);
      const data = generateDemo({ ocs: 1_000, seed: 3, now });
      const waiting = data.ocorrencias.filter((o) => o.status === 'nova' && o.assigneeId === null && o.createdAt > now - 4 * 3_600_000);
      expect(waiting.length, `at ${hour}:00 UTC`).toBeGreaterThanOrEqual(20);
      expect(new Set(waiting.map((o) => o.module)).size).toBeGreaterThan(3);
    }
  });

  it('adds a backlog of exactly that many open OCs nobody has touched, leaving the history as it was', () => {
    const surge = generateDemo({ ocs: 1_500, seed: 4, now: NOW, backlog: 2_000 });
    const known = new Set(base.ocorrencias.map((o) => o.id));
    const added = surge.ocorrencias.filter((o) => !known.has(o.id));
    expect(added).toHaveLength(2_000);
    expect(added.every((o) => o.status === 'nova' && o.assigneeId === null && isOpenStatus(o.status))).toBe(true);
    expect(added.every((o) => o.createdAt > NOW - 8 * 3_600_000 - 15 * 60_000 && o.createdAt <= NOW)).toBe(true);
    expect(surge.ocorrencias.filter((o) => isOpenStatus(o.status)).length).toBe(base.ocorrencias.filter((o) => isOpenStatus(o.status)).length + 2_000);
    const before = new Map(base.ocorrencias.map((o) => [o.id, o]));
    expect(surge.ocorrencias.filter((o) => known.has(o.id)).every((o) => o.status === before.get(o.id)?.status)).toBe(true);
  });
});
