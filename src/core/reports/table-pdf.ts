import type { ReportTable } from '../../shared/api/report-export';
import type { Lang } from '../../shared/domain';
import { formatDateTime, formatNumber, statementWords, timeZoneWording } from '../../shared/reports/statement-text';
import { ReportPdf, type TextStyle } from './pdf-document';
import type { PdfColumn, TableLayout } from './pdf-table';

// Any report table as a PDF (compliance, penalties by customer, volume): the statement's layout (pdf-table.ts),
// so the header repeats on each page, long names wrap inside their column, rows never split and numbers line up
// on the right. Landscape when the columns need the width.

export const TABLE_PDF_MARGIN = 40;
/** More columns than this go on a landscape page. */
const PORTRAIT_COLUMNS = 5;

const TITLE: TextStyle = { weight: 'bold', size: 15 };
const ABOUT: TextStyle = { weight: 'regular', size: 9.5, color: '#333333' };
const NOTE: TextStyle = { weight: 'regular', size: 8, color: '#333333' };

export interface TablePdfOptions {
  lang: Lang;
  generatedAt: number;
  timeZone: string;
  /** Receives the table's layout (tests check its rules against the words drawn). */
  onTableLayout?: (layout: TableLayout) => void;
}

export const tablePdf = async (table: ReportTable, options: TablePdfOptions): Promise<Buffer> => {
  const { lang, generatedAt, timeZone } = options;
  const w = statementWords(lang);
  const issued = formatDateTime(generatedAt, timeZone, lang);
  const pdf = new ReportPdf({
    layout: table.columns.length > PORTRAIT_COLUMNS ? 'landscape' : 'portrait',
    margin: TABLE_PDF_MARGIN,
    info: { Title: table.title, Author: 'UNO Soluções — S.O.E. War Room', Subject: table.title, CreationDate: new Date(generatedAt) },
    footer: `${table.title} · ${issued}`,
    pageLabel: (page, pages) => w.page(formatNumber(page, lang), formatNumber(pages, lang)),
  });
  pdf.paragraph(table.title, TITLE);
  pdf.space(4);
  for (const line of table.about) pdf.paragraph(line, ABOUT);
  pdf.space(10);
  const columns = table.columns.map((c): PdfColumn => ({
    header: c.header,
    align: c.align,
    ...(c.grow ? { grow: true, breakWords: true, min: 120 } : { max: 150, breakWords: true }),
  }));
  const layout = pdf.table({ columns, rows: table.rows, ...(table.total === null ? {} : { total: table.total }) });
  options.onTableLayout?.(layout);
  pdf.space(10);
  for (const note of [...table.notes, w.generated(issued, timeZoneWording(timeZone, lang, generatedAt))]) {
    pdf.paragraph(note, NOTE);
    pdf.space(4);
  }
  return pdf.finish();
};
