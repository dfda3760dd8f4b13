import type { Lang } from '../domain';

// The app's CSV files (the penalty statement, every report table), one way: in pt-BR for Brazilian spreadsheets
// (';' separators, decimal commas — Excel pt-BR), in English with ','; CRLF records; quoted only where needed. A
// cell a spreadsheet would run as a formula (a subject typed by a customer: "=HYPERLINK(…)", "+cmd|…", "@SUM(…)")
// is written as text, with an apostrophe in front (OWASP "CSV injection"); numbers such as "-1,5" stay numbers.

export const csvSeparator = (lang: Lang): string => (lang === 'pt-BR' ? ';' : ',');

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?[\d.,\s\u00A0\u202F]*\d[\d.,]*\s*%?$/;

/** One field: plain spaces for Intl's no-break ones, a formula disarmed, quotes doubled when quoting is needed. */
export const csvCell = (value: string | number, separator: string): string => {
  let text = String(value).replace(/[\u00A0\u202F]/g, ' ');
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows as CSV text (without the byte-order mark: the file writer adds it so accents open correctly). */
export const toCsv = (rows: readonly (readonly (string | number)[])[], lang: Lang): string => {
  const separator = csvSeparator(lang);
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
};
