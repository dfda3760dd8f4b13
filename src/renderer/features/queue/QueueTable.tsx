import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTable, type ExpandedState, type SortingState } from '@tanstack/react-table';
import type { QueueRow } from '../../../shared/api/views';
import { CRITICIDADE_LABELS, LEVEL_LABELS, PLAN_LABELS, type Criticidade, type Level, type Plan } from '../../../shared/domain';
import { isOcStage, STAGE_LABELS } from '../../../shared/oc/stage';
import { useSession, useT } from '../../app/services';
import { lbl } from '../../components/badges';
import { Icon } from '../../components/icons';
import { formatNumber } from '../../lib/format';
import { QUEUE_COLUMN_IDS, type VisibleColumn } from './column-fit';
import { queueColumns, queueFeatures, quickFilterFn } from './columns';
import { CursorPeek } from './CursorPeek';
import { QueueRowView, rowDomId, type RowContext } from './QueueRowView';
import { useQueueKeys } from './queue-keys';
import { useQueueColumns } from './QueueSizer';
import type { GroupBy } from './team-filter';

const ROW_HEIGHT = 36;
/** The sticky header sits inside the scrolling body (one scroller for both axes): rows start below it. */
const HEAD_HEIGHT = 36;
/**
 * Rows are keyed by slot (index modulo SLOTS), not by OC: while scrolling, the row leaving the top becomes the
 * row entering the bottom and React only rewrites its text, instead of destroying and building DOM every frame.
 * SLOTS must exceed the rows on screen plus overscan (a 4K screen shows about 60).
 */
const SLOTS = 160;
const GROUP_HEIGHT = 34;

export interface QueueTableProps {
  rows: QueueRow[];
  groupBy: GroupBy;
  quickFilter: string;
  cursor: string | null;
  onCursor: (id: string | null) => void;
  onOpen: (id: string) => void;
  empty: ReactNode;
  label: string;
  hide?: readonly VisibleColumn[];
  testId: string;
  /** The page's main list takes the keyboard when it shows (not a results list under its search box). */
  autoFocus?: boolean;
}

const EMPTY_SORT: SortingState = [{ id: 'sla', desc: false }];

/**
 * The queue grid: TanStack Table v9 for sorting, quick filtering and grouping; TanStack Virtual so only the rows
 * on screen exist in the DOM (20 000 rows scroll like 20). Rows are fixed-height, so nothing jumps while scrolling.
 */
export const QueueTable = ({ rows, groupBy, quickFilter, cursor, onCursor, onOpen, empty, label, hide = [], testId, autoFocus = false }: QueueTableProps) => {
  const { t, lang } = useT();
  const catalogName = useSession((s) => s.catalogName);
  const myId = useSession((s) => s.analyst?.id ?? null);
  const [sorting, setSorting] = useState<SortingState>(EMPTY_SORT);
  const [expanded, setExpanded] = useState<ExpandedState>(true);
  const grouping = useMemo(() => (groupBy === 'none' ? [] : [groupBy]), [groupBy]);
  const hidden = hide.join(',');
  const columns = useMemo(() => QUEUE_COLUMN_IDS.filter((c) => !hidden.split(',').includes(c)), [hidden]);
  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, grouping, expanded, globalFilter: quickFilter, columnVisibility: { plan: false, search: false } },
    onSortingChange: setSorting,
    onExpandedChange: setExpanded,
    globalFilterFn: quickFilterFn,
    getColumnCanGlobalFilter: (column) => column.id === 'search',
    groupedColumnMode: false,
    enableSortingRemoval: false,
    autoResetExpanded: false,
  });
  const model = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable callbacks: a new getItemKey on every render would make the virtualizer re-measure all 20 000 rows
  // on every scroll frame.
  const estimateSize = useCallback((index: number) => (model[index]?.getIsGrouped() === true ? GROUP_HEIGHT : ROW_HEIGHT), [model]);
  const getItemKey = useCallback((index: number) => model[index]?.id ?? index, [model]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({ count: model.length, getScrollElement, estimateSize, getItemKey, overscan: 10, scrollMargin: HEAD_HEIGHT, scrollPaddingStart: HEAD_HEIGHT });
  // Row heights depend on which rows are group headers: re-measure when the model changes shape.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, groupBy, model.length]);
  // A new grouping is a new list: start at its top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [groupBy]);

  const ctx: RowContext = useMemo(() => ({ lang, t, catalogName, myId }), [lang, t, catalogName, myId]);
  const { template, minWidth, stickyNumberLeft, overflows, sizerView } = useQueueColumns(rows, columns, ctx, scrollRef);
  // The whole text of cut cells is shown beside the cursor row when the keyboard moved it there.
  const [keyboardCursor, setKeyboardCursor] = useState(false);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const stableOpen = useMemo(() => (id: string) => onOpenRef.current(id), []);
  const onCursorRef = useRef(onCursor);
  onCursorRef.current = onCursor;
  const stableCursor = useMemo(() => (id: string) => onCursorRef.current(id), []);

  const leafIds = useMemo(() => model.filter((r) => !r.getIsGrouped()).map((r) => r.id), [model]);
  // Keep the keyboard cursor on screen when it moves (or the list first shows it): a new sort or grouping keeps
  // the view where the person is looking instead of jumping to wherever the cursor row went.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (cursor === null || scrolledTo.current === cursor) return;
    const index = model.findIndex((r) => r.id === cursor);
    if (index < 0) return;
    scrolledTo.current = cursor;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [cursor, model, virtualizer]);

  const onKeyDown = useQueueKeys({ bodyRef: scrollRef, leafIds, cursor, onCursor, onOpen, onKeyboard: () => setKeyboardCursor(true), autoFocus });

  const cursorVisible = cursor !== null && leafIds.includes(cursor);
  const groupLabel = (columnId: string, value: unknown): string => {
    const v = String(value);
    if (columnId === 'status') return isOcStage(v) ? lbl(STAGE_LABELS[v], lang) : v;
    if (columnId === 'plan') return lbl(PLAN_LABELS[v as Plan], lang);
    if (columnId === 'level') return lbl(LEVEL_LABELS[v as Level], lang);
    if (columnId === 'criticidade') return lbl(CRITICIDADE_LABELS[v as Criticidade], lang);
    return catalogName(v);
  };

  return (
    <div className={`q-table${overflows ? ' is-wide' : ''}`} role="grid" aria-label={label} aria-rowcount={rows.length} data-testid={testId} style={{ ['--q-template' as string]: template, ['--q-min-width' as string]: `${minWidth}px`, ['--q-number-left' as string]: `${stickyNumberLeft}px` }}>
      <div
        className="q-body"
        ref={scrollRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseDown={() => setKeyboardCursor(false)}
        onBlur={() => setKeyboardCursor(false)}
        aria-activedescendant={cursorVisible ? rowDomId(cursor) : undefined}
        data-testid={`${testId}-body`}
      >
        <div className="q-head" role="row">
          {columns.map((id) => {
            const column = table.getColumn(id);
            const sorted = column?.getIsSorted() ?? false;
            return (
              <div key={id} role="columnheader" className={`q-th q-${id}`} aria-sort={sorted === false ? 'none' : sorted === 'asc' ? 'ascending' : 'descending'}>
                <button type="button" className="q-sort" onClick={column?.getToggleSortingHandler()} data-testid={`sort-${id}`}>
                  {t(`queue.col.${id}`)}
                  {sorted === false ? null : <Icon name={sorted === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} />}
                </button>
              </div>
            );
          })}
        </div>
        {model.length === 0 ? (
          <div className="q-empty">{empty}</div>
        ) : (
          <div className="q-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {[...virtualizer.getVirtualItems()].sort((a, b) => (a.index % SLOTS) - (b.index % SLOTS)).map((item) => {
              const row = model[item.index];
              if (row === undefined) return null;
              const top = item.start - HEAD_HEIGHT;
              if (row.getIsGrouped()) {
                const columnId = row.groupingColumnId ?? '';
                return (
                  <div key={`slot-${item.index % SLOTS}`} role="row" className="q-group" style={{ transform: `translateY(${top}px)` }} data-testid="queue-group">
                    <button type="button" className="q-group-toggle" onClick={row.getToggleExpandedHandler()} aria-expanded={row.getIsExpanded()}>
                      <Icon name={row.getIsExpanded() ? 'chevronDown' : 'chevronRight'} size={14} />
                      <span className="q-group-label">{groupLabel(columnId, row.groupingValue)}</span>
                      <span className="q-group-count">{formatNumber(row.getLeafRows().length, lang)}</span>
                    </button>
                  </div>
                );
              }
              return (
                <QueueRowView
                  key={`slot-${item.index % SLOTS}`}
                  row={row.original}
                  columns={columns}
                  selected={row.id === cursor}
                  top={top}
                  ctx={ctx}
                  onOpen={stableOpen}
                  onCursor={stableCursor}
                />
              );
            })}
          </div>
        )}
      </div>
      {sizerView}
      {keyboardCursor && cursorVisible ? <CursorPeek scroller={scrollRef} ocId={cursor} columns={columns} t={t} /> : null}
    </div>
  );
};
