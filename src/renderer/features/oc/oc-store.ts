import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ArgsOf, DesktopMutatorName } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { OcDetail } from '../../../shared/api/views';
import type { CustomerPenalties, N0Article, OcViewer, PresenceActivity } from '../../../shared/api/workspace';
import type { ApiClient } from '../../lib/api/client';

export interface OcState {
  id: string | null;
  detail: OcDetail | null;
  error: ApiError | null;
  articles: N0Article[];
  penalties: CustomerPenalties | null;
  /** Other analysts viewing or replying to this OC right now (collision notice). */
  viewers: OcViewer[];
  /** The action being sent (buttons show progress, double clicks do nothing). */
  busy: string | null;
  open(id: string): Promise<void>;
  close(): void;
  reload(): Promise<void>;
  run<M extends DesktopMutatorName>(method: M, args: ArgsOf<M>): Promise<ApiError | null>;
  setActivity(activity: PresenceActivity): void;
}

export type OcStore = StoreApi<OcState>;

const PRESENCE_POLL_MS = 15_000;

export const createOcStore = (api: ApiClient): OcStore => {
  let activity: PresenceActivity = 'viewing';
  let presenceTimer: ReturnType<typeof setInterval> | null = null;
  const store = createStore<OcState>((set, get) => {
    const loadSide = async (detail: OcDetail): Promise<void> => {
      const [articles, penalties] = await Promise.all([
        api.call('kb.suggest', { module: detail.oc.module, kind: detail.oc.kind }),
        api.call('customer.penalties', { customerId: detail.oc.customerId }),
      ]);
      if (get().id !== detail.oc.id) return;
      set({ articles: articles.ok ? articles.value : [], penalties: penalties.ok ? penalties.value : null });
    };
    const loadPresence = async (id: string): Promise<void> => {
      const result = await api.call('presence.get', { ocId: id });
      if (result.ok && get().id === id) set({ viewers: result.value.viewers });
    };
    return {
      id: null,
      detail: null,
      error: null,
      articles: [],
      penalties: null,
      viewers: [],
      busy: null,
      open: async (id) => {
        const switching = get().id !== id;
        if (switching) {
          set({ id, detail: null, error: null, articles: [], penalties: null, viewers: [], busy: null });
          activity = 'viewing';
        }
        const result = await api.call('oc.get', { id });
        if (get().id !== id) return;
        if (!result.ok) return set({ error: result.error, detail: null });
        set({ detail: result.value, error: null });
        if (switching) {
          void loadSide(result.value);
          void api.call('presence.set', { ocId: id, activity });
          void loadPresence(id);
          if (presenceTimer !== null) clearInterval(presenceTimer);
          presenceTimer = setInterval(() => void loadPresence(id), PRESENCE_POLL_MS);
        }
      },
      close: () => {
        if (get().id === null) return;
        if (presenceTimer !== null) clearInterval(presenceTimer);
        presenceTimer = null;
        void api.call('presence.set', { ocId: null, activity: 'viewing' });
        set({ id: null, detail: null, error: null, viewers: [], busy: null });
      },
      reload: async () => {
        const id = get().id;
        if (id !== null) await get().open(id);
      },
      run: async (method, args) => {
        if (get().busy !== null) return null;
        set({ busy: method });
        const result = await api.call(method, args);
        set({ busy: null });
        if (!result.ok) return result.error;
        await get().reload();
        return null;
      },
      setActivity: (next) => {
        const id = get().id;
        if (id === null || next === activity) return;
        activity = next;
        void api.call('presence.set', { ocId: id, activity });
      },
    };
  });
  api.on('data.changed', (change) => {
    const id = store.getState().id;
    if (id !== null && (change.ocIds.includes(id) || change.tables.includes('customer'))) void store.getState().reload();
  });
  api.on('presence.changed', (presence) => {
    if (presence.ocId === store.getState().id) store.setState({ viewers: presence.viewers });
  });
  return store;
};
