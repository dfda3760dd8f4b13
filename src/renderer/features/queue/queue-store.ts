import { createStore, type StoreApi } from 'zustand/vanilla';
import { z } from 'zod';
import { decodeQueueColumns } from '../../../shared/api/queue-columns';
import type { ApiError } from '../../../shared/api/result';
import type { MyQueue, QueueRow } from '../../../shared/api/views';
import type { RouterStore } from '../../app/router';
import type { ApiClient } from '../../lib/api/client';
import { BUILT_IN_VIEWS, emptyFilter, GroupBy, patchRows, SavedView, toQueueFilter, type TeamFilter } from './team-filter';

export type MyTab = 'mine' | 'directed' | 'available';

export interface QueueState {
  my: MyQueue | null;
  myError: ApiError | null;
  myTab: MyTab;
  team: QueueRow[] | null;
  /** How many OCs the view holds, whatever the limit (known before its rows arrive), or null until answered. */
  teamTotal: number | null;
  /** The rows shown are the view's first page; the rest is on its way. */
  teamPartial: boolean;
  teamLoading: boolean;
  teamError: ApiError | null;
  teamFilter: TeamFilter;
  groupBy: GroupBy;
  /** The built-in or saved view the filter came from (null once the analyst changes it). */
  viewId: string | null;
  savedViews: SavedView[];
  /** Row the keyboard cursor is on, per list. */
  cursor: string | null;
  loadMine(): Promise<void>;
  setMyTab(tab: MyTab): void;
  /**
   * Loads the team view. `progressive` (a view opened or changed) shows its first page and its count at once,
   * then the whole view; otherwise (a refresh) the rows on screen stay until the whole view replaces them.
   */
  loadTeam(options?: { progressive?: boolean }): Promise<void>;
  setTeamFilter(filter: TeamFilter, groupBy?: GroupBy): void;
  setGroupBy(groupBy: GroupBy): void;
  applyView(id: string): void;
  saveView(name: string): SavedView;
  deleteView(id: string): void;
  loadSavedViews(): Promise<void>;
  setCursor(id: string | null): void;
  reset(): void;
}

export type QueueStore = StoreApi<QueueState>;

const SavedViews = z.array(SavedView);
/** Above this many loaded rows, a change patches the view by id instead of reloading it. */
const PATCH_THRESHOLD = 1_000;
/** Rows of a view's first page: more than a 4K screen shows. */
export const FIRST_PAGE = 150;

export const createQueueStore = (api: ApiClient, now: () => number, newId: () => string): QueueStore => {
  let teamRequest = 0;
  // A data.changed that arrives while my queue's first load is out (nothing on screen yet, so the listener below
  // has nothing to refresh) may be newer than what that load read: the first sync's only data.changed can come
  // while the queue's first read is on its way. The load then reads again instead of showing an empty queue
  // until the next change. (Not the team view: on a busy team a view of 20 000 rows would load twice on every
  // open; its changes are patched in once it is on screen.)
  let missedMine = false;
  const store = createStore<QueueState>((set, get) => {
    const persistViews = (savedViews: SavedView[]): void => {
      set({ savedViews });
      void api.call('prefs.put', { key: 'savedViews', value: savedViews });
    };
    return {
      my: null,
      myError: null,
      myTab: 'mine',
      team: null,
      teamTotal: null,
      teamPartial: false,
      teamLoading: false,
      teamError: null,
      teamFilter: emptyFilter(),
      groupBy: 'none',
      viewId: 'open',
      savedViews: [],
      cursor: null,
      loadMine: async () => {
        missedMine = false;
        const result = await api.call('queue.mine', {});
        if (!result.ok) return set({ myError: result.error });
        const first = get().my === null;
        set({ my: result.value, myError: null });
        // First load: open on the tab that has work.
        if (first && result.value.mine.length === 0) set({ myTab: result.value.directed.length > 0 ? 'directed' : 'available' });
        if (missedMine) void get().loadMine();
      },
      setMyTab: (myTab) => set({ myTab, cursor: null }),
      loadTeam: async (options = {}) => {
        const request = ++teamRequest;
        set({ teamLoading: true });
        const filter = toQueueFilter(get().teamFilter);
        // The whole view is asked for right behind the first page: the core answers calls in the order they come,
        // so the first page and its count are not held back, and the rest is on its way while they render. It
        // travels compact (shared/api/queue-columns.ts): a quarter of the bytes of row objects.
        const firstPage = options.progressive === true ? Promise.all([api.call('queue.list', { ...filter, limit: Math.min(FIRST_PAGE, filter.limit) }), api.call('queue.count', filter)]) : null;
        const whole = Promise.all([api.call('queue.view', filter), api.call('queue.count', filter)]);
        if (firstPage !== null) {
          const [first, total] = await firstPage;
          if (request !== teamRequest) return;
          if (first.ok && total.ok) {
            set({ team: first.value, teamTotal: total.value, teamPartial: first.value.length < Math.min(total.value, filter.limit), teamError: null });
          }
        }
        const [result, total] = await whole;
        if (request !== teamRequest) return;
        if (!result.ok) return set({ teamLoading: false, teamPartial: false, teamError: result.error });
        set({ team: decodeQueueColumns(result.value), teamTotal: total.ok ? total.value : null, teamPartial: false, teamLoading: false, teamError: null });
      },
      setTeamFilter: (teamFilter, groupBy) => {
        set({ teamFilter, viewId: null, ...(groupBy === undefined ? {} : { groupBy }) });
        void get().loadTeam({ progressive: true });
      },
      setGroupBy: (groupBy) => set({ groupBy }),
      applyView: (id) => {
        const builtIn = BUILT_IN_VIEWS.find((v) => v.id === id);
        const saved = get().savedViews.find((v) => v.id === id);
        const view = builtIn ?? saved;
        if (view === undefined) return;
        set({ teamFilter: view.filter, groupBy: view.groupBy, viewId: id, cursor: null });
        void get().loadTeam({ progressive: true });
      },
      saveView: (name) => {
        const view: SavedView = { id: newId(), name: name.trim(), filter: get().teamFilter, groupBy: get().groupBy };
        persistViews([...get().savedViews, view]);
        set({ viewId: view.id });
        return view;
      },
      deleteView: (id) => persistViews(get().savedViews.filter((v) => v.id !== id)),
      loadSavedViews: async () => {
        const result = await api.call('prefs.get', {});
        if (!result.ok) return;
        const parsed = SavedViews.safeParse(result.value.savedViews ?? []);
        set({ savedViews: parsed.success ? parsed.data : [] });
      },
      setCursor: (cursor) => set({ cursor }),
      reset: () => set({ my: null, team: null, teamTotal: null, teamPartial: false, myTab: 'mine', cursor: null, savedViews: [] }),
    };
  });

  // Live queues: every local change and every pulled change arrives as 'data.changed'.
  let mineTimer: ReturnType<typeof setTimeout> | null = null;
  let teamTimer: ReturnType<typeof setTimeout> | null = null;
  const changedIds = new Set<string>();
  let fullReload = false;
  api.on('data.changed', (change) => {
    const { my, team } = store.getState();
    if (my === null) missedMine = true;
    // A queue on screen, or one whose last load failed (the replica may answer now), reads again.
    if ((my !== null || store.getState().myError !== null) && mineTimer === null) {
      mineTimer = setTimeout(() => {
        mineTimer = null;
        void store.getState().loadMine();
      }, 120);
    }
    if (team === null) return;
    if (change.ocIds.length === 0 && !change.tables.includes('ocorrencia')) return;
    if (change.ocIds.length === 0 || change.ocIds.length > 500 || team.length < PATCH_THRESHOLD) fullReload = true;
    for (const id of change.ocIds) changedIds.add(id);
    if (teamTimer !== null) return;
    teamTimer = setTimeout(() => {
      teamTimer = null;
      const ids = [...changedIds];
      changedIds.clear();
      if (fullReload) {
        fullReload = false;
        void store.getState().loadTeam();
        return;
      }
      void api.call('queue.rows', { ids }).then((result) => {
        const current = store.getState();
        if (!result.ok || current.team === null) return;
        store.setState({ team: patchRows(current.team, result.value, ids, current.teamFilter, now()) });
      });
    }, 250);
  });
  return store;
};

/**
 * The team view starts loading as the route changes to it, before its page renders (issue 14 item 4): the core
 * reads the view while React switches pages. The page's own effect then finds the load under way.
 */
export const followTeamRoute = (queue: QueueStore, router: RouterStore): (() => void) =>
  router.subscribe((state, previous) => {
    const route = state.route;
    if (route.name !== 'team' || route.viewId !== null || previous.route.name === 'team') return;
    const current = queue.getState();
    if (current.team === null && !current.teamLoading) void current.loadTeam({ progressive: true });
  });
