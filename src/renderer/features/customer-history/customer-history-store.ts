import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomerCallLog, CustomerHistory, CustomerOcScope, CustomerOcSort, CustomerOcsPage } from '../../../shared/api/customer-history';
import type { ApiError } from '../../../shared/api/result';
import type { CustomerPenalties } from '../../../shared/api/workspace';
import { isOpenStatus, type OcStatus } from '../../../shared/domain';
import type { ApiClient } from '../../lib/api/client';

// The customer's page data: the summary (card, counts, recados, SLA this month), this month's penalties, one page
// of OCs under the chosen filter and the calls read so far. Every answer is checked against the customer and the
// request it answers, so a slow reply for another customer or an older filter never lands on screen.

export const OC_PAGE_SIZE = 50;
export const CALL_PAGE_SIZE = 20;

export interface OcFilter {
  scope: CustomerOcScope;
  /** One status, or null for every status of the scope. */
  status: OcStatus | null;
  sort: CustomerOcSort;
}

export const statusInScope = (status: OcStatus, scope: CustomerOcScope): boolean => scope === 'all' || (scope === 'open') === isOpenStatus(status);

export const DEFAULT_OC_FILTER: OcFilter = { scope: 'all', status: null, sort: 'recent' };

export interface CustomerHistoryState {
  customerId: string | null;
  history: CustomerHistory | null;
  penalties: CustomerPenalties | null;
  /** Why the page cannot show the customer (not found, logged out…): shown instead of the page. */
  error: ApiError | null;
  filter: OcFilter;
  ocs: CustomerOcsPage | null;
  ocsLoading: boolean;
  ocsError: ApiError | null;
  calls: CustomerCallLog | null;
  callsError: ApiError | null;
  /** The OC last opened from this page: its row takes the focus again on the way back. */
  lastOcId: string | null;
  open(customerId: string): Promise<void>;
  rememberOc(ocId: string | null): void;
  setFilter(patch: Partial<OcFilter>): Promise<void>;
  /** Goes to the page of OCs that starts at `offset`. */
  page(offset: number): Promise<void>;
  /** Reads the next calls after those on screen. */
  moreCalls(): Promise<void>;
  /** Reads again what is on screen (after a change synced or made here), keeping the page and the calls shown. */
  refresh(): Promise<void>;
}

export type CustomerHistoryStore = StoreApi<CustomerHistoryState> & { connect(): () => void };

const RELOAD_MS = 300;

export const createCustomerHistoryStore = (api: ApiClient): CustomerHistoryStore => {
  let ocTicket = 0;
  let summaryTicket = 0;
  let callTicket = 0;
  const store = createStore<CustomerHistoryState>((set, get) => {
    const loadSummary = async (customerId: string): Promise<void> => {
      const ticket = ++summaryTicket;
      const [history, penalties] = await Promise.all([api.call('customer.history', { customerId }), api.call('customer.penalties', { customerId })]);
      if (ticket !== summaryTicket || get().customerId !== customerId) return;
      if (!history.ok) return set({ history: null, error: history.error });
      set({ history: history.value, penalties: penalties.ok ? penalties.value : null, error: null });
    };
    const loadOcs = async (customerId: string, filter: OcFilter, offset: number): Promise<void> => {
      const ticket = ++ocTicket;
      set({ ocsLoading: true });
      const result = await api.call('customer.ocs', {
        customerId,
        scope: filter.scope,
        sort: filter.sort,
        offset,
        limit: OC_PAGE_SIZE,
        ...(filter.status === null ? {} : { statuses: [filter.status] }),
      });
      if (ticket !== ocTicket || get().customerId !== customerId) return;
      if (!result.ok) return set({ ocsLoading: false, ocsError: result.error });
      // A page emptied by a change (the last OCs of the last page closed) steps back to the last page that has rows.
      if (result.value.rows.length === 0 && result.value.total > 0 && offset > 0) {
        return loadOcs(customerId, filter, Math.floor((result.value.total - 1) / OC_PAGE_SIZE) * OC_PAGE_SIZE);
      }
      set({ ocs: result.value, ocsLoading: false, ocsError: null });
    };
    const loadCalls = async (customerId: string, count: number): Promise<void> => {
      const ticket = ++callTicket;
      const result = await api.call('customer.callLog', { customerId, offset: 0, limit: Math.min(200, Math.max(CALL_PAGE_SIZE, count)) });
      if (ticket !== callTicket || get().customerId !== customerId) return;
      set(result.ok ? { calls: result.value, callsError: null } : { callsError: result.error });
    };
    return {
      customerId: null,
      history: null,
      penalties: null,
      error: null,
      filter: DEFAULT_OC_FILTER,
      ocs: null,
      ocsLoading: false,
      ocsError: null,
      calls: null,
      callsError: null,
      lastOcId: null,
      open: async (customerId) => {
        // Back on the same customer (from one of its OCs): the filter, the page and the calls shown stay as left.
        if (get().customerId === customerId) return get().refresh();
        set({ customerId, history: null, penalties: null, error: null, filter: DEFAULT_OC_FILTER, ocs: null, ocsError: null, calls: null, callsError: null, lastOcId: null });
        await Promise.all([loadSummary(customerId), loadOcs(customerId, DEFAULT_OC_FILTER, 0), loadCalls(customerId, CALL_PAGE_SIZE)]);
      },
      rememberOc: (ocId) => set({ lastOcId: ocId }),
      setFilter: async (patch) => {
        const customerId = get().customerId;
        const filter = { ...get().filter, ...patch };
        // A status outside the new scope would match nothing: the scope wins and the status is let go.
        if (filter.status !== null && !statusInScope(filter.status, filter.scope)) filter.status = null;
        set({ filter });
        if (customerId !== null) await loadOcs(customerId, filter, 0);
      },
      page: async (offset) => {
        const customerId = get().customerId;
        if (customerId !== null) await loadOcs(customerId, get().filter, Math.max(0, offset));
      },
      moreCalls: async () => {
        const { customerId, calls } = get();
        if (customerId === null || calls === null || calls.entries.length >= calls.total) return;
        const ticket = ++callTicket;
        const result = await api.call('customer.callLog', { customerId, offset: calls.entries.length, limit: CALL_PAGE_SIZE });
        if (ticket !== callTicket || get().customerId !== customerId) return;
        if (!result.ok) return set({ callsError: result.error });
        const known = new Set(calls.entries.map((e) => e.id));
        set({ calls: { entries: [...calls.entries, ...result.value.entries.filter((e) => !known.has(e.id))], total: result.value.total, offset: 0 }, callsError: null });
      },
      refresh: async () => {
        const { customerId, filter, ocs, calls } = get();
        if (customerId === null) return;
        await Promise.all([loadSummary(customerId), loadOcs(customerId, filter, ocs?.offset ?? 0), loadCalls(customerId, calls?.entries.length ?? CALL_PAGE_SIZE)]);
      },
    };
  });
  return Object.assign(store, {
    /** Follows changes to what the page shows (this desktop's and synced ones), a little debounced; returns the disconnect. */
    connect: () => {
      let debounce: ReturnType<typeof setTimeout> | null = null;
      const off = api.on('data.changed', (change) => {
        if (!change.tables.some((table) => table === 'ocorrencia' || table === 'interaction' || table === 'recado' || table === 'customer' || table === 'contact')) return;
        if (debounce !== null) clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = null;
          void store.getState().refresh();
        }, RELOAD_MS);
      });
      return () => {
        off();
        if (debounce !== null) clearTimeout(debounce);
      };
    },
  });
};
