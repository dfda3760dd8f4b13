import type { z } from 'zod';
import type { StatementFile } from '../../shared/api/lead-views';
import type { ExportTableArgs, ReportTable } from '../../shared/api/report-export';
import type { Lang } from '../../shared/domain';
import { toCsv } from '../../shared/reports/csv';
import { tablePdf } from '../reports/table-pdf';
import type { CoreDeps } from './deps';
import { requireLead } from './report-handlers';

// A reports tab's table as a file (CSV or PDF), for the lead: what the screen shows, cell for cell.

const csvRows = (table: ReportTable): string[][] => [
  [table.title],
  ...table.about.map((line) => [line]),
  [],
  table.columns.map((c) => c.header),
  ...table.rows,
  ...(table.total === null ? [] : [table.total]),
  ...(table.notes.length === 0 ? [] : [[], ...table.notes.map((note) => [note])]),
];

export const reportTableFile = async (deps: CoreDeps, args: z.output<typeof ExportTableArgs>): Promise<StatementFile> => {
  requireLead(deps);
  const lang: Lang = args.lang;
  if (args.format === 'csv') {
    // The byte-order mark makes Excel pt-BR read the file as UTF-8 (accents in names).
    const bytes = Buffer.from(`\uFEFF${toCsv(csvRows(args.table), lang)}`, 'utf8');
    return { fileName: `${args.fileName}.csv`, mimeType: 'text/csv;charset=utf-8', base64: bytes.toString('base64') };
  }
  const pdf = await tablePdf(args.table, { lang, generatedAt: deps.clock.now(), timeZone: deps.timeZone });
  return { fileName: `${args.fileName}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
};
