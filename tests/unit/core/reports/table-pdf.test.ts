import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableLayout } from '../../../../src/core/reports/pdf-table';
import { TABLE_PDF_MARGIN, tablePdf } from '../../../../src/core/reports/table-pdf';
import { ReportTable } from '../../../../src/shared/api/report-export';
import { overprintedWords, PDF_EPS, readPdf, renderPages, requirePoppler, wordsOutsideMargins, type PdfPage } from './pdf-reader';

// Every report table the lead exports as a PDF (compliance, penalties, volume) goes through tablePdf: on the
// worst table a breakdown can make — customer × analyst with the longest names, 150 rows, a total — nothing is
// printed over anything, everything stays inside the margins, the header repeats on each page and the numbers
// line up on the right.

const SHOTS = resolve(import.meta.dirname, '../../../../test-results/screenshots/report-pdf');
const LONG = 'Cooperativa Agroindustrial dos Produtores Rurais e Distribuidores de Insumos Agrícolas do Vale do Jequitinhonha';
const ROWS = 150;

const worstTable = (): ReportTable => ReportTable.parse({
  title: 'Cumprimento de SLA',
  about: ['Período: 01/11/2026 a 30/11/2026', 'Quebrado por Cliente e Analista'],
  columns: [
    { header: 'Cliente', grow: true },
    { header: 'Analista', grow: true },
    ...['1ª resposta — Cumpridos', '1ª resposta — Estourados', '1ª resposta — %', 'Solução — Cumpridos', 'Solução — Estourados', 'Solução — %'].map((header) => ({ header, align: 'right' })),
  ],
  rows: Array.from({ length: ROWS }, (_, i) => [
    `${LONG} — Unidade ${String(i + 1).padStart(3, '0')}`,
    i % 7 === 0 ? 'Maria Aparecida dos Santos Albuquerque de Oliveira Bragança' : `Analista ${i}`,
    String(i * 13), String(i % 9), `${(100 - (i % 37) / 3).toFixed(1).replace('.', ',')}%`,
    String(i * 11), String(i % 5), `${(100 - (i % 23) / 2).toFixed(1).replace('.', ',')}%`,
  ]),
  total: ['Total geral', '', '12.345', '678', '94,8%', '11.000', '345', '97,0%'],
  notes: ['Cada prazo conta no período em que foi decidido.'],
});

const ROW_LABEL = /^Unidade$/;

describe('a report table as a PDF (customer × analyst, 150 rows, the longest names)', () => {
  const table = worstTable();
  let pages: PdfPage[];
  let layout: TableLayout | undefined;

  beforeAll(async () => {
    requirePoppler(); // fails every test below, clearly, when poppler-utils is missing
    const pdf = await tablePdf(table, { lang: 'pt-BR', generatedAt: Date.parse('2026-12-01T12:34:00Z'), timeZone: 'America/Sao_Paulo', onTableLayout: (l) => (layout = l) });
    pages = readPdf(pdf);
    mkdirSync(SHOTS, { recursive: true });
    renderPages(pdf, resolve(SHOTS, 'compliance'), [1, 2]);
  });

  it('flows onto landscape pages, every word inside the margins and none over another', () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
    expect(wordsOutsideMargins(pages, TABLE_PDF_MARGIN)).toEqual([]);
    expect(overprintedWords(pages)).toEqual([]);
  });

  it('prints every row once, in order, with the header on each page', () => {
    const units = pages.flatMap((page) => {
      const words = [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
      return words.flatMap((w, i) => (ROW_LABEL.test(w.text) ? [words[i + 1]?.text ?? ''] : []));
    });
    expect(units).toEqual(table.rows.map((_, i) => String(i + 1).padStart(3, '0')));
    pages.forEach((page, i) => {
      if (!page.words.some((w) => ROW_LABEL.test(w.text))) return;
      const texts = page.words.map((w) => w.text);
      for (const word of ['Cliente', 'Analista', 'Cumpridos', 'Estourados']) expect(texts, `page ${i + 1}`).toContain(word);
    });
    const all = pages.flatMap((p) => p.words.map((w) => w.text)).join(' ');
    expect(all).toContain('Total geral');
    expect(all).toContain('horário de Brasília');
    expect(all).toContain(`Página 1 de ${pages.length}`);
  });

  it('right-aligns the numeric columns', () => {
    expect(layout).toBeDefined();
    const columns = layout as TableLayout;
    const page = pages[0] as PdfPage;
    for (const j of [2, 5]) {
      const right = (columns.xs[j] ?? 0) + (columns.widths[j] ?? 0);
      const left = columns.xs[j] ?? 0;
      const numbers = page.words.filter((w) => /^\d+(\.\d{3})*$/.test(w.text) && w.xMin >= left - PDF_EPS && w.xMax <= right + PDF_EPS);
      expect(numbers.length).toBeGreaterThan(10);
      const edges = new Set(numbers.map((w) => Math.round(w.xMax)));
      expect(edges.size, `column ${j} right edges ${[...edges].join(', ')}`).toBeLessThanOrEqual(2);
    }
  });
});
