import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SlaConfigOverview } from '../../../shared/api/lead-views';
import type { ApiError } from '../../../shared/api/result';
import type { SlaConfig } from '../../../shared/domain';
import type { SlaConfigDraft } from '../../../shared/mutators/config';
import type { ApiClient } from '../../lib/api/client';

export type SettingsTab = 'targets' | 'calendars' | 'policy' | 'recompute' | 'catalog' | 'people' | 'releases' | 'desktop';

export interface SettingsState {
  tab: SettingsTab;
  overview: SlaConfigOverview | null;
  loadError: ApiError | null;
  /** The lead's working copy of the SLA configuration; saved whole as a new version. */
  draft: SlaConfigDraft | null;
  dirty: boolean;
  saving: boolean;
  saveError: ApiError | null;
  /** The version just saved (for the "apply to open OCs?" hint). */
  saved: number | null;
  recomputing: boolean;
  recomputeError: ApiError | null;
  recomputed: { count: number; version: number } | null;
  setTab(tab: SettingsTab): void;
  load(): Promise<void>;
  edit(change: (draft: SlaConfigDraft) => void): void;
  discard(): void;
  save(): Promise<boolean>;
  recompute(): Promise<boolean>;
}

export type SettingsStore = StoreApi<SettingsState>;

const draftOf = ({ version: _v, effectiveFrom: _e, ...draft }: SlaConfig): SlaConfigDraft => structuredClone(draft);

/** Sorted-key JSON: a draft is dirty when it differs from the saved version in content, not in key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/**
 * The SLA configuration screens: a draft edited locally and saved as one 'sla.updateConfig' mutation (version
 * current+1, from the edit onward), and the explicit 'sla.recompute' of open OCs (SPEC §3 rule 7).
 */
export const createSettingsStore = (api: ApiClient): SettingsStore & { connect(): () => void } => {
  let debounce: ReturnType<typeof setTimeout> | null = null;
  const store = createStore<SettingsState>((set, get) => ({
    tab: 'targets',
    overview: null,
    loadError: null,
    draft: null,
    dirty: false,
    saving: false,
    saveError: null,
    saved: null,
    recomputing: false,
    recomputeError: null,
    recomputed: null,
    setTab: (tab) => set({ tab }),
    load: async () => {
      const result = await api.call('config.sla', {});
      if (!result.ok) return set({ loadError: result.error });
      const keepDraft = get().dirty && get().overview?.current.version === result.value.current.version;
      return set({ overview: result.value, loadError: null, ...(keepDraft ? {} : { draft: draftOf(result.value.current), dirty: false }) });
    },
    edit: (change) => {
      const { draft, overview } = get();
      if (draft === null || overview === null) return;
      const next = structuredClone(draft);
      change(next);
      set({ draft: next, dirty: canonical(next) !== canonical(draftOf(overview.current)), saveError: null, saved: null });
    },
    discard: () => {
      const overview = get().overview;
      if (overview !== null) set({ draft: draftOf(overview.current), dirty: false, saveError: null });
    },
    save: async () => {
      const { draft, overview } = get();
      if (draft === null || overview === null) return false;
      set({ saving: true, saveError: null });
      const result = await api.call('sla.updateConfig', { baseVersion: overview.current.version, config: draft });
      if (!result.ok) {
        set({ saving: false, saveError: result.error });
        return false;
      }
      set({ saving: false, dirty: false, saved: overview.current.version + 1, recomputed: null });
      await get().load();
      return true;
    },
    recompute: async () => {
      const overview = get().overview;
      if (overview === null) return false;
      const count = overview.openOcsByVersion.filter((v) => v.version !== overview.current.version).reduce((n, v) => n + v.count, 0);
      set({ recomputing: true, recomputeError: null });
      const result = await api.call('sla.recompute', {});
      set({ recomputing: false });
      if (!result.ok) {
        set({ recomputeError: result.error });
        return false;
      }
      set({ recomputed: { count, version: overview.current.version }, saved: null });
      await get().load();
      return true;
    },
  }));
  return Object.assign(store, {
    /** Loads and follows sync changes; returns the disconnect (an effect's cleanup). */
    connect: () => {
      void store.getState().load();
      const off = api.on('data.changed', (change) => {
        // Another lead's new version arrives by sync: reload (an unsaved draft is kept; saving it will be refused).
        if (!change.tables.includes('sla_config') && !change.tables.includes('ocorrencia')) return;
        if (debounce !== null) clearTimeout(debounce);
        debounce = setTimeout(() => void store.getState().load(), 1_000);
      });
      return () => {
        off();
        if (debounce !== null) clearTimeout(debounce);
      };
    },
  });
};
