import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiError } from '../../shared/api/result';
import type { Directory } from '../../shared/api/views';
import type { Analyst, Presence } from '../../shared/domain';
import type { ApiClient } from '../lib/api/client';

export interface SessionState {
  status: 'checking' | 'anonymous' | 'logged_in';
  analyst: Analyst | null;
  /** Where the login was checked: the server, or this computer's cached credentials while offline. */
  source: 'server' | 'local';
  directory: Directory;
  loginError: ApiError | null;
  busy: boolean;
  restore(): Promise<void>;
  login(login: string, password: string): Promise<boolean>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  setPresence(presence: Presence): Promise<ApiError | null>;
  analystName(id: string | null): string | null;
  catalogName(id: string): string;
}

export type SessionStore = StoreApi<SessionState>;

const EMPTY_DIRECTORY: Directory = { analysts: [], catalog: [], releases: [], plannedVersions: [] };

export const createSessionStore = (api: ApiClient): SessionStore => {
  let names = new Map<string, string>();
  let catalogNames = new Map<string, string>();
  const store = createStore<SessionState>((set, get) => {
    const loadDirectory = async (): Promise<void> => {
      const result = await api.call('directory.get', {});
      if (!result.ok) return;
      names = new Map(result.value.analysts.map((a) => [a.id, a.name]));
      catalogNames = new Map(result.value.catalog.map((c) => [c.id, c.name]));
      set({ directory: result.value });
    };
    return {
      status: 'checking',
      analyst: null,
      source: 'local',
      directory: EMPTY_DIRECTORY,
      loginError: null,
      busy: false,
      restore: async () => {
        const result = await api.call('session.current', {});
        if (result.ok && result.value !== null) {
          set({ status: 'logged_in', analyst: result.value.analyst, source: result.value.source });
          await loadDirectory();
        } else set({ status: 'anonymous', analyst: null });
      },
      login: async (login, password) => {
        set({ busy: true, loginError: null });
        const result = await api.call('session.login', { login, password });
        if (!result.ok) {
          set({ busy: false, loginError: result.error });
          return false;
        }
        set({ busy: false, status: 'logged_in', analyst: result.value.analyst, source: result.value.source });
        await loadDirectory();
        return true;
      },
      logout: async () => {
        await api.call('session.logout', {});
        set({ status: 'anonymous', analyst: null, loginError: null });
      },
      refresh: async () => {
        const result = await api.call('session.current', {});
        if (!result.ok) return;
        if (result.value === null) set({ status: 'anonymous', analyst: null });
        else set({ analyst: result.value.analyst, source: result.value.source });
        await loadDirectory();
      },
      setPresence: async (presence) => {
        const me = get().analyst;
        if (me === null) return null;
        const result = await api.call('analyst.setPresence', { analystId: me.id, presence });
        if (!result.ok) return result.error;
        await get().refresh();
        return null;
      },
      analystName: (id) => (id === null ? null : names.get(id) ?? null),
      catalogName: (id) => catalogNames.get(id) ?? id,
    };
  });
  // A lead's change to my role, capacity or specialties applies as soon as it arrives.
  api.on('data.changed', (change) => {
    if (store.getState().status === 'logged_in' && (change.tables.includes('analyst') || change.tables.includes('catalog') || change.tables.includes('release') || change.tables.includes('planned_version'))) {
      void store.getState().refresh();
    }
  });
  return store;
};
