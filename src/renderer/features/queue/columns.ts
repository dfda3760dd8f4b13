import {
  columnFilteringFeature,
  columnGroupingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createExpandedRowModel,
  createFilteredRowModel,
  createGroupedRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowExpandingFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
} from '@tanstack/react-table';
import type { QueueRow } from '../../../shared/api/views';
import { foldText } from '../../../shared/domain';
import { ocStage } from '../../../shared/oc/stage';
import type { VisibleColumn } from './column-fit';
import { urgencyOf } from './team-filter';

// The queue table's model: sorting, a quick text filter, grouping (module, segment, level, status, plan) with
// expandable groups. Defined once at module scope, as TanStack Table requires stable inputs.

export const queueFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
  globalFilteringFeature,
  columnGroupingFeature,
  groupedRowModel: createGroupedRowModel(),
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
  columnVisibilityFeature,
});

const CRIT_RANK = { critica: 0, alta: 1, media: 2, baixa: 3 } as const;
const LEVEL_RANK = { n1: 0, n2: 1 } as const;

const helper = createColumnHelper<typeof queueFeatures, QueueRow>();

export type QueueColumnId = VisibleColumn | 'plan';

/** The text the quick filter searches: number, customer, subject, assignee, accent-insensitive. */
const searchText = (row: QueueRow): string => foldText(`${row.displayNumber} ${row.customerName} ${row.subject} ${row.assigneeName ?? ''}`);

export const queueColumns = helper.columns([
  helper.accessor((row) => urgencyOf(row), { id: 'sla', sortFn: 'basic', enableGrouping: false, enableGlobalFilter: false }),
  helper.accessor((row) => row.displayNumber, { id: 'number', sortFn: 'alphanumeric', enableGrouping: false }),
  helper.accessor((row) => row.customerName, { id: 'customer', sortFn: 'alphanumeric', enableGrouping: false }),
  helper.accessor((row) => row.subject, { id: 'subject', sortFn: 'alphanumeric', enableGrouping: false }),
  helper.accessor((row) => row.module, { id: 'module', sortFn: 'alphanumeric', enableGlobalFilter: false }),
  helper.accessor((row) => row.segment, { id: 'segment', sortFn: 'alphanumeric', enableGlobalFilter: false }),
  helper.accessor((row) => CRIT_RANK[row.criticidade], { id: 'criticidade', sortFn: 'basic', enableGrouping: false, enableGlobalFilter: false }),
  helper.accessor((row) => ocStage(row), { id: 'status', sortFn: 'alphanumeric', enableGlobalFilter: false }),
  helper.accessor((row) => LEVEL_RANK[row.level], { id: 'level', sortFn: 'basic', enableGlobalFilter: false, getGroupingValue: (row) => row.level }),
  helper.accessor((row) => row.assigneeName ?? '', { id: 'assignee', sortFn: 'alphanumeric', enableGrouping: false }),
  helper.accessor((row) => row.plan, { id: 'plan', enableGlobalFilter: false }),
  helper.accessor((row) => searchText(row), { id: 'search', enableGrouping: false, enableSorting: false }),
]);

/** The quick filter matches the folded search column only (ação = acao). */
export const quickFilterFn = (row: { getValue: (id: string) => unknown }, _columnId: string, value: unknown): boolean =>
  typeof value !== 'string' || value.trim() === '' || String(row.getValue('search')).includes(foldText(value.trim()));
