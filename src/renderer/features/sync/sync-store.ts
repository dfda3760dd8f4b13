import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RejectedNotice, SyncState } from '../../../shared/api/notices';
import type { ApiClient } from '../../lib/api/client';
import type { TransportState } from '../../lib/api/transport';

export interface SyncUiState {
  sync: SyncState | null;
  /** Changes the server refused, with the reason, until the author dismisses them (SPEC §6). */
  notices: RejectedNotice[];
  transport: TransportState;
  refresh(): Promise<void>;
  dismiss(id: string): Promise<void>;
}

export type SyncStore = StoreApi<SyncUiState>;

const POLL_MS = 5_000;

/**
 * The sync indicator's data. The core pushes 'sync.state' on every change; a slow poll and a refresh after
 * each local change keep the pending count exact even when no push comes (local-only mode).
 */
export const createSyncStore = (api: ApiClient, onRejected: (notice: RejectedNotice) => void, onOffset: (ms: number) => void): SyncStore => {
  const store = createStore<SyncUiState>((set, get) => ({
    sync: null,
    notices: [],
    transport: { status: 'connecting' },
    refresh: async () => {
      const [state, notices] = await Promise.all([api.call('sync.state', {}), api.call('sync.notices', {})]);
      if (state.ok) {
        set({ sync: state.value });
        onOffset(state.value.clockOffsetMs);
      }
      if (notices.ok) set({ notices: notices.value });
    },
    dismiss: async (id) => {
      set({ notices: get().notices.filter((n) => n.id !== id) });
      await api.call('sync.dismissNotice', { id });
    },
  }));
  api.on('sync.state', (sync) => {
    store.setState({ sync });
    onOffset(sync.clockOffsetMs);
  });
  api.on('mutation.rejected', (notice) => {
    store.setState({ notices: [notice, ...store.getState().notices.filter((n) => n.id !== notice.id)] });
    onRejected(notice);
  });
  let pending: ReturnType<typeof setTimeout> | null = null;
  api.on('data.changed', () => {
    if (pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      void store.getState().refresh();
    }, 150);
  });
  api.onConnection((transport) => {
    store.setState({ transport });
    if (transport.status === 'ready') void store.getState().refresh();
  });
  setInterval(() => void store.getState().refresh(), POLL_MS);
  return store;
};
