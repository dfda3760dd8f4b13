import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../../../src/shared/sla/defaults';
import { handlingTable, medianHandling, predictBreaches, type PredictAnalyst, type PredictOc } from '../../../../src/shared/sla/predict';
import { H, MIN, sp } from './sla-fixtures';

const calendar = defaultBusinessCalendar();
const now = sp('2027-03-01 10:00');
const oc = (ocId: string, module: string, due: string, more: Partial<PredictOc> = {}): PredictOc => ({
  ocId,
  label: `OC-2027-${ocId}`,
  module,
  criticidade: 'alta',
  assigneeId: null,
  firstResponse: null,
  resolution: { dueAt: sp(due) },
  ...more,
});
const analyst = (id: string, modules: string[], more: Partial<PredictAnalyst> = {}): PredictAnalyst => ({ id, presence: 'available', modules, freeCapacity: 3, ...more });
const ninetyMinutes = handlingTable(
  ['fiscal', 'fiscal', 'fiscal'].map((module, i) => ({ module, criticidade: 'alta' as const, ms: [80, 90, 120][i]! * MIN })),
);
const labels: Record<string, string> = { fiscal: 'Fiscal', folha_rh: 'Folha/RH' };

describe('medianHandling / handlingTable', () => {
  it.each([
    [[], null],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, Number.NaN, -1, 7], 6],
  ])('median of %j is %s', (samples, expected) => {
    expect(medianHandling(samples)).toBe(expected);
  });

  it('falls back to the module, then to everything, then to the default when samples are few', () => {
    const table = handlingTable(
      [
        { module: 'fiscal', criticidade: 'alta', ms: 10 },
        { module: 'fiscal', criticidade: 'baixa', ms: 20 },
        { module: 'fiscal', criticidade: 'baixa', ms: 30 },
        { module: 'crm', criticidade: 'alta', ms: 100 },
      ],
      { minSamples: 3, fallbackMs: 7 },
    );
    expect(table('fiscal', 'alta')).toBe(20);
    expect(table('estoque', 'alta')).toBe(25);
    expect(handlingTable([])('fiscal', 'alta')).toBe(H);
  });
});

describe('predictBreaches — queue simulation over present analysts', () => {
  const base = {
    now,
    calendar,
    handlingMs: ninetyMinutes,
    moduleLabel: (m: string) => labels[m] ?? m,
  };

  it('serves the Fiscal queue in due order with one present analyst taking the median 1h30 each', () => {
    const result = predictBreaches({
      ...base,
      ocs: [oc('000003', 'fiscal', '2027-03-01 14:50'), oc('000001', 'fiscal', '2027-03-01 11:00'), oc('000002', 'fiscal', '2027-03-01 15:00')],
      analysts: [analyst('ana', ['fiscal']), analyst('bia', ['fiscal'], { presence: 'offline' }), analyst('caio', ['fiscal'], { presence: 'break' })],
    });
    // 000001: 10:00–11:30 (due 11:00) → breach. 000003: 11:30–14:00 → fine. 000002: 14:00–15:30, due 15:00 → breach.
    expect(result.map((r) => [r.ocId, r.clock, r.forecastAt, r.dueAt, r.queueAhead, r.analystsPresent])).toEqual([
      ['000001', 'resolution', sp('2027-03-01 11:30'), sp('2027-03-01 11:00'), 0, 1],
      ['000002', 'resolution', sp('2027-03-01 15:30'), sp('2027-03-01 15:00'), 2, 1],
    ]);
    expect(result[1]?.reason).toEqual({
      'pt-BR': '2 OCs à frente na fila de Fiscal, 1 analista presente, mediana 1h30 → previsão 15:30, prazo 15:00',
      en: '2 OCs ahead in the Fiscal queue, 1 analyst present, median 1h30 → forecast 15:30, due 15:00',
    });
  });

  it('two present analysts work in parallel', () => {
    const result = predictBreaches({
      ...base,
      ocs: [oc('000001', 'fiscal', '2027-03-01 11:40'), oc('000002', 'fiscal', '2027-03-01 11:40')],
      analysts: [analyst('ana', ['fiscal']), analyst('duda', ['fiscal', 'crm'])],
    });
    expect(result).toEqual([]);
  });

  it('an OC due beyond the 4 business-hour horizon is not predicted', () => {
    const result = predictBreaches({ ...base, ocs: [oc('000001', 'folha_rh', '2027-03-02 09:00')], analysts: [] });
    expect(result).toEqual([]);
  });

  it('no analyst for the module: no forecast, and says so', () => {
    const [only] = predictBreaches({ ...base, ocs: [oc('000001', 'folha_rh', '2027-03-01 14:00')], analysts: [analyst('ana', ['fiscal'])] });
    expect(only).toMatchObject({ forecastAt: null, analystsPresent: 0 });
    expect(only?.reason['pt-BR']).toBe('0 OCs à frente na fila de Folha/RH, nenhum analista presente com essa especialidade e capacidade livre → prazo 14:00');
  });

  it('the first response is forecast when an analyst takes the OC', () => {
    const result = predictBreaches({
      ...base,
      ocs: [oc('000001', 'fiscal', '2027-03-01 10:50'), oc('000002', 'fiscal', '2027-03-01 17:00', { firstResponse: { dueAt: sp('2027-03-01 11:00') } })],
      analysts: [analyst('ana', ['fiscal'])],
    });
    // 000001 (due 10:50) is served first, 10:00–11:30; 000002 is only taken — and answered — at 11:30.
    expect(result.map((r) => [r.ocId, r.clock, r.forecastAt])).toEqual([
      ['000001', 'resolution', sp('2027-03-01 11:30')],
      ['000002', 'first_response', sp('2027-03-01 11:30')],
    ]);
  });

  it('OCs in hand come first for their assignee (half the median left); an absent assignee means no forecast', () => {
    const result = predictBreaches({
      ...base,
      ocs: [
        oc('000001', 'fiscal', '2027-03-01 10:30', { assigneeId: 'ana' }),
        oc('000002', 'fiscal', '2027-03-01 11:30'),
        oc('000003', 'fiscal', '2027-03-01 12:00', { assigneeId: 'bia' }),
      ],
      analysts: [analyst('ana', ['fiscal']), analyst('bia', ['fiscal'], { presence: 'offline' })],
    });
    // Ana: 000001 until 10:45 (breach at 10:30), then 000002 10:45–12:00+15 min → 13:15 (breach at 11:30).
    expect(result.map((r) => [r.ocId, r.forecastAt])).toEqual([
      ['000001', sp('2027-03-01 10:45')],
      ['000002', sp('2027-03-01 13:15')],
      ['000003', null],
    ]);
    expect(result[2]?.reason.en).toBe('assignee absent, nobody else is working on this OC → due 12:00');
  });
});
