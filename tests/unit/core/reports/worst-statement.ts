import type { PenaltyLine, PenaltyStatement } from '../../../../src/shared/api/lead-views';
import { CRITICIDADES, PLANS } from '../../../../src/shared/domain';
import { monthlyPenalties } from '../../../../src/shared/sla/penalties';

// The statement that stresses the layout most: the longest customer name the schema allows (160), 60 breaches
// with subjects of 200 characters (the schema's maximum) of long Portuguese words, one subject of a single
// 200-character word, hard line breaks, every criticidade, plan and stop kind, a fee in the millions.

const HOUR = 3_600_000;
const START = Date.parse('2026-11-02T11:00:00Z');

const LONG_WORDS =
  'Inconstitucionalissimamente a integração fiscal do módulo de faturamento eletrônico — NF-e, NFC-e e CT-e — ' +
  'rejeitou a transmissão em contingência após atualização da versão 2026.11, com divergência de alíquotas';

const subjectOf = (i: number): string => {
  if (i === 7) return 'X'.repeat(100) + 'Ç'.repeat(100); // one word longer than any column
  if (i === 11) return `Primeira linha do assunto\nsegunda linha\tcom tabulação e “aspas” — ${LONG_WORDS}`.slice(0, 200);
  const base = `#${i + 1} ${LONG_WORDS} ${LONG_WORDS}`;
  return base.slice(0, 200);
};

export const LONGEST_CUSTOMER =
  'Cooperativa Agroindustrial dos Produtores Rurais e Distribuidores de Insumos Agrícolas do Vale do Jequitinhonha e ' +
  'Região Metropolitana de São José — Unidade 001';

const FEE_CENTS = 3_292_180_99;
const POLICY = { penaltyPct: { prata: 2, ouro: 3, vip: 5 }, penaltyCapPct: 30 };

export const worstStatement = (): PenaltyStatement => {
  const breaches = Array.from({ length: 60 }, (_, i) => ({ ocId: `oc-${String(i).padStart(2, '0')}`, breachedAt: START + i * 7 * HOUR, plan: PLANS[i % PLANS.length] ?? 'vip' }));
  const [month] = monthlyPenalties({ id: 'cust-worst', monthlyFeeCents: FEE_CENTS }, breaches, POLICY);
  if (month === undefined) throw new Error('no month');
  const lines: PenaltyLine[] = month.details.map((d, i) => {
    const stop = i % 4;
    return {
      ocId: d.ocId,
      displayNumber: i === 3 ? 'PROV-ABC123' : `OC-2026-${String(100_000 + i * 7919).padStart(6, '0')}`,
      subject: subjectOf(i),
      plan: d.plan,
      criticidade: CRITICIDADES[i % CRITICIDADES.length] ?? 'critica',
      breachedAt: d.breachedAt,
      reclassified: i % 9 === 4,
      stoppedAt: stop === 3 ? null : d.breachedAt + (i + 1) * 1.75 * HOUR,
      stopReason: stop === 3 ? null : stop === 2 ? 'forwarded' : stop === 1 ? 'cancelled' : 'solved',
      // up to 99 days of business time past the target
      overdueMs: i === 0 ? 0 : i === 59 ? 99 * 24 * HOUR + 23 * HOUR + 59 * 60_000 : i * 5_432_100,
      pct: d.pct,
      penaltyCents: d.penaltyCents,
      chargedCents: d.chargedCents,
    };
  });
  return {
    customerId: 'cust-worst',
    customerName: LONGEST_CUSTOMER,
    cnpj: '11222333000181',
    plan: 'vip',
    monthlyFeeCents: FEE_CENTS,
    breaches: month.breaches,
    uncappedCents: month.uncappedCents,
    capCents: month.capCents,
    penaltyCents: month.penaltyCents,
    capped: month.capped,
    month: month.month,
    timeZone: 'America/Sao_Paulo',
    ...POLICY,
    lines,
    generatedAt: Date.parse('2026-12-01T12:34:00Z'),
  };
};
