import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardSnapshot } from '../../../shared/api/lead-views';
import type { ApiError } from '../../../shared/api/result';
import type { ApiClient } from '../../lib/api/client';
import type { Beeper } from './beep';
import { liveBoard } from './live';

export interface BoardState {
  snapshot: BoardSnapshot | null;
  /** Core time − renderer clock at the last snapshot: the countdown uses the core's (server-corrected) time. */
  offsetMs: number;
  error: ApiError | null;
  muted: boolean;
  /** New-breach cues since the board opened, played unless muted (also on the page, for tests). */
  beeps: number;
  load(): Promise<void>;
  toggleMute(): void;
  /** Called on every tick: detects breaches never seen before and plays the cue once for them. */
  observe(now: number): void;
}

export type BoardStore = StoreApi<BoardState>;

const MUTE_PREF = 'board.muted';
const REFRESH_MS = 30_000;
const CHANGE_DEBOUNCE_MS = 1_500;

/**
 * The board's data: snapshots of the local core (never the server), refreshed when data changes, every 30 s,
 * and shortly after a deadline passes on screen. Between snapshots the board derives itself from "now".
 */
export const createBoardStore = (api: ApiClient, beeper: Beeper, readClock: () => number): BoardStore & { connect(): () => void } => {
  const seen = new Set<string>();
  let primed = false;
  let loading: Promise<void> | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let lastDueReload = 0;

  const store = createStore<BoardState>((set, get) => ({
    snapshot: null,
    offsetMs: 0,
    error: null,
    muted: false,
    beeps: 0,
    load: () => {
      // One request at a time: a burst of changes must not queue snapshots behind each other.
      loading ??= (async () => {
        const result = await api.call('board.snapshot', {});
        if (result.ok) set({ snapshot: result.value, offsetMs: result.value.now - readClock(), error: null });
        else if (result.error.code !== 'TRANSPORT') set({ error: result.error });
      })().finally(() => {
        loading = null;
      });
      return loading;
    },
    toggleMute: () => {
      const muted = !get().muted;
      set({ muted });
      void api.call('prefs.put', { key: MUTE_PREF, value: muted });
      if (!muted) void beeper.unlock();
    },
    observe: (now) => {
      const snapshot = get().snapshot;
      if (snapshot === null) return;
      const live = liveBoard(snapshot, now);
      let fresh = 0;
      for (const key of live.breachKeys) {
        if (seen.has(key)) continue;
        seen.add(key);
        fresh += 1;
      }
      // The first snapshot is the baseline: what was already breached when the board opened is not "new".
      if (!primed) {
        primed = true;
        return;
      }
      if (fresh > 0) {
        set({ beeps: get().beeps + 1 });
        if (!get().muted) beeper.play();
      }
      // A deadline passed on screen: confirm with the core soon (it also reclassifies at-risk, predictions…).
      if (live.next.length < snapshot.nextBreaches.length && now - lastDueReload > 10_000) {
        lastDueReload = now;
        setTimeout(() => void get().load(), 2_000);
      }
    },
  }));

  return Object.assign(store, {
    /** Subscribes to the core's events and starts the refresh timer; returns the disconnect (an effect's cleanup). */
    connect: () => {
      void api.call('prefs.get', {}).then((prefs) => {
        if (prefs.ok && prefs.value[MUTE_PREF] === true) store.setState({ muted: true });
      });
      void store.getState().load();
      const offChange = api.on('data.changed', () => {
        if (debounce !== null) clearTimeout(debounce);
        debounce = setTimeout(() => void store.getState().load(), CHANGE_DEBOUNCE_MS);
      });
      const offSync = api.on('sync.state', (sync) => {
        const snapshot = store.getState().snapshot;
        if (snapshot !== null) store.setState({ snapshot: { ...snapshot, sync } });
      });
      const offConnection = api.onConnection((state) => {
        if (state.status === 'ready') void store.getState().load();
      });
      const timer = setInterval(() => void store.getState().load(), REFRESH_MS);
      return () => {
        clearInterval(timer);
        if (debounce !== null) clearTimeout(debounce);
        offChange();
        offSync();
        offConnection();
      };
    },
  });
};
