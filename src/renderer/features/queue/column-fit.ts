import type { QueueRow } from '../../../shared/api/views';
import { ocStage } from '../../../shared/oc/stage';

// Column widths from their content. Each column is measured in the DOM at its widest sample (the QueueSizer
// renders the same cells, hidden): the SLA countdown at its longest possible form ("−99d 23h" with the longest
// clock name) so it is whole at any sign and any hour; the number, criticidade and level always whole. The room
// left goes, in order, to the subject's floor, then to the status, customer, assignee, module and segment up to
// their whole width, and what remains to the subject. A column shrinks (ellipsis; the whole text on hover and on
// keyboard focus) only when the room is gone, and never below its floor: past that the table scrolls sideways.

export const QUEUE_COLUMN_IDS = ['sla', 'number', 'customer', 'subject', 'module', 'segment', 'criticidade', 'status', 'level', 'assignee'] as const;
/** The columns a queue table can show (the plan is a hidden column: a grouping and the customer's badge). */
export type VisibleColumn = (typeof QUEUE_COLUMN_IDS)[number];

type Fit = { kind: 'whole' } | { kind: 'shrink'; floor: number; cap: number } | { kind: 'fill'; floor: number };

export const COLUMN_FIT: Record<VisibleColumn, Fit> = {
  sla: { kind: 'whole' },
  number: { kind: 'whole' },
  customer: { kind: 'shrink', floor: 140, cap: 380 },
  subject: { kind: 'fill', floor: 190 },
  module: { kind: 'shrink', floor: 96, cap: 240 },
  segment: { kind: 'shrink', floor: 84, cap: 200 },
  criticidade: { kind: 'whole' },
  status: { kind: 'shrink', floor: 120, cap: 300 },
  level: { kind: 'whole' },
  assignee: { kind: 'shrink', floor: 110, cap: 260 },
};

/** Who gets the room first once every column has its floor (the subject takes the rest). */
const PRIORITY: readonly VisibleColumn[] = ['status', 'customer', 'assignee', 'module', 'segment'];

/** Widths before the first measurement (and where measuring is impossible): close to the usual content. */
const FALLBACK: Record<VisibleColumn, number> = {
  sla: 170, number: 140, customer: 240, subject: 240, module: 160, segment: 130, criticidade: 100, status: 210, level: 52, assignee: 160,
};

export interface ColumnTemplate {
  /** grid-template-columns of the header and every row. */
  template: string;
  /** The least width the columns need; narrower tables scroll sideways. */
  minWidth: number;
  /** Where the number column starts: the SLA and number columns stay in view while the table scrolls sideways. */
  stickyNumberLeft: number;
}

/**
 * The grid template for measured widths (px, content plus cell padding) in a table `available` px wide.
 * Columns not measured use the fallback.
 */
export const columnTemplate = (columns: readonly VisibleColumn[], measured: Partial<Record<VisibleColumn, number>>, available: number): ColumnTemplate => {
  const want = new Map<VisibleColumn, number>();
  const width = new Map<VisibleColumn, number>();
  for (const column of columns) {
    const fit = COLUMN_FIT[column];
    const content = Math.ceil(measured[column] ?? FALLBACK[column]);
    const most = fit.kind === 'shrink' ? Math.min(content, fit.cap) : content;
    want.set(column, most);
    width.set(column, fit.kind === 'whole' ? most : fit.kind === 'fill' ? fit.floor : Math.min(most, fit.floor));
  }
  const minWidth = [...width.values()].reduce((a, b) => a + b, 0);
  let room = Math.max(0, Math.floor(available) - minWidth);
  for (const column of PRIORITY) {
    if (room <= 0 || !width.has(column)) continue;
    const grow = Math.min(room, (want.get(column) ?? 0) - (width.get(column) ?? 0));
    width.set(column, (width.get(column) ?? 0) + grow);
    room -= grow;
  }
  const tracks = columns.map((column) => (COLUMN_FIT[column].kind === 'fill' ? `minmax(${width.get(column) ?? 0}px, 1fr)` : `${width.get(column) ?? 0}px`));
  return { template: tracks.join(' '), minWidth, stickyNumberLeft: columns[0] === 'sla' ? (width.get('sla') ?? 0) : 0 };
};

/** The text a column shows for a row, where its length decides which rows are worth measuring. */
const textOf: Partial<Record<VisibleColumn, (row: QueueRow, name: (id: string) => string) => string>> = {
  number: (row) => row.displayNumber,
  customer: (row) => row.customerName,
  module: (row, name) => name(row.module),
  segment: (row, name) => name(row.segment),
  assignee: (row) => row.assigneeName ?? '',
};

/** Distinct values whatever their length: few enough to measure them all. */
/** The pick-up OLA stands beside the stage while an escalated OC waits for an N2 (QueueRowView's status cell). */
export const olaDueShown = (row: QueueRow): number | null => (ocStage(row) === 'aguardando_n2' ? row.olaDueAt : null);

/** What the status cell shows, as a key: the stage, and whether the OLA stands beside it. */
export const statusKey = (row: QueueRow): string => `${ocStage(row)}${olaDueShown(row) === null ? '' : ':ola'}`;

const keyOf: Partial<Record<VisibleColumn, (row: QueueRow) => string>> = {
  // A stage, and an OC waiting for an N2 once more with its OLA beside it (QueueRowView): each is measured.
  status: statusKey,
  criticidade: (row) => row.criticidade,
  level: (row) => row.level,
};

const SAMPLES = 4;

/**
 * The rows to measure per column: the longest texts (by characters — the DOM then decides by pixels among them)
 * and one row per distinct status, criticidade and level. One pass over the rows; 20 000 rows cost ~1 ms.
 */
export const sampleRows = (rows: readonly QueueRow[], columns: readonly VisibleColumn[], name: (id: string) => string): Partial<Record<VisibleColumn, QueueRow[]>> => {
  const samples: Partial<Record<VisibleColumn, QueueRow[]>> = {};
  for (const column of columns) {
    const text = textOf[column];
    const key = keyOf[column];
    if (text !== undefined) {
      const best: Array<{ row: QueueRow; length: number }> = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const value = text(row, name);
        if (seen.has(value)) continue;
        if (best.length < SAMPLES || value.length > (best[best.length - 1]?.length ?? 0)) {
          seen.add(value);
          best.push({ row, length: value.length });
          best.sort((a, b) => b.length - a.length);
          if (best.length > SAMPLES) best.pop();
        }
      }
      samples[column] = best.map((b) => b.row);
    } else if (key !== undefined) {
      const byKey = new Map<string, QueueRow>();
      for (const row of rows) if (!byKey.has(key(row))) byKey.set(key(row), row);
      samples[column] = [...byKey.values()];
    }
  }
  return samples;
};
