import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableLayout } from '../../../../src/core/reports/pdf-table';
import { STATEMENT_MARGIN, statementPdf } from '../../../../src/core/reports/statement-pdf';
import type { Lang } from '../../../../src/shared/domain';
import { statementColumns } from '../../../../src/shared/reports/statement-text';
import { describeWord, overlap, overprintedWords, PDF_EPS, readPdf, renderPages, requirePoppler, wordsOutsideMargins, type PdfPage, type Word } from './pdf-reader';
import { worstStatement } from './worst-statement';

// The penalty statement read back the way a customer's viewer shows it (poppler's word boxes and the lines drawn
// in each page's content), on the worst statement the schema allows: the longest customer name, 60 breaches with
// 200-character subjects. Nothing may overprint, leave the margins, be struck by a rule or lose its header.

const SHOTS = resolve(import.meta.dirname, '../../../../test-results/screenshots/statement-pdf');
/** Tolerance of poppler's coordinates (six decimals of floating-point sums). */
const EPS = PDF_EPS;

const OC_NUMBER = /^(OC-\d{4}-\d{6}|PROV-[A-Z0-9]{6})$/;
const MONEY: Record<Lang, RegExp> = { 'pt-BR': /^\d{1,3}(\.\d{3})*,\d{2}$/, en: /^\d{1,3}(,\d{3})*\.\d{2}$/ };
const PAGE: Record<Lang, (i: number, n: number) => string> = { 'pt-BR': (i, n) => `Página ${i} de ${n}`, en: (i, n) => `Page ${i} of ${n}` };
const TIME_ZONE: Record<Lang, string> = { 'pt-BR': 'horário de Brasília (UTC−3)', en: 'Brasília time (UTC−3)' };
const ISSUED: Record<Lang, string> = { 'pt-BR': 'Emitido pelo S.O.E. War Room em 01/12/2026, 09:34, horário de Brasília (UTC−3).', en: 'Issued by S.O.E. War Room on 12/01/2026, 09:34, Brasília time (UTC−3).' };

const textOf = (page: PdfPage): string => page.words.map((w) => w.text).join(' ');

/** The words of the table's body on a page: below its header, above the totals and notes. */
const tableTop = (page: PdfPage): number | null => {
  const first = page.words.filter((w) => OC_NUMBER.test(w.text)).sort((a, b) => a.yMin - b.yMin)[0];
  return first?.yMin ?? null;
};

describe.each(['pt-BR', 'en'] as const)('the penalty statement PDF in %s (60 breaches, 200-character subjects)', (lang) => {
  const statement = worstStatement();
  let pdf: Buffer;
  let pages: PdfPage[];
  let layout: TableLayout | undefined;

  beforeAll(async () => {
    requirePoppler(); // fails every test below, clearly, when poppler-utils is missing
    pdf = await statementPdf(statement, { lang, onTableLayout: (l) => (layout = l) });
    pages = readPdf(pdf);
    mkdirSync(SHOTS, { recursive: true });
    renderPages(pdf, resolve(SHOTS, `after-${lang}`), [1, 2]);
  });

  it('keeps every word inside the page margins', () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(wordsOutsideMargins(pages, STATEMENT_MARGIN)).toEqual([]);
  });

  it('prints no word over another', () => {
    expect(overprintedWords(pages)).toEqual([]);
  });

  it('lists every breach once and in order, and starts each page with a whole row under a repeated header', () => {
    const numbers = pages.flatMap((page) => page.words.filter((w) => OC_NUMBER.test(w.text)).sort((a, b) => a.yMin - b.yMin).map((w) => w.text));
    expect(numbers).toEqual(statement.lines.map((l) => l.displayNumber));
    const headerWords = statementColumns(lang).flatMap((title) => title.split(' '));
    pages.forEach((page, i) => {
      const top = tableTop(page);
      if (top === null) return;
      const header = page.words.filter((w) => w.yMax <= top + EPS && w.yMin > top - 60);
      for (const word of headerWords) expect(header.map((w) => w.text), `page ${i + 1} header`).toContain(word);
      // The first line under the header is a row's first line (its OC number's line), never a row's tail.
      const headerBottom = Math.max(...header.map((w) => w.yMax));
      const firstBody = Math.min(...page.words.filter((w) => w.yMin > headerBottom + EPS).map((w) => w.yMin));
      expect(firstBody, `page ${i + 1}`).toBeCloseTo(top, 1);
    });
  });

  it('right-aligns the money columns (right edges equal within a point) with one amount per row', () => {
    pages.forEach((page, i) => {
      const top = tableTop(page);
      if (top === null) return;
      const money = page.words.filter((w) => w.yMin >= top - EPS && MONEY[lang].test(w.text)).sort((a, b) => a.xMax - b.xMax);
      const columns: Word[][] = [];
      for (const w of money) {
        const last = columns[columns.length - 1];
        if (last !== undefined && w.xMax - (last[0] as Word).xMax <= 1) last.push(w);
        else columns.push([w]);
      }
      expect(columns.length, `page ${i + 1}: right edges ${columns.map((c) => c[0]?.xMax.toFixed(2)).join(', ')}`).toBe(2);
      const rows = page.words.filter((w) => OC_NUMBER.test(w.text)).length + (textOf(page).includes('Total') ? 1 : 0);
      for (const column of columns) expect(column.length, `page ${i + 1}`).toBe(rows);
      if (layout !== undefined) {
        // ... and those edges are the columns' right edges less the cell padding (3 pt).
        const rights = [8, 9].map((j) => (layout?.xs[j] ?? 0) + (layout?.widths[j] ?? 0) - 3);
        columns.forEach((column, c) => expect(Math.abs((column[0] as Word).xMax - (rights[c] as number))).toBeLessThan(1));
      }
    });
  });

  it('draws no rule across a word, and rules every row', () => {
    const struck: string[] = [];
    pages.forEach((page, i) => {
      const rules = page.strokes.filter((s) => Math.abs(s.y1 - s.y2) < EPS);
      expect(rules.length, `page ${i + 1}: rules`).toBeGreaterThan(0);
      for (const rule of rules) {
        const band = { xMin: Math.min(rule.x1, rule.x2), xMax: Math.max(rule.x1, rule.x2), yMin: rule.y1 - rule.lineWidth / 2, yMax: rule.y1 + rule.lineWidth / 2 };
        for (const w of page.words) {
          const o = overlap(band, w);
          if (o.x > 0 && o.y > -EPS) struck.push(`page ${i + 1}: rule at y=${rule.y1.toFixed(2)} through ${describeWord(w)}`);
        }
      }
      const rows = page.words.filter((w) => OC_NUMBER.test(w.text)).length;
      if (rows > 0) expect(rules.length, `page ${i + 1}`).toBeGreaterThanOrEqual(rows + 2);
    });
    expect(struck).toEqual([]);
  });

  it('numbers its pages, names the time zone for people and says when it was issued', () => {
    pages.forEach((page, i) => expect(textOf(page)).toContain(PAGE[lang](i + 1, pages.length)));
    const all = pages.map(textOf).join(' ');
    expect(all).toContain(TIME_ZONE[lang]);
    expect(all).toContain(ISSUED[lang]);
    expect(all).not.toMatch(/America\/Sao_Paulo|\uFFFD/);
    expect(all).toContain(statement.customerName.split(' ').slice(-3).join(' '));
  });

  it('embeds its fonts (the same glyphs on every machine)', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });
});

describe('the penalty statement PDF with hostile text', () => {
  it('prints what the font lacks as "�", drops invisible controls, and still overprints nothing', async () => {
    requirePoppler();
    const base = worstStatement();
    const subjects = ['中文 do cliente', 'NUL\u0000aqui e C1\u0085 e junção\u200Dzero', 'Emoji 😡 e árabe عربي', 'e\u0301 decomposto', '\t\n\n'];
    const statement = { ...base, customerName: 'Cliente\u0000 Ltda. 株式会社', lines: base.lines.slice(0, subjects.length).map((l, i) => ({ ...l, subject: subjects[i] as string })) };
    const pages = readPdf(await statementPdf(statement));
    const words = pages.flatMap((p) => p.words.map((w) => w.text));
    expect(words).toContain('\uFFFD\uFFFD');
    expect(words).toContain('NULaqui');
    expect(words).toContain('junçãozero');
    expect(words).toContain('é');
    expect([...words.join(' ')].filter((ch) => /\p{Cc}|\p{Cf}/u.test(ch))).toEqual([]);
    expect(overprintedWords(pages)).toEqual([]);
  });
});
