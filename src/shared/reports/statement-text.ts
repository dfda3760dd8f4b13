import type { PenaltyStatement } from '../api/lead-views';
import { formatCnpj, PLAN_LABELS } from '../domain';

// The penalty statement a lead sends a customer (SPEC §3 penalty accounting), as words and numbers shared by the
// CSV and the PDF. It is a Brazilian commercial document, so it is written in Portuguese with Brazilian number
// and date formats whatever the UI language.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export const formatDateTime = (instant: number, timeZone: string): string => {
  let format = dateTimeFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('pt-BR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(timeZone, format);
  }
  return format.format(instant);
};

/** 123456 → "1.234,56" (no currency sign: spreadsheets read it as a number). */
export const formatCents = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')}`;
};

export const formatMoney = (cents: number): string => `R$ ${formatCents(cents)}`;

const MONTHS = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

/** "2026-11" → "novembro de 2026". */
export const monthName = (month: string): string => {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} de ${year}`;
};

export const statementFileName = (statement: PenaltyStatement, extension: 'csv' | 'pdf'): string => {
  const slug = statement.customerName.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return `extrato-penalidades-${slug || statement.customerId}-${statement.month}.${extension}`;
};

export interface StatementSummaryLine {
  label: string;
  value: string;
}

export const statementSummary = (s: PenaltyStatement): StatementSummaryLine[] => [
  { label: 'Cliente', value: s.customerName },
  { label: 'CNPJ', value: formatCnpj(s.cnpj) },
  { label: 'Plano', value: PLAN_LABELS[s.plan]['pt-BR'] },
  { label: 'Mês de referência', value: monthName(s.month) },
  { label: 'Mensalidade', value: formatMoney(s.monthlyFeeCents) },
  { label: 'Violações de prazo de solução', value: String(s.breaches) },
  { label: 'Penalidade sem teto', value: formatMoney(s.uncappedCents) },
  { label: `Teto mensal (${String(s.penaltyCapPct).replace('.', ',')} %)`, value: formatMoney(s.capCents) },
  { label: 'Penalidade devida', value: formatMoney(s.penaltyCents) },
];

export const STATEMENT_COLUMNS = ['Ocorrência', 'Assunto', 'Plano', 'Violação em', '% da mensalidade', 'Penalidade (R$)', 'Cobrado (R$)'] as const;

export const statementLineCells = (s: PenaltyStatement): string[][] =>
  s.lines.map((line) => [
    line.displayNumber,
    line.subject,
    PLAN_LABELS[line.plan]['pt-BR'],
    formatDateTime(line.breachedAt, s.timeZone),
    String(line.pct).replace('.', ','),
    formatCents(line.penaltyCents),
    formatCents(line.chargedCents),
  ]);

const csvCell = (value: string): string => (/[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The statement as CSV for Brazilian spreadsheets: ';' separators and decimal commas (Excel pt-BR), CRLF lines.
 * The caller adds the UTF-8 byte-order mark so accents open correctly.
 */
export const statementCsv = (s: PenaltyStatement): string => {
  const rows: string[][] = [
    ['Extrato de penalidades de SLA — UNO Soluções, Suporte a Operações Especiais'],
    ...statementSummary(s).map((line) => [line.label, line.value]),
    [],
    [...STATEMENT_COLUMNS],
    ...statementLineCells(s),
    [],
    ['Total cobrado (R$)', '', '', '', '', formatCents(s.uncappedCents), formatCents(s.penaltyCents)],
    [`Gerado em ${formatDateTime(s.generatedAt, s.timeZone)} (${s.timeZone})`],
  ];
  return rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
};
