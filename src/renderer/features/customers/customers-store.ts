import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomerListRow } from '../../../shared/api/customer-admin';
import type { ApiError, ApiResult } from '../../../shared/api/result';
import type { CustomerCard } from '../../../shared/api/views';
import type { ApiClient } from '../../lib/api/client';
import type { UpsertContact } from './contact-form';
import type { UpsertCustomer } from './customer-form';
import { EMPTY_FILTER, type CustomerFilter } from './customer-list';

// The customer register's data: the whole list, the open customer's card (customer + contacts) and the two saves.
// Forms keep their own drafts in component state; this store holds only what the replica says.

export interface CustomersState {
  rows: CustomerListRow[] | null;
  loadError: ApiError | null;
  filter: CustomerFilter;
  /** The customer on the right-hand side; null with nothing open (or a new one being typed). */
  openId: string | null;
  card: CustomerCard | null;
  cardError: ApiError | null;
  setFilter(patch: Partial<CustomerFilter>): void;
  load(): Promise<void>;
  open(id: string | null): Promise<void>;
  /** Creates or edits a customer; the value is its id. The list and card follow. */
  saveCustomer(args: UpsertCustomer): Promise<ApiResult<string>>;
  saveContact(args: UpsertContact): Promise<ApiResult<string>>;
}

export type CustomersStore = StoreApi<CustomersState> & { connect(): () => void };

const RELOAD_MS = 400;

export const createCustomersStore = (api: ApiClient): CustomersStore => {
  let debounce: ReturnType<typeof setTimeout> | null = null;
  // Answers to an earlier open() that arrive after a later one must not replace it.
  let opening = 0;
  const store = createStore<CustomersState>((set, get) => {
    const loadCard = async (id: string): Promise<void> => {
      const ticket = ++opening;
      const result = await api.call('customer.card', { id });
      if (ticket !== opening || get().openId !== id) return;
      set(result.ok ? { card: result.value, cardError: null } : { card: null, cardError: result.error });
    };
    const saved = async (result: ApiResult<{ id: string | null }>, fallbackId: string | undefined, reopen: string | null): Promise<ApiResult<string>> => {
      if (!result.ok) return result;
      const id = result.value.id ?? fallbackId ?? '';
      await get().load();
      if (reopen !== null) await get().open(reopen === '' ? id : reopen);
      return { ok: true, value: id };
    };
    return {
      rows: null,
      loadError: null,
      filter: EMPTY_FILTER,
      openId: null,
      card: null,
      cardError: null,
      setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
      load: async () => {
        const result = await api.call('customer.list', {});
        set(result.ok ? { rows: result.value, loadError: null } : { loadError: result.error });
      },
      open: async (id) => {
        if (id === null) {
          opening++;
          set({ openId: null, card: null, cardError: null });
          return;
        }
        if (get().openId !== id) set({ openId: id, card: null, cardError: null });
        await loadCard(id);
      },
      saveCustomer: async (args) => saved(await api.call('customer.upsert', args), args.id, ''),
      saveContact: async (args) => saved(await api.call('contact.upsert', args), args.id, args.customerId),
    };
  });
  return Object.assign(store, {
    /** Loads and follows changes (this desktop's and those synced from others); returns the disconnect. */
    connect: () => {
      void store.getState().load();
      const off = api.on('data.changed', (change) => {
        if (!change.tables.includes('customer') && !change.tables.includes('contact')) return;
        if (debounce !== null) clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = null;
          void store.getState().load();
          const id = store.getState().openId;
          if (id !== null) void store.getState().open(id);
        }, RELOAD_MS);
      });
      return () => {
        off();
        if (debounce !== null) clearTimeout(debounce);
      };
    },
  });
};
