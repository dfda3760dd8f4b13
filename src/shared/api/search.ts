import { z } from 'zod';
import { InteractionKind, IsoDate, Line, OcStatus, Plan, Slug } from '../domain';
import { localMidnight } from '../reports/periods';
import { parseLocalDate } from '../sla/time-zone';
import { SEARCH_TEXT_MAX } from '../search/query';
import { CustomerSummary, QueueRow } from './views';

// The search page's query (SPEC §4 Search): text over every field of an OC, filters beside it, honest totals and
// a snippet of why each result matched. `oc.search` (views.ts rows only) stays for the palette and pickers.

/** The most results one search returns; the total says how many there are. */
export const SEARCH_LIMIT_MAX = 500;

export const SearchFilters = z
  .object({
    statuses: z.array(OcStatus).max(20).optional(),
    modules: z.array(Slug).max(100).optional(),
    plans: z.array(Plan).max(3).optional(),
    /** Opened on or after this local date of the team's time zone ("2026-11-01"). */
    openedFrom: IsoDate.optional(),
    /** Opened on or before this local date (the whole day counts). */
    openedTo: IsoDate.optional(),
  })
  .strict()
  .refine((f) => f.openedFrom === undefined || f.openedTo === undefined || f.openedFrom <= f.openedTo, {
    message: 'a data inicial vem depois da final / the start date is after the end date',
    path: ['openedTo'],
  });
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchArgs = z
  .object({
    text: Line().trim().min(1).max(SEARCH_TEXT_MAX),
    filters: SearchFilters.default({}),
    limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_MAX),
  })
  .strict();
export type SearchArgs = z.infer<typeof SearchArgs>;

export const SnippetField = z.enum(['number', 'customer', 'cnpj', 'contact', 'subject', 'description', 'interaction']);

export const SearchSnippet = z.object({
  field: SnippetField,
  text: z.string(),
  /** [start, end) ranges of `text` that matched. */
  marks: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])),
  interactionKind: InteractionKind.optional(),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const SearchHit = z.object({ row: QueueRow, snippets: z.array(SearchSnippet) });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  /** Newest first, at most the limit. */
  hits: z.array(SearchHit),
  /** Every OC that matches the text and the filters, whatever the limit. */
  total: z.number().int().min(0),
  /** Customers whose name or CNPJ answers every term (and the plan filter), by name, the first few. */
  customers: z.array(CustomerSummary),
  customerTotal: z.number().int().min(0),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** The period filter as instants [from, before) of the team's time zone; either end may be open. */
export const openedRange = (filters: Pick<SearchFilters, 'openedFrom' | 'openedTo'>, timeZone: string): { from: number | null; before: number | null } => {
  const days = (date: string | undefined): number | null => (date === undefined ? null : parseLocalDate(date));
  const from = days(filters.openedFrom);
  const to = days(filters.openedTo);
  return { from: from === null ? null : localMidnight(timeZone, from), before: to === null ? null : localMidnight(timeZone, to + 1) };
};
