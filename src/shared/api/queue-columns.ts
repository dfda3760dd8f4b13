import { z } from 'zod';
import { displayNumber } from '../domain';
import type { QueueRow } from './views';

// A team view of 20 000 OCs, compact (issue 14 item 4). As an array of row objects it was ~13 MB of JSON — every
// row repeating 24 keys and its customer's name — and the view took ~1 s to arrive whole. Here the rows travel
// as one flat array, row after row in the column order below; the columns that repeat across rows (customer,
// module, status, assignee…) as indexes into one table of distinct strings. About a quarter of the bytes; the
// renderer builds the same QueueRow objects from it (decodeQueueColumns), so nothing downstream changes.

/** The columns of a compact view, in order; `dict` columns hold an index into `strings`. */
export const QUEUE_COLUMNS = [
  ['id', 'plain'], ['number', 'plain'], ['customerId', 'dict'], ['customerName', 'dict'], ['plan', 'dict'], ['module', 'dict'],
  ['segment', 'dict'], ['criticidade', 'dict'], ['kind', 'dict'], ['channel', 'dict'], ['status', 'dict'], ['level', 'dict'],
  ['subject', 'plain'], ['assigneeId', 'dict'], ['assigneeName', 'dict'], ['preferredAnalystId', 'dict'], ['createdAt', 'plain'],
  ['updatedAt', 'plain'], ['slaClock', 'dict'], ['slaState', 'dict'], ['slaDueAt', 'plain'], ['slaPercent', 'plain'],
  ['slaBreachedAt', 'plain'], ['olaDueAt', 'plain'], ['pending', 'plain'],
] as const;
const WIDTH = QUEUE_COLUMNS.length;
const DICT = QUEUE_COLUMNS.map(([, kind]) => kind === 'dict');
type ColumnName = (typeof QUEUE_COLUMNS)[number][0];
/** Each column's offset within a row. */
const C = Object.fromEntries(QUEUE_COLUMNS.map(([name], i) => [name, i])) as Record<ColumnName, number>;

export const QueueColumns = z.object({
  count: z.number().int().nonnegative(),
  strings: z.array(z.string()),
  values: z.array(z.union([z.string(), z.number(), z.null()])),
});
export type QueueColumns = z.infer<typeof QueueColumns>;

/** A row as the core reads it: one value per column of QUEUE_COLUMNS, in that order (pending as 0/1). */
export type QueueColumnRow = ReadonlyArray<string | number | null>;

export const encodeQueueColumns = (rows: readonly QueueColumnRow[]): QueueColumns => {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const values: Array<string | number | null> = new Array(rows.length * WIDTH);
  let at = 0;
  for (const row of rows) {
    for (let col = 0; col < WIDTH; col += 1) {
      const value = row[col] ?? null;
      if (DICT[col] === true && typeof value === 'string') {
        let i = index.get(value);
        if (i === undefined) {
          i = strings.push(value) - 1;
          index.set(value, i);
        }
        values[at] = i;
      } else values[at] = value;
      at += 1;
    }
  }
  return { count: rows.length, strings, values };
};

/** The QueueRow objects of a compact view; throws on a malformed one (a core and renderer of different builds). */
export const decodeQueueColumns = (view: QueueColumns): QueueRow[] => {
  const { count, strings, values } = view;
  if (values.length !== count * WIDTH) throw new Error(`compact queue view: ${values.length} values for ${count} rows of ${WIDTH}`);
  const rows: QueueRow[] = new Array(count);
  const text = (at: number): string => {
    const v = values[at];
    return typeof v === 'number' ? (strings[v] as string) : (v as string);
  };
  const maybeText = (at: number): string | null => (values[at] === null ? null : text(at));
  const num = (at: number): number | null => values[at] as number | null;
  for (let r = 0, b = 0; r < count; r += 1, b += WIDTH) {
    const id = values[b + C.id] as string;
    const number = values[b + C.number] as string | null;
    const clock = maybeText(b + C.slaClock);
    const state = maybeText(b + C.slaState);
    rows[r] = {
      id,
      number,
      displayNumber: displayNumber({ id, number }),
      customerId: text(b + C.customerId),
      customerName: text(b + C.customerName),
      plan: text(b + C.plan) as QueueRow['plan'],
      module: text(b + C.module),
      segment: text(b + C.segment),
      criticidade: text(b + C.criticidade) as QueueRow['criticidade'],
      kind: text(b + C.kind) as QueueRow['kind'],
      channel: text(b + C.channel) as QueueRow['channel'],
      status: text(b + C.status) as QueueRow['status'],
      level: text(b + C.level) as QueueRow['level'],
      subject: values[b + C.subject] as string,
      assigneeId: maybeText(b + C.assigneeId),
      assigneeName: maybeText(b + C.assigneeName),
      preferredAnalystId: maybeText(b + C.preferredAnalystId),
      createdAt: values[b + C.createdAt] as number,
      updatedAt: values[b + C.updatedAt] as number,
      sla: clock === null || state === null
        ? null
        : { clock: clock as NonNullable<QueueRow['sla']>['clock'], state: state as NonNullable<QueueRow['sla']>['state'], dueAt: num(b + C.slaDueAt), percent: num(b + C.slaPercent) ?? 0, breachedAt: num(b + C.slaBreachedAt) },
      olaDueAt: num(b + C.olaDueAt),
      pending: values[b + C.pending] === 1,
    };
  }
  return rows;
};
