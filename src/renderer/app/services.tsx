import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n/define';
import { formatMessage, type MessageParams } from '../i18n/format-message';
import { messages, type MessageKey } from '../i18n/messages';
import type { ApiClient } from '../lib/api/client';
import type { ClockService } from '../lib/clock';
import type { CustomerHistoryState, CustomerHistoryStore } from '../features/customer-history/customer-history-store';
import type { NotificationsState, NotificationsStore } from '../features/notifications/notifications-store';
import type { OcState, OcStore } from '../features/oc/oc-store';
import type { PhoneState, PhoneStore } from '../features/phone/phone-store';
import type { QueueState, QueueStore } from '../features/queue/queue-store';
import type { SearchState, SearchStore } from '../features/search/search-store';
import type { SyncStore, SyncUiState } from '../features/sync/sync-store';
import type { DraftsState, DraftsStore } from './drafts-store';
import type { RouterState, RouterStore } from './router';
import type { SessionState, SessionStore } from './session-store';
import type { UiState, UiStore } from './ui-store';

/** Everything the screens use, created once by the composition root (main.tsx) and handed down by context. */
export interface Services {
  api: ApiClient;
  clock: ClockService;
  router: RouterStore;
  session: SessionStore;
  ui: UiStore;
  drafts: DraftsStore;
  queue: QueueStore;
  oc: OcStore;
  phone: PhoneStore;
  /** The one search state the top bar and the search page share. */
  search: SearchStore;
  /** The customer's page (its filter and page survive a visit to one of its OCs). */
  customerHistory: CustomerHistoryStore;
  sync: SyncStore;
  notifications: NotificationsStore;
  /** Client-side ids for saved views and mutations (crypto.randomUUID). */
  newId(): string;
}

const ServicesContext = createContext<Services | null>(null);

export const ServicesProvider = ({ services, children }: { services: Services; children: ReactNode }) => (
  <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
);

export const useServices = (): Services => {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices outside ServicesProvider');
  return services;
};

const bind = <S,>(pick: (s: Services) => StoreApi<S>) =>
  function useBound<T>(selector: (state: S) => T): T {
    return useStore(pick(useServices()), selector);
  };

export const useSession = bind<SessionState>((s) => s.session);
export const useUi = bind<UiState>((s) => s.ui);
export const useDrafts = bind<DraftsState>((s) => s.drafts);
export const useQueue = bind<QueueState>((s) => s.queue);
export const useOc = bind<OcState>((s) => s.oc);
export const usePhone = bind<PhoneState>((s) => s.phone);
export const useSearch = bind<SearchState>((s) => s.search);
export const useCustomerHistory = bind<CustomerHistoryState>((s) => s.customerHistory);
export const useSync = bind<SyncUiState>((s) => s.sync);
export const useNotifications = bind<NotificationsState>((s) => s.notifications);
export const useRouter = bind<RouterState>((s) => s.router);

/** The shared one-second tick: every countdown on screen reads this value. */
export const useNow = (): number => useStore(useServices().clock.store, (s) => s.now);

export type Translate = (key: MessageKey, params?: MessageParams) => string;

const translators = new Map<Lang, Translate>();
/** One stable function per language, so memoised rows do not re-render for a new `t`. */
export const translate = (lang: Lang): Translate => {
  let t = translators.get(lang);
  if (t === undefined) {
    t = (key, params) => formatMessage(lang, messages[lang][key], params);
    translators.set(lang, t);
  }
  return t;
};

export const useT = (): { t: Translate; lang: Lang } => {
  const lang = useUi((s) => s.lang);
  return { t: translate(lang), lang };
};
