import { z } from 'zod';
import { Line, Text } from '../domain';

// A report table to export (issue 13: CSV and PDF on every reports tab). The renderer builds it from the report it
// shows, in the UI language and with Intl's numbers (so the file reads as the screen does); the core writes it as
// CSV (shared/reports/csv.ts) or as a PDF on the app's table layout (core/reports/table-pdf.ts). Bounded: a table
// the reports can make fits; anything larger is refused, never truncated.

export const MAX_EXPORT_COLUMNS = 16;
export const MAX_EXPORT_ROWS = 20_000;

const Cell = Text().max(2_000);

export const ReportColumn = z.object({
  header: Line().max(120),
  /** Numbers, percentages and money: right-aligned in the PDF. */
  align: z.enum(['left', 'right']).default('left'),
  /** Free text that takes the width the others leave (a customer or module name). */
  grow: z.boolean().default(false),
}).strict();

export const ReportTable = z.object({
  title: Line().trim().min(1).max(200),
  /** What the table covers: the period, the filters, the breakdown (one line each, under the title). */
  about: z.array(Line().max(500)).max(10).default([]),
  columns: z.array(ReportColumn).min(1).max(MAX_EXPORT_COLUMNS),
  rows: z.array(z.array(Cell)).max(MAX_EXPORT_ROWS),
  total: z.array(Cell).nullable().default(null),
  notes: z.array(Text().max(2_000)).max(10).default([]),
}).strict().superRefine((table, ctx) => {
  const width = table.columns.length;
  const bad = table.rows.findIndex((row) => row.length !== width);
  if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['rows', bad], message: `a linha tem ${table.rows[bad]?.length} células para ${width} colunas / the row has ${table.rows[bad]?.length} cells for ${width} columns` });
  if (table.total !== null && table.total.length !== width) ctx.addIssue({ code: 'custom', path: ['total'], message: 'o total não tem uma célula por coluna / the total has not one cell per column' });
});
export type ReportTable = z.output<typeof ReportTable>;
export type ReportTableInput = z.input<typeof ReportTable>;

/** The file's name without its extension: letters, digits, '.', '_' and '-' (no path, nothing a shell reads). */
export const ExportFileBase = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,119}$/u, 'nome de arquivo inválido / invalid file name');

export const ExportTableArgs = z.object({
  table: ReportTable,
  format: z.enum(['csv', 'pdf']),
  fileName: ExportFileBase,
  lang: z.enum(['pt-BR', 'en']).default('pt-BR'),
}).strict();
