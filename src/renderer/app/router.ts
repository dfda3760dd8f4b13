import { createStore, type StoreApi } from 'zustand/vanilla';
import { isFiltered, readSearchFilters, searchFilterParams, type SearchRouteFilters } from '../features/search/search-route';

/** The screens of the analyst workspace. The board, reports and settings add theirs in their own features. */
export type Route =
  | { name: 'queue' }
  | { name: 'team'; viewId: string | null }
  | { name: 'oc'; id: string }
  | { name: 'phone'; customerId: string | null }
  // The text and, when any is set, the filters of a search (features/search/search-route.ts).
  | { name: 'search'; q: string; filters?: SearchRouteFilters }
  // Everyone: one customer's whole history (src/renderer/features/customer-history).
  | { name: 'customer'; id: string }
  // Team lead (src/renderer/features/board, reports, settings).
  | { name: 'board' }
  | { name: 'reports' }
  | { name: 'settings' }
  // Leads and admins: the customer register (src/renderer/features/customers).
  | { name: 'customers'; id: string | null };

export const parseRoute = (hash: string): Route => {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'oc':
      return parts[1] !== undefined ? { name: 'oc', id: parts[1] } : { name: 'queue' };
    case 'equipe':
      return { name: 'team', viewId: params.get('view') };
    case 'telefone':
      return { name: 'phone', customerId: params.get('cliente') };
    case 'cliente':
      return parts[1] !== undefined ? { name: 'customer', id: parts[1] } : { name: 'queue' };
    case 'busca': {
      const filters = readSearchFilters(params);
      return isFiltered(filters) ? { name: 'search', q: params.get('q') ?? '', filters } : { name: 'search', q: params.get('q') ?? '' };
    }
    case 'board':
      return { name: 'board' };
    case 'relatorios':
      return { name: 'reports' };
    case 'configuracoes':
      return { name: 'settings' };
    case 'clientes':
      return { name: 'customers', id: parts[1] ?? null };
    default:
      return { name: 'queue' };
  }
};

export const routeHash = (route: Route): string => {
  switch (route.name) {
    case 'oc':
      return `#/oc/${encodeURIComponent(route.id)}`;
    case 'team':
      return route.viewId === null ? '#/equipe' : `#/equipe?view=${encodeURIComponent(route.viewId)}`;
    case 'phone':
      return route.customerId === null ? '#/telefone' : `#/telefone?cliente=${encodeURIComponent(route.customerId)}`;
    case 'customer':
      return `#/cliente/${encodeURIComponent(route.id)}`;
    case 'search':
      return `#/busca?q=${encodeURIComponent(route.q)}${route.filters === undefined ? '' : searchFilterParams(route.filters)}`;
    case 'queue':
      return '#/fila';
    case 'board':
      return '#/board';
    case 'reports':
      return '#/relatorios';
    case 'settings':
      return '#/configuracoes';
    case 'customers':
      return route.id === null ? '#/clientes' : `#/clientes/${encodeURIComponent(route.id)}`;
  }
};

/**
 * A form with unsaved changes (SPEC: nothing typed is lost without being asked). `scope: 'section'` forms are also
 * lost when their section of a page changes (a settings tab); 'page' ones only when the page is left.
 */
export interface LeaveGuard {
  scope: 'page' | 'section';
}

export interface RouterState {
  route: Route;
  /** Where "back" from an OC goes: the list the analyst came from. */
  previous: Route | null;
  /** Forms that would lose unsaved changes, by key. */
  guards: ReadonlyMap<string, LeaveGuard>;
  /** A move held until the person says whether to discard their unsaved changes. */
  pendingLeave: { scope: 'page' | 'section'; run: () => void } | null;
  navigate(route: Route): void;
  back(): void;
  /** Registers (or, with null, releases) a form's unsaved changes. */
  guard(key: string, guard: LeaveGuard | null): void;
  /** Runs `move` now, or holds it for the prompt when it would lose unsaved changes of `scope` or wider. */
  requestLeave(scope: 'page' | 'section', move: () => void): void;
  /** The prompt's answers: discard the changes and go, or stay. */
  confirmLeave(): void;
  cancelLeave(): void;
}

export type RouterStore = StoreApi<RouterState>;

/** The part of `window` the router uses. */
export interface HashWindow {
  location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

const guarded = (guards: ReadonlyMap<string, LeaveGuard>, scope: 'page' | 'section'): boolean =>
  [...guards.values()].some((g) => scope === 'page' || g.scope === 'section');

/** Hash routing: works the same under app:// in Electron and http://127.0.0.1 in the browser shell. */
export const createRouter = (win: HashWindow): RouterStore => {
  /** The hash the router itself put back after holding a move: its hashchange is not a move. */
  let restoring: string | null = null;
  const store = createStore<RouterState>((set, get) => ({
    route: parseRoute(win.location.hash),
    previous: null,
    guards: new Map(),
    pendingLeave: null,
    navigate: (route) => {
      const hash = routeHash(route);
      if (win.location.hash === hash) return set({ route });
      return get().requestLeave('page', () => {
        win.location.hash = hash;
      });
    },
    back: () => {
      const previous = get().previous;
      get().navigate(previous !== null && previous.name !== 'oc' ? previous : { name: 'queue' });
    },
    guard: (key, guard) => {
      const guards = new Map(get().guards);
      if (guard === null) guards.delete(key);
      else guards.set(key, guard);
      set({ guards });
    },
    requestLeave: (scope, move) => {
      if (guarded(get().guards, scope)) set({ pendingLeave: { scope, run: move } });
      else move();
    },
    confirmLeave: () => {
      const pending = get().pendingLeave;
      if (pending === null) return;
      // The changes the move discards are let go now (their forms unmount after it); a page-wide draft stays
      // guarded through a section change.
      const kept = pending.scope === 'page' ? [] : [...get().guards].filter(([, g]) => g.scope === 'page');
      set({ pendingLeave: null, guards: new Map(kept) });
      pending.run();
    },
    cancelLeave: () => set({ pendingLeave: null }),
  }));
  win.addEventListener('hashchange', () => {
    const current = store.getState().route;
    const hash = win.location.hash;
    if (restoring !== null && hash === restoring) {
      restoring = null;
      return;
    }
    const next = parseRoute(hash);
    const apply = (): void => store.setState({ route: next, previous: current.name === 'oc' && next.name === 'oc' ? store.getState().previous : current });
    if (routeHash(next) === routeHash(current) || !guarded(store.getState().guards, 'page')) return apply();
    // Back, forward or a typed address while a form holds changes: the address goes back to this page until the
    // person answers, and the move is held.
    restoring = routeHash(current);
    win.location.hash = restoring;
    return store.setState({
      pendingLeave: {
        scope: 'page',
        run: () => {
          win.location.hash = hash;
        },
      },
    });
  });
  return store;
};
