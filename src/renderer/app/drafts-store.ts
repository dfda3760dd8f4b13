import { createStore, type StoreApi } from 'zustand/vanilla';
import { z } from 'zod';
import type { ApiClient } from '../lib/api/client';

// Nothing typed is lost (issue 5): every composer and form keeps its text here, per OC, as it is typed. It is
// written to the replica (prefs 'drafts', per analyst — survives restarts and a changed shell port) and mirrored
// synchronously to localStorage, which covers a reload in the instant before the replica write.

const Draft = z.object({ value: z.unknown(), updatedAt: z.number() });
const Drafts = z.record(z.string(), Draft);
type Drafts = z.infer<typeof Drafts>;

const MAX_AGE_MS = 30 * 86_400_000;
const FLUSH_MS = 400;

/** The part of window.localStorage the drafts use (narrow, so tests can pass a Map-backed one). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DraftsState {
  analystId: string | null;
  drafts: Drafts;
  load(analystId: string): Promise<void>;
  set(key: string, value: unknown): void;
  clear(key: string): void;
  /** Clears every draft whose key starts with the prefix (e.g. all forms of one OC). */
  clearPrefix(prefix: string): void;
  flush(): void;
}

export type DraftsStore = StoreApi<DraftsState>;

const parseDrafts = (raw: unknown): Drafts => {
  const parsed = Drafts.safeParse(raw);
  return parsed.success ? parsed.data : {};
};

/** Newest wins, key by key; drafts older than a month are dropped. */
export const mergeDrafts = (a: Drafts, b: Drafts, now: number): Drafts => {
  const merged: Drafts = {};
  for (const [key, draft] of [...Object.entries(a), ...Object.entries(b)]) {
    if (now - draft.updatedAt > MAX_AGE_MS) continue;
    const seen = merged[key];
    if (seen === undefined || seen.updatedAt < draft.updatedAt) merged[key] = draft;
  }
  return merged;
};

const isEmptyValue = (value: unknown): boolean =>
  value === '' || value === null || value === undefined ||
  (typeof value === 'object' && Object.values(value as Record<string, unknown>).every((v) => v === '' || v === null || v === undefined || v === false));

export const createDraftsStore = (api: ApiClient, storage: DraftStorage | null, now: () => number): DraftsStore => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const localKey = (analystId: string): string => `soe.drafts.${analystId}`;
  const store = createStore<DraftsState>((set, get) => {
    const persist = (drafts: Drafts): void => {
      const { analystId } = get();
      if (analystId === null) return;
      try {
        storage?.setItem(localKey(analystId), JSON.stringify(drafts));
      } catch {
        // Storage full or disabled: the replica copy still gets written.
      }
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => get().flush(), FLUSH_MS);
    };
    return {
      analystId: null,
      drafts: {},
      load: async (analystId) => {
        let local: Drafts = {};
        try {
          local = parseDrafts(JSON.parse(storage?.getItem(localKey(analystId)) ?? '{}'));
        } catch {
          local = {};
        }
        set({ analystId, drafts: local });
        const result = await api.call('prefs.get', {});
        const remote = result.ok ? parseDrafts(result.value.drafts) : {};
        set({ drafts: mergeDrafts(mergeDrafts(remote, local, now()), get().drafts, now()) });
      },
      set: (key, value) => {
        const drafts = { ...get().drafts };
        if (isEmptyValue(value)) delete drafts[key];
        else drafts[key] = { value, updatedAt: now() };
        set({ drafts });
        persist(drafts);
      },
      clear: (key) => {
        if (get().drafts[key] === undefined) return;
        const drafts = { ...get().drafts };
        delete drafts[key];
        set({ drafts });
        persist(drafts);
      },
      clearPrefix: (prefix) => {
        const drafts = Object.fromEntries(Object.entries(get().drafts).filter(([key]) => !key.startsWith(prefix)));
        set({ drafts });
        persist(drafts);
      },
      flush: () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        if (get().analystId === null) return;
        void api.call('prefs.put', { key: 'drafts', value: get().drafts });
      },
    };
  });
  return store;
};
