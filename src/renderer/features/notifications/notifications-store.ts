import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SlaAlert } from '../../../shared/api/notices';
import type { ApiClient } from '../../lib/api/client';

export interface NotificationsState {
  /** Warnings (50/75/90 %) and breaches of the SLA clocks of OCs assigned to me, newest first. */
  alerts: SlaAlert[];
  unread: number;
  open: boolean;
  setOpen(open: boolean): void;
  clear(): void;
}

export type NotificationsStore = StoreApi<NotificationsState>;

const MAX_ALERTS = 100;

export const createNotificationsStore = (
  api: ApiClient,
  me: () => string | null,
  onAlert: (alert: SlaAlert) => void,
): NotificationsStore => {
  const store = createStore<NotificationsState>((set) => ({
    alerts: [],
    unread: 0,
    open: false,
    setOpen: (open) => set(open ? { open, unread: 0 } : { open }),
    clear: () => set({ alerts: [], unread: 0 }),
  }));
  api.on('sla.alert', (alert) => {
    const myId = me();
    if (myId === null || alert.assigneeId !== myId) return;
    const { alerts, unread, open } = store.getState();
    if (alerts.some((a) => a.id === alert.id)) return;
    store.setState({ alerts: [alert, ...alerts].slice(0, MAX_ALERTS), unread: open ? 0 : unread + 1 });
    onAlert(alert);
  });
  return store;
};
