import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallEntry, CustomerCard, CustomerSummary, QueueRow } from '../../../shared/api/views';
import type { ApiError } from '../../../shared/api/result';
import type { ApiClient } from '../../lib/api/client';

export interface PhoneState {
  query: string;
  results: CustomerSummary[];
  searching: boolean;
  searchError: ApiError | null;
  customer: CustomerCard | null;
  /** The customer's open OCs, to log the call against one of them. */
  openOcs: QueueRow[];
  /** The customer's latest calls, with or without an OC. */
  calls: CallEntry[];
  /** When the analyst picked up (the call's start, and the clock start of an OC created from it). */
  callStartedAt: number | null;
  search(query: string): void;
  select(customerId: string): Promise<void>;
  clearCustomer(): void;
  startCall(at: number): void;
  endCall(): void;
}

export type PhoneStore = StoreApi<PhoneState>;

/** How many of the customer's calls the phone screen lists (the customer's page has them all). */
export const RECENT_CALLS = 10;

export const createPhoneStore = (api: ApiClient): PhoneStore => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let request = 0;
  const store = createStore<PhoneState>((set) => ({
    query: '',
    results: [],
    searching: false,
    searchError: null,
    customer: null,
    openOcs: [],
    calls: [],
    callStartedAt: null,
    search: (query) => {
      set({ query });
      if (timer !== null) clearTimeout(timer);
      if (query.trim().length < 2) return set({ results: [], searching: false, searchError: null });
      set({ searching: true });
      timer = setTimeout(async () => {
        const mine = ++request;
        const result = await api.call('customer.search', { text: query.trim() });
        if (mine !== request) return;
        set(result.ok ? { results: result.value, searching: false, searchError: null } : { results: [], searching: false, searchError: result.error });
      }, 180);
    },
    select: async (customerId) => {
      const [card, ocs, calls] = await Promise.all([
        api.call('customer.card', { id: customerId }),
        api.call('queue.list', { customerId, openOnly: true, limit: 200 }),
        api.call('customer.calls', { customerId, limit: RECENT_CALLS }),
      ]);
      if (!card.ok) return set({ searchError: card.error });
      set({ customer: card.value, openOcs: ocs.ok ? ocs.value : [], calls: calls.ok ? calls.value : [] });
    },
    clearCustomer: () => set({ customer: null, openOcs: [], calls: [] }),
    startCall: (at) => set({ callStartedAt: at }),
    endCall: () => set({ callStartedAt: null }),
  }));
  api.on('data.changed', (change) => {
    const customer = store.getState().customer;
    if (customer !== null && (change.tables.includes('ocorrencia') || change.tables.includes('customer') || change.tables.includes('interaction'))) void store.getState().select(customer.customer.id);
  });
  return store;
};
