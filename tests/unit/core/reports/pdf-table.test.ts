import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PdfMetrics, TextStyle } from '../../../../src/core/reports/pdf-document';
import { layoutTable, type PdfColumn, type PdfTableSpec, type TableFrame } from '../../../../src/core/reports/pdf-table';

// The table layout as geometry, over random tables (seeded): widths, wrapping, pagination and rules, with metrics
// that behave like a proportional font (each character its own width; bold wider).

const metrics: PdfMetrics = {
  width: (s: string, style: TextStyle) => [...s].reduce((n, ch) => n + 0.25 + ((ch.codePointAt(0) ?? 0) % 5) * 0.08, 0) * style.size * (style.weight === 'bold' ? 1.1 : 1),
  lineHeight: (style: TextStyle) => style.size * 1.164,
  lineGap: (style: TextStyle) => style.size * 0.2,
};
const same = (s: string): string => s;
const FRAME: TableFrame = { left: 40, width: 500, top: 40, bottom: 760, startY: 300 };
const PAD = 3;
const EPS = 1e-6;

const word = fc.stringMatching(/^[a-zçãé0-9$,.()%-]{1,14}$/);
const cellText = fc.array(word, { minLength: 0, maxLength: 30 }).map((ws) => ws.join(' '));
const column: fc.Arbitrary<PdfColumn> = fc.record(
  {
    header: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
    align: fc.constantFrom<'left' | 'right'>('left', 'right'),
    max: fc.integer({ min: 30, max: 200 }),
    grow: fc.boolean(),
    breakWords: fc.boolean(),
  },
  { requiredKeys: ['header'] },
);
const table = fc
  .array(column, { minLength: 1, maxLength: 7 })
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(cellText, { minLength: columns.length, maxLength: columns.length }), { minLength: 0, maxLength: 60 }),
      startY: fc.integer({ min: 40, max: 750 }),
    }),
  );

describe('layoutTable', () => {
  it('fits the frame, never splits a row, repeats the header, keeps text in its cell and off the rules', () => {
    fc.assert(
      fc.property(table, ({ columns, rows, startY }) => {
        const spec: PdfTableSpec = { columns, rows, total: columns.map((_, j) => (j === 0 ? 'Total' : '')) };
        const layout = layoutTable(spec, { ...FRAME, startY }, metrics, same);
        expect(layout.widths.reduce((n, w) => n + w, 0)).toBeLessThanOrEqual(FRAME.width + EPS);

        const order = layout.pages.flatMap((p) => p.rows.filter((r) => r.kind !== 'header').map((r) => r.index));
        expect(order).toEqual([...rows.keys(), rows.length]);

        layout.pages.forEach((page, n) => {
          const top = n === 0 && !page.newPage ? startY : FRAME.top;
          expect(page.rows[0]?.kind).toBe('header');
          for (const row of page.rows) {
            expect(row.y).toBeGreaterThanOrEqual(top - EPS);
            expect(row.y + row.height).toBeLessThanOrEqual(FRAME.bottom + EPS);
            for (const cell of row.cells) {
              const x0 = layout.xs[cell.column] as number;
              const x1 = x0 + (layout.widths[cell.column] as number);
              const lineHeight = metrics.lineHeight(cell.style);
              for (const line of cell.lines) {
                // Inside its cell, padding included ...
                expect(line.x).toBeGreaterThanOrEqual(x0 + PAD - EPS);
                expect(line.x + line.width).toBeLessThanOrEqual(x1 - PAD + 1e-3);
                expect(line.y).toBeGreaterThanOrEqual(row.y + PAD - EPS);
                expect(line.y + lineHeight).toBeLessThanOrEqual(row.y + row.height - PAD + EPS);
                // ... right-aligned when the column is numeric ...
                if (columns[cell.column]?.align === 'right') expect(line.x + line.width).toBeCloseTo(x1 - PAD, 6);
                // ... and no rule passes through it.
                for (const rule of page.rules) expect(rule.y <= line.y - rule.lineWidth / 2 || rule.y >= line.y + lineHeight + rule.lineWidth / 2).toBe(true);
              }
              // Header words are never broken: each header line is made of whole words of the title.
              if (row.kind === 'header') for (const line of cell.lines) for (const w of line.text.split(' ')) expect(columns[cell.column]?.header.split(' ')).toContain(w);
            }
          }
        });
      }),
      { seed: 1201, numRuns: 150 },
    );
  });

  it('gives the other columns their widest line and the growing one the rest when that fits', () => {
    const columns: PdfColumn[] = [{ header: 'Ocorrência' }, { header: 'Assunto', grow: true, breakWords: true }, { header: 'Valor', align: 'right' }];
    const layout = layoutTable({ columns, rows: [['OC-2026-000001', 'curto', '1.234,56']] }, FRAME, metrics, same);
    const bold: TextStyle = { weight: 'bold', size: 8 };
    const body: TextStyle = { weight: 'regular', size: 8 };
    expect(layout.widths[0]).toBeCloseTo(Math.max(metrics.width('Ocorrência', bold), metrics.width('OC-2026-000001', body)) + 2 * PAD, 6);
    expect(layout.widths[2]).toBeCloseTo(Math.max(metrics.width('Valor', bold), metrics.width('1.234,56', body)) + 2 * PAD, 6);
    expect(layout.widths.reduce((n, w) => n + w, 0)).toBeCloseTo(FRAME.width, 6);
  });

  it('moves a table that does not start to fit to the next page whole, and refuses headers wider than the page', () => {
    const columns: PdfColumn[] = [{ header: 'A' }, { header: 'B' }];
    const late = layoutTable({ columns, rows: [['x', 'y']] }, { ...FRAME, startY: FRAME.bottom - 5 }, metrics, same);
    expect(late.pages[0]?.newPage).toBe(true);
    expect(late.pages[0]?.rows[0]?.y).toBe(FRAME.top);
    const wide = Array.from({ length: 40 }, (_, i): PdfColumn => ({ header: `Cabeçalho${i}` }));
    expect(() => layoutTable({ columns: wide, rows: [] }, FRAME, metrics, same)).toThrow(/does not fit/);
  });

  it('cuts a row taller than a page to what fits, with an ellipsis, instead of splitting it', () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `palavra${i}`).join(' ');
    const layout = layoutTable({ columns: [{ header: 'Texto', max: 60 }], rows: [[huge], ['depois']] }, FRAME, metrics, same);
    const rows = layout.pages.flatMap((p) => p.rows.filter((r) => r.kind === 'body'));
    expect(rows.map((r) => r.index)).toEqual([0, 1]);
    for (const row of rows) expect(row.y + row.height).toBeLessThanOrEqual(FRAME.bottom + EPS);
    const lines = rows[0]?.cells[0]?.lines ?? [];
    expect(lines[lines.length - 1]?.text.endsWith('…')).toBe(true);
  });
});
