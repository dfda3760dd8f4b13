import { createStore, type StoreApi } from 'zustand/vanilla';

/** The screens of the analyst workspace. The board, reports and settings add theirs in their own features. */
export type Route =
  | { name: 'queue' }
  | { name: 'team'; viewId: string | null }
  | { name: 'oc'; id: string }
  | { name: 'phone'; customerId: string | null }
  | { name: 'search'; q: string }
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
    case 'busca':
      return { name: 'search', q: params.get('q') ?? '' };
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
    case 'search':
      return `#/busca?q=${encodeURIComponent(route.q)}`;
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

export interface RouterState {
  route: Route;
  /** Where "back" from an OC goes: the list the analyst came from. */
  previous: Route | null;
  navigate(route: Route): void;
  back(): void;
}

export type RouterStore = StoreApi<RouterState>;

/** The part of `window` the router uses. */
export interface HashWindow {
  location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

/** Hash routing: works the same under app:// in Electron and http://127.0.0.1 in the browser shell. */
export const createRouter = (win: HashWindow): RouterStore => {
  const store = createStore<RouterState>((set, get) => ({
    route: parseRoute(win.location.hash),
    previous: null,
    navigate: (route) => {
      const hash = routeHash(route);
      if (win.location.hash !== hash) win.location.hash = hash;
      else set({ route });
    },
    back: () => {
      const previous = get().previous;
      get().navigate(previous !== null && previous.name !== 'oc' ? previous : { name: 'queue' });
    },
  }));
  win.addEventListener('hashchange', () => {
    const current = store.getState().route;
    const next = parseRoute(win.location.hash);
    store.setState({ route: next, previous: current.name === 'oc' && next.name === 'oc' ? store.getState().previous : current });
  });
  return store;
};
