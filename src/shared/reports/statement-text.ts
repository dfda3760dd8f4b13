import type { PenaltyLine, PenaltyStatement } from '../api/lead-views';
import { CRITICIDADE_LABELS, formatCnpj, PLAN_LABELS, PLANS, type Lang } from '../domain';
import { statementWords, type StatementWords } from './statement-words';
import { toCsv } from './csv';

// The penalty statement a lead sends a customer (SPEC §3 penalty accounting), as the words and cells the PDF and
// the CSV share: same columns, same order, same strings. It goes to Brazilian customers, so it is written in
// pt-BR unless English is asked for; numbers, money and dates are formatted with Intl for that language, in the
// statement's time zone, named for people ("horário de Brasília"), never as a tz database id.

export type { StatementWords } from './statement-words';
export { statementWords } from './statement-words';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T => {
  let format = cache.get(key);
  if (format === undefined) {
    format = make();
    cache.set(key, format);
  }
  return format as T;
};

/** "15/11/2026, 14:30" (pt-BR) or "11/15/2026, 14:30" (en), 24-hour, in `timeZone`. */
export const formatDateTime = (instant: number, timeZone: string, lang: Lang = 'pt-BR'): string =>
  cached(`dt|${lang}|${timeZone}`, () =>
    new Intl.DateTimeFormat(lang, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(instant);

/** 123456 → "1.234,56" / "1,234.56": the amount of a column headed "(R$)", which spreadsheets read as a number. */
export const formatCents = (cents: number, lang: Lang = 'pt-BR'): string =>
  cached(`n2|${lang}`, () => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(cents / 100);

/** 123456 → "R$ 1.234,56" / "R$1,234.56". */
export const formatMoney = (cents: number, lang: Lang = 'pt-BR'): string =>
  cached(`brl|${lang}`, () => new Intl.NumberFormat(lang, { style: 'currency', currency: 'BRL' })).format(cents / 100);

/** 2.5 → "2,5" / "2.5": a percentage in a column headed "%". */
export const formatNumber = (value: number, lang: Lang = 'pt-BR'): string =>
  cached(`n|${lang}`, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })).format(value);

/** 30 → "30%". */
export const formatPercent = (value: number, lang: Lang = 'pt-BR'): string =>
  cached(`pct|${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 })).format(value / 100);

/** Business time past the target: "2.399 h 59 min" / "2,399h 59m" (hours, not days: a business day is not 24 h). */
export const formatOverdue = (ms: number, lang: Lang = 'pt-BR'): string => {
  const minutes = Math.floor(ms / 60_000);
  const unit = (u: 'hour' | 'minute', n: number): string =>
    cached(`u|${u}|${lang}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'narrow' })).format(n);
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? unit('minute', minutes) : `${unit('hour', hours)} ${unit('minute', minutes % 60)}`;
};

/** "2026-11" → "novembro de 2026" / "November 2026". */
export const monthName = (month: string, lang: Lang = 'pt-BR'): string => {
  const [year, m] = month.split('-').map(Number);
  if (year === undefined || m === undefined || !Number.isInteger(year) || !Number.isInteger(m)) return month;
  return cached(`month|${lang}`, () => new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(Date.UTC(year, m - 1, 15));
};

/** "−3" for the zone's offset from UTC at `at`, with a real minus sign. */
const utcOffset = (timeZone: string, at: number): string => {
  const name = cached(`off|${timeZone}`, () => new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }))
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace(/^GMT/, '');
  return offset === '' ? '' : offset.replace('-', '−');
};

/**
 * The statement's time zone as people say it: "horário de Brasília (UTC−3)" / "Brasília time (UTC−3)" for the
 * contract's zone; any other by the name Intl gives it ("Horário Padrão do Amazonas (UTC−4)"). The offset is
 * the one in force at `at`, so a statement of a month with daylight saving says so.
 */
export const timeZoneWording = (timeZone: string, lang: Lang, at: number): string => {
  const utc = `UTC${utcOffset(timeZone, at)}`;
  if (timeZone === 'America/Sao_Paulo') return lang === 'pt-BR' ? `horário de Brasília (${utc})` : `Brasília time (${utc})`;
  const name = cached(`tzname|${lang}|${timeZone}`, () => new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'long' }))
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name === undefined ? utc : `${name} (${utc})`;
};

export const statementFileName = (statement: PenaltyStatement, extension: 'csv' | 'pdf'): string => {
  const slug = statement.customerName.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return `extrato-penalidades-${slug || statement.customerId}-${statement.month}.${extension}`;
};

export interface StatementSummaryLine {
  label: string;
  value: string;
}

export const statementSummary = (s: PenaltyStatement, lang: Lang = 'pt-BR'): StatementSummaryLine[] => {
  const w = statementWords(lang);
  return [
    { label: w.customer, value: s.customerName },
    { label: w.cnpj, value: formatCnpj(s.cnpj) },
    { label: w.plan, value: PLAN_LABELS[s.plan][lang] },
    { label: w.month, value: monthName(s.month, lang) },
    { label: w.monthlyFee, value: formatMoney(s.monthlyFeeCents, lang) },
    { label: w.breaches, value: formatNumber(s.breaches, lang) },
    { label: w.uncapped, value: formatMoney(s.uncappedCents, lang) },
    { label: w.cap(formatPercent(s.penaltyCapPct, lang)), value: formatMoney(s.capCents, lang) },
    { label: w.due, value: formatMoney(s.penaltyCents, lang) },
  ];
};

/** The table's header row, one title per column of statementLineCells. */
export const statementColumns = (lang: Lang = 'pt-BR'): string[] => [...statementWords(lang).columns];

/** Indexes of the columns that hold numbers (right-aligned in the PDF). */
export const STATEMENT_NUMERIC_COLUMNS: readonly number[] = [7, 8, 9];

const deadlineCell = (line: PenaltyLine, s: PenaltyStatement, w: StatementWords, lang: Lang): string =>
  line.reclassified ? `${formatDateTime(line.breachedAt, s.timeZone, lang)} ${w.reclassified}` : formatDateTime(line.breachedAt, s.timeZone, lang);

const stopCell = (line: PenaltyLine, s: PenaltyStatement, w: StatementWords, lang: Lang): string => {
  if (line.stoppedAt === null) return w.stillOpen;
  const at = formatDateTime(line.stoppedAt, s.timeZone, lang);
  return line.stopReason === 'forwarded' ? `${at} ${w.forwarded}` : line.stopReason === 'cancelled' ? `${at} ${w.cancelled}` : at;
};

export const statementLineCells = (s: PenaltyStatement, lang: Lang = 'pt-BR'): string[][] => {
  const w = statementWords(lang);
  return s.lines.map((line) => [
    line.displayNumber,
    line.subject,
    CRITICIDADE_LABELS[line.criticidade][lang],
    PLAN_LABELS[line.plan][lang],
    deadlineCell(line, s, w, lang),
    stopCell(line, s, w, lang),
    formatOverdue(line.overdueMs, lang),
    formatNumber(line.pct, lang),
    formatCents(line.penaltyCents, lang),
    formatCents(line.chargedCents, lang),
  ]);
};

/** The totals row under the lines: what the breaches cost before the cap, and what is charged. */
export const statementTotalCells = (s: PenaltyStatement, lang: Lang = 'pt-BR'): string[] => {
  const w = statementWords(lang);
  return [w.total, '', '', '', '', '', '', '', formatCents(s.uncappedCents, lang), formatCents(s.penaltyCents, lang)];
};

/** The contract rule under the table: the percentage of each plan and the monthly cap. */
export const statementRule = (s: PenaltyStatement, lang: Lang = 'pt-BR'): string => {
  const w = statementWords(lang);
  const each = PLANS.map((p) => w.planPct(formatPercent(s.penaltyPct[p] ?? 0, lang), PLAN_LABELS[p][lang]));
  return w.rule(new Intl.ListFormat(lang, { type: 'disjunction' }).format(each), formatPercent(s.penaltyCapPct, lang), s.capped);
};

/** How to read the dates and the delay, with the time zone named for people. */
export const statementTimeNote = (s: PenaltyStatement, lang: Lang = 'pt-BR'): string =>
  statementWords(lang).timeNote(timeZoneWording(s.timeZone, lang, s.generatedAt));

export const statementGenerated = (s: PenaltyStatement, lang: Lang = 'pt-BR'): string =>
  statementWords(lang).generated(formatDateTime(s.generatedAt, s.timeZone, lang), timeZoneWording(s.timeZone, lang, s.generatedAt));

/**
 * The statement as CSV, the PDF's table cell for cell (csv.ts writes it: ';' and decimal commas in pt-BR, ',' in
 * English, formulas disarmed). The caller adds the UTF-8 byte-order mark so accents open correctly.
 */
export const statementCsv = (s: PenaltyStatement, lang: Lang = 'pt-BR'): string => {
  const w = statementWords(lang);
  const rows: string[][] = [
    [w.title],
    ...statementSummary(s, lang).map((line) => [line.label, line.value]),
    [],
    statementColumns(lang),
    ...statementLineCells(s, lang),
    statementTotalCells(s, lang),
    [],
    [statementRule(s, lang)],
    [statementTimeNote(s, lang)],
    [statementGenerated(s, lang)],
  ];
  return toCsv(rows, lang);
};
