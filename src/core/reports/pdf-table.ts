import type { PdfMetrics, ReportPdf, TextStyle } from './pdf-document';
import { clampLines, widestParagraph, widestWord, wrapText } from './text-wrap';

// Tables for the app's PDFs. Layout first, drawing after, so tests can check the geometry the drawing uses:
// - column widths: fixed, or from the content between a minimum and a maximum (the widest word and the widest
//   line of the column, like a browser's automatic table layout); `grow` columns take the room left over;
// - cells wrap inside their column by words (text-wrap.ts breaks a word wider than the column with a hyphen);
//   header words are never broken — the header's widest word is part of its column's minimum;
// - rows grow to their tallest cell; a page break never splits a row, and the header repeats on each page;
// - numbers and money align right (DejaVu's digits are tabular, so the decimal commas line up);
// - rules are drawn on row boundaries, which lie padY away from any text, so they never cross a word.

export interface PdfColumn {
  header: string;
  align?: 'left' | 'right';
  /** A fixed width in points. Without it the width comes from the content, within min and max. */
  width?: number;
  min?: number;
  max?: number;
  /** Takes the width the other columns leave (the subject of a statement). */
  grow?: boolean;
  /** Free text: a word wider than the column is broken with a hyphen instead of widening the column. */
  breakWords?: boolean;
  /** Overrides the body style's weight in this column (the values of a label/value list). */
  weight?: TextStyle['weight'];
}

export type RowKind = 'header' | 'body' | 'total';

export interface PdfTableSpec {
  columns: readonly PdfColumn[];
  rows: readonly (readonly string[])[];
  /** A last row in the total style, with a heavier rule above it. */
  total?: readonly string[];
  /** false: no header row (a label/value list). */
  header?: boolean;
  /** false: no rules at all. */
  rules?: boolean;
  style?: Partial<TableStyle>;
}

export interface TableStyle {
  body: TextStyle;
  header: TextStyle;
  total: TextStyle;
  padX: number;
  padY: number;
  ruleColor: string;
  headerFill: string | null;
}

const DEFAULT_STYLE: TableStyle = {
  body: { weight: 'regular', size: 8, color: '#000000' },
  header: { weight: 'bold', size: 8, color: '#000000' },
  total: { weight: 'bold', size: 8, color: '#000000' },
  padX: 3,
  padY: 3,
  ruleColor: '#777777',
  headerFill: '#ECECEC',
};

export interface TableFrame {
  left: number;
  width: number;
  /** Where a continuation page's table starts. */
  top: number;
  /** The lowest y a row may reach. */
  bottom: number;
  /** Where the table starts on the current page. */
  startY: number;
}

export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  width: number;
}

export interface PlacedCell {
  column: number;
  style: TextStyle;
  lines: PlacedLine[];
}

export interface PlacedRow {
  kind: RowKind;
  /** Index in spec.rows (-1 for the header, rows.length for the total). */
  index: number;
  y: number;
  height: number;
  cells: PlacedCell[];
}

export interface Rule {
  x1: number;
  x2: number;
  y: number;
  lineWidth: number;
}

export interface TablePage {
  /** A new PDF page must be started before this one is drawn (every page but a first that fits at startY). */
  newPage: boolean;
  rows: PlacedRow[];
  rules: Rule[];
  fills: { x: number; y: number; width: number; height: number }[];
}

export interface TableLayout {
  xs: number[];
  widths: number[];
  pages: TablePage[];
  /** y under the table on its last page. */
  endY: number;
  ruleColor: string;
  headerFill: string | null;
}

type Printable = (text: string, weight: TextStyle['weight']) => string;

interface Row {
  kind: RowKind;
  index: number;
  cells: readonly string[];
}

const styleOf = (style: TableStyle, column: PdfColumn, kind: RowKind): TextStyle =>
  kind === 'header' ? style.header : kind === 'total' ? style.total : column.weight === undefined ? style.body : { ...style.body, weight: column.weight };

/** The narrowest width (at least `from`) in which `text` wraps into two lines or fewer, to a tenth of a point. */
const twoLineWidth = (text: string, from: number, measure: (s: string) => number): number => {
  let lo = from;
  let hi = Math.max(from, widestParagraph(text, measure));
  while (hi - lo > 0.1) {
    const mid = (lo + hi) / 2;
    if (wrapText(text, mid, measure).length <= 2) hi = mid;
    else lo = mid;
  }
  return hi;
};

/**
 * Column widths for `available` points. Each column lies between its minimum — the widest word of its header
 * (never broken) and of its cells (unless it holds free text, whose long words break) — and its maximum, its
 * widest line; both within the column's own min/max. Columns that do not grow get their maximum when that
 * leaves the growing ones their minimum, and the growing ones share the rest; otherwise the growing ones keep
 * their minimum and the others share the room in proportion to how much wider they would like to be. When even
 * the minima do not fit, cell words give back what the headers do not need (and are broken).
 */
export const resolveWidths = (columns: readonly PdfColumn[], rows: readonly Row[], available: number, metrics: PdfMetrics, style: TableStyle): number[] => {
  const pad = 2 * style.padX;
  const hasHeader = rows.some((r) => r.kind === 'header');
  const bounds = columns.map((column, j) => {
    if (column.width !== undefined) return { hard: column.width, min: column.width, max: column.width, grow: false };
    const hard = hasHeader ? widestWord(column.header, (s) => metrics.width(s, style.header)) + pad : pad;
    let words = 0;
    let lines = 0;
    for (const row of rows) {
      if (row.kind === 'header') continue;
      const text = row.cells[j] ?? '';
      const cellStyle = styleOf(style, column, row.kind);
      if (column.breakWords !== true) words = Math.max(words, widestWord(text, (s) => metrics.width(s, cellStyle)) + pad);
      lines = Math.max(lines, widestParagraph(text, (s) => metrics.width(s, cellStyle)) + pad);
    }
    const clamp = (w: number): number => Math.min(column.max ?? Infinity, Math.max(column.min ?? 0, w));
    const min = Math.max(hard, clamp(words));
    // A column of short values still gets room for its header on two lines ("% da" / "mensalidade").
    const header = hasHeader ? twoLineWidth(column.header, hard - pad, (s) => metrics.width(s, style.header)) + pad : 0;
    return { hard, min, max: Math.max(min, clamp(lines), header), grow: column.grow === true };
  });
  const sum = (list: readonly (typeof bounds)[number][], pick: (b: (typeof bounds)[number]) => number): number => list.reduce((n, b) => n + pick(b), 0);
  const hard = sum(bounds, (b) => b.hard);
  if (hard > available + 1e-6) throw new Error(`table does not fit: its headers and fixed columns need ${hard.toFixed(1)} pt of ${available.toFixed(1)}`);
  const sumMin = sum(bounds, (b) => b.min);
  if (sumMin > available) {
    const soft = sumMin - hard;
    return bounds.map((b) => b.min - ((b.min - b.hard) / soft) * (sumMin - available));
  }
  const growers = bounds.filter((b) => b.grow);
  const others = bounds.filter((b) => !b.grow);
  const othersMax = sum(others, (b) => b.max);
  if (othersMax + sum(growers, (b) => b.min) <= available) {
    const extra = growers.length === 0 ? 0 : (available - othersMax - sum(growers, (b) => b.min)) / growers.length;
    return bounds.map((b) => (b.grow ? b.min + extra : b.max));
  }
  const room = available - sumMin;
  const wanted = sum(others, (b) => b.max - b.min);
  return bounds.map((b) => (b.grow || wanted === 0 ? b.min : b.min + ((b.max - b.min) / wanted) * room));
};

const blockHeight = (metrics: PdfMetrics, n: number, s: TextStyle): number =>
  n === 0 ? 0 : n * metrics.lineHeight(s) + (n - 1) * metrics.lineGap(s);

const moveRow = (row: PlacedRow, y: number): PlacedRow => ({
  ...row,
  y,
  cells: row.cells.map((cell) => ({ ...cell, lines: cell.lines.map((line) => ({ ...line, y: line.y + y - row.y })) })),
});

/** Lays the table out in `frame`, from frame.startY, over as many pages as it needs. */
export const layoutTable = (spec: PdfTableSpec, frame: TableFrame, metrics: PdfMetrics, printable: Printable): TableLayout => {
  const style: TableStyle = { ...DEFAULT_STYLE, ...spec.style };
  const columns = spec.columns;
  const clean = (cells: readonly string[], kind: RowKind): string[] =>
    columns.map((column, j) => printable(cells[j] ?? '', styleOf(style, column, kind).weight));
  const header: Row | null = spec.header === false ? null : { kind: 'header', index: -1, cells: clean(columns.map((c) => c.header), 'header') };
  const body: Row[] = spec.rows.map((cells, index) => ({ kind: 'body', index, cells: clean(cells, 'body') }));
  if (spec.total !== undefined) body.push({ kind: 'total', index: spec.rows.length, cells: clean(spec.total, 'total') });
  const widths = resolveWidths(columns, header === null ? body : [header, ...body], frame.width, metrics, style);
  const xs = widths.map((_, j) => frame.left + widths.slice(0, j).reduce((n, w) => n + w, 0));
  const tableRight = frame.left + widths.reduce((n, w) => n + w, 0);
  const pageRoom = frame.bottom - frame.top;

  /** A row at y = 0: its cells wrapped, its height that of its tallest cell. */
  const measure = (row: Row, maxHeight: number): PlacedRow => {
    const wrapped = columns.map((column, j) => {
      const cellStyle = styleOf(style, column, row.kind);
      const inner = (widths[j] ?? 0) - 2 * style.padX;
      const width = (s: string): number => metrics.width(s, cellStyle);
      // A row taller than a page (only with absurd input) keeps the lines that fit and ends them with "…".
      const step = metrics.lineHeight(cellStyle) + metrics.lineGap(cellStyle);
      const max = Math.max(1, Math.floor((maxHeight - 2 * style.padY + metrics.lineGap(cellStyle)) / step));
      return { column: j, style: cellStyle, raw: clampLines(wrapText(row.cells[j] ?? '', inner, width), max, inner, width), step };
    });
    const height = 2 * style.padY + Math.max(metrics.lineHeight(style.body), ...wrapped.map((c) => blockHeight(metrics, c.raw.length, c.style)));
    const cells = wrapped.map(({ column, style: cellStyle, raw, step }): PlacedCell => {
      // Header titles sit on the rule under them; body text starts at the top of its row.
      const top = row.kind === 'header' ? height - style.padY - blockHeight(metrics, raw.length, cellStyle) : style.padY;
      const x0 = xs[column] ?? frame.left;
      const right = columns[column]?.align === 'right';
      const lines = raw.map((text, n): PlacedLine => {
        const width = metrics.width(text, cellStyle);
        return { text, x: right ? x0 + (widths[column] ?? 0) - style.padX - width : x0 + style.padX, y: top + n * step, width };
      });
      return { column, style: cellStyle, lines };
    });
    return { kind: row.kind, index: row.index, y: 0, height, cells };
  };

  const pages: TablePage[] = [];
  const headerRow = header === null ? null : measure(header, pageRoom);
  const headerHeight = headerRow?.height ?? 0;
  const rule = (page: TablePage, y: number, lineWidth: number): void => {
    if (spec.rules === false) return;
    const same = page.rules.findIndex((r) => Math.abs(r.y - y) < 1e-6);
    if (same >= 0) page.rules.splice(same, 1);
    page.rules.push({ x1: frame.left, x2: tableRight, y, lineWidth });
  };
  let y = frame.startY;
  const openPage = (newPage: boolean): TablePage => {
    const page: TablePage = { newPage, rows: [], rules: [], fills: [] };
    pages.push(page);
    if (newPage) y = frame.top;
    if (headerRow !== null) {
      page.rows.push(moveRow(headerRow, y));
      if (style.headerFill !== null) page.fills.push({ x: frame.left, y, width: tableRight - frame.left, height: headerHeight });
      rule(page, y, 0.8);
      rule(page, y + headerHeight, 0.8);
      y += headerHeight;
    }
    return page;
  };

  let page: TablePage | null = null;
  for (const [n, row] of body.entries()) {
    const measured = measure(row, pageRoom - headerHeight);
    if (page === null) {
      // The table moves to the next page whole when not even its header and first row fit where it starts.
      page = openPage(frame.startY + headerHeight + measured.height > frame.bottom + 1e-6);
    } else if (y + measured.height > frame.bottom + 1e-6) {
      page = openPage(true);
    }
    page.rows.push(moveRow(measured, y));
    if (row.kind === 'total') rule(page, y, 0.8);
    y += measured.height;
    rule(page, y, n === body.length - 1 ? 0.8 : 0.3);
  }
  if (page === null) openPage(frame.startY + headerHeight > frame.bottom + 1e-6);
  return { xs, widths, pages, endY: y, ruleColor: style.ruleColor, headerFill: style.headerFill };
};

/** Draws a laid-out table: fills, then text, then rules (so a rule is never hidden under a fill). */
export const drawTable = (pdf: ReportPdf, layout: TableLayout): void => {
  for (const page of layout.pages) {
    if (page.newPage) pdf.newPage();
    for (const f of page.fills) pdf.doc.rect(f.x, f.y, f.width, f.height).fillColor(layout.headerFill ?? '#FFFFFF').fill();
    for (const row of page.rows) for (const cell of row.cells) for (const line of cell.lines) pdf.drawLine(line.text, line.x, line.y, cell.style);
    for (const r of page.rules) pdf.doc.moveTo(r.x1, r.y).lineTo(r.x2, r.y).lineWidth(r.lineWidth).strokeColor(layout.ruleColor).stroke();
  }
  pdf.y = layout.endY;
};
