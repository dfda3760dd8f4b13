import type { PenaltyStatement } from '../../shared/api/lead-views';
import { formatCnpj, type Lang } from '../../shared/domain';
import {
  formatDateTime,
  formatNumber,
  monthName,
  STATEMENT_NUMERIC_COLUMNS,
  statementColumns,
  statementGenerated,
  statementLineCells,
  statementRule,
  statementSummary,
  statementTimeNote,
  statementTotalCells,
  statementWords,
} from '../../shared/reports/statement-text';
import { ReportPdf, type TextStyle } from './pdf-document';
import type { PdfColumn, TableLayout } from './pdf-table';

// The penalty statement as a PDF (A4 landscape: ten columns and a subject of 200 characters need the width) that
// the lead sends the customer and finance. Its words and cells are the CSV's (shared/reports/statement-text.ts);
// the layout is pdf-table.ts, so the header repeats on each page, long subjects wrap inside their column, rows
// never split and money lines up on the right.

/** Points between the page's edges and everything printed on it (14 mm). */
export const STATEMENT_MARGIN = 40;

const TITLE: TextStyle = { weight: 'bold', size: 15 };
const SUBTITLE: TextStyle = { weight: 'regular', size: 9, color: '#444444' };
const HEADING: TextStyle = { weight: 'bold', size: 10.5 };
const NOTE: TextStyle = { weight: 'regular', size: 8, color: '#333333' };

/** Width limits of each column (points); the subject takes what is left. */
const COLUMN_LIMITS: readonly Omit<PdfColumn, 'header'>[] = [
  { max: 80 }, // Ocorrência
  { min: 150, grow: true, breakWords: true }, // Assunto
  { max: 64 }, // Criticidade
  { max: 64 }, // Plano
  { max: 82 }, // Prazo de solução: the date on one line, "(reclassificada)" under it
  { max: 82 }, // Solucionada em: the same, "(encaminhada ao desenvolvimento)" under it
  { max: 70 }, // Atraso
  { max: 64 }, // % da mensalidade
  { max: 76 }, // Penalidade (R$)
  { max: 76 }, // Cobrado (R$)
];

export interface StatementPdfOptions {
  lang?: Lang;
  /** Receives the layout of the breaches table (tests check its rules against the words drawn). */
  onTableLayout?: (layout: TableLayout) => void;
}

/** Renders the statement; resolves with the PDF bytes. Dated with the statement's generatedAt. */
export const statementPdf = async (s: PenaltyStatement, options: StatementPdfOptions = {}): Promise<Buffer> => {
  const lang = options.lang ?? 'pt-BR';
  const w = statementWords(lang);
  const generated = new Date(s.generatedAt);
  const pdf = new ReportPdf({
    layout: 'landscape',
    margin: STATEMENT_MARGIN,
    info: { Title: `${w.title} — ${s.customerName} — ${monthName(s.month, lang)}`, Author: 'UNO Soluções — S.O.E. War Room', Subject: w.title, CreationDate: generated },
    footer: `${w.title} · ${w.cnpj} ${formatCnpj(s.cnpj)} · ${monthName(s.month, lang)} · ${formatDateTime(s.generatedAt, s.timeZone, lang)}`,
    pageLabel: (page, pages) => w.page(formatNumber(page, lang), formatNumber(pages, lang)),
  });

  pdf.paragraph(w.title, TITLE);
  pdf.space(2);
  pdf.paragraph(w.issuer, SUBTITLE);
  pdf.space(10);
  pdf.table({
    // label, a gutter, value: the list starts flush with the title
    columns: [{ header: '', max: 190 }, { header: '', width: 14 }, { header: '', grow: true, breakWords: true, weight: 'bold' }],
    rows: statementSummary(s, lang).map((line) => [line.label, '', line.value]),
    header: false,
    rules: false,
    style: { body: { weight: 'regular', size: 9.5 }, padY: 1.5, padX: 0 },
  });
  pdf.space(12);
  pdf.paragraph(w.linesHeading, HEADING, { keepLines: 1 });
  pdf.space(4);
  if (s.lines.length === 0) {
    pdf.paragraph(w.none, NOTE);
  } else {
    const columns = statementColumns(lang).map((header, j): PdfColumn => ({
      header,
      ...COLUMN_LIMITS[j],
      ...(STATEMENT_NUMERIC_COLUMNS.includes(j) ? { align: 'right' as const } : {}),
    }));
    const layout = pdf.table({ columns, rows: statementLineCells(s, lang), total: statementTotalCells(s, lang) });
    options.onTableLayout?.(layout);
  }
  pdf.space(10);
  for (const note of [statementRule(s, lang), statementTimeNote(s, lang), statementGenerated(s, lang)]) {
    pdf.paragraph(note, NOTE);
    pdf.space(4);
  }
  return pdf.finish();
};
