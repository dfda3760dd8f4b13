import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../src/shared/api/views';
import { columnTemplate, COLUMN_FIT, sampleRows, type VisibleColumn } from '../../../src/renderer/features/queue/column-fit';

const ALL: VisibleColumn[] = ['sla', 'number', 'customer', 'subject', 'module', 'segment', 'criticidade', 'status', 'level', 'assignee'];
// Content widths as the sizer would measure them (cell padding included).
const MEASURED: Record<VisibleColumn, number> = { sla: 164, number: 123, customer: 313, subject: 99, module: 150, segment: 125, criticidade: 121, status: 200, level: 76, assignee: 140 };

const widths = (template: string): number[] => template.split(/ (?![^(]*\))/).map((track) => Number(/(\d+)px/.exec(track)?.[1]));
const px = (columns: VisibleColumn[], template: string): Record<string, number> => Object.fromEntries(columns.map((c, i) => [c, widths(template)[i] as number]));

describe('queue column widths', () => {
  it('give every column its whole content when the table has room, the rest to the subject', () => {
    const { template, minWidth } = columnTemplate(ALL, MEASURED, 2_400);
    const w = px(ALL, template);
    for (const c of ALL) if (c !== 'subject') expect(w[c], c).toBe(MEASURED[c]);
    expect(template).toContain(`minmax(${COLUMN_FIT.subject.kind === 'fill' ? COLUMN_FIT.subject.floor : 0}px, 1fr)`);
    expect(minWidth).toBeLessThan(2_400);
  });

  it('keep SLA, number, criticidade and level whole at any width; the others shrink in order, never below their floor', () => {
    const table: Array<[number, Partial<Record<VisibleColumn, number>>]> = [
      // Room for the floors plus 50 px: the status takes them first.
      [1_224 + 50, { status: 170, customer: 140, assignee: 110 }],
      // 80 + 173 more: status whole, then the customer whole, then the assignee whole, then the module.
      [1_224 + 80 + 173 + 30 + 4, { status: 200, customer: 313, assignee: 140, module: 100 }],
      // Narrower than the floors: the floors, and the table scrolls sideways.
      [600, { status: 120, customer: 140, assignee: 110, module: 96, segment: 84 }],
    ];
    for (const [available, expected] of table) {
      const { template, minWidth } = columnTemplate(ALL, MEASURED, available);
      const w = px(ALL, template);
      expect(minWidth).toBe(1_224);
      for (const c of ['sla', 'number', 'criticidade', 'level'] as const) expect(w[c], `${c} at ${available}`).toBe(MEASURED[c]);
      for (const [c, width] of Object.entries(expected)) expect(w[c], `${c} at ${available}`).toBe(width);
    }
  });

  it('never widens a column past its content or its cap, and starts the sticky number column after the SLA', () => {
    const { template, stickyNumberLeft } = columnTemplate(ALL, { ...MEASURED, customer: 2_000 }, 5_000);
    expect(px(ALL, template).customer).toBe(COLUMN_FIT.customer.kind === 'shrink' ? COLUMN_FIT.customer.cap : 0);
    expect(stickyNumberLeft).toBe(MEASURED.sla);
    expect(columnTemplate(['number', 'customer'], MEASURED, 900).stickyNumberLeft).toBe(0);
  });

  it('samples the longest texts and one row per status, in one pass', () => {
    const row = (i: number, customerName: string, status: QueueRow['status']): QueueRow => ({ id: `oc-${i}`, displayNumber: `OC-2026-${String(i).padStart(6, '0')}`, customerName, status, module: 'fiscal', segment: 'industria', assigneeName: null } as QueueRow);
    const rows = [row(1, 'A', 'nova'), row(2, 'Cooperativa Agrícola Mantiqueira Ltda.', 'nova'), row(3, 'Beta S.A.', 'em_atendimento'), row(4, 'Cooperativa Agrícola Mantiqueira Ltda.', 'nova'), row(5, 'C', 'encaminhada_dev'), row(6, 'Dd', 'nova'), row(7, 'Ee', 'nova')];
    const samples = sampleRows(rows, ['customer', 'status'], (id) => id);
    expect(samples.customer?.map((r) => r.customerName)).toEqual(['Cooperativa Agrícola Mantiqueira Ltda.', 'Beta S.A.', 'Dd', 'Ee']);
    expect(samples.status?.map((r) => r.status).sort()).toEqual(['em_atendimento', 'encaminhada_dev', 'nova']);
  });
});
