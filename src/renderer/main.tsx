import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, Notice } from './app/App';
import { createDraftsStore } from './app/drafts-store';
import { createRouter } from './app/router';
import { ServicesProvider, translate, type Services } from './app/services';
import { createSessionStore } from './app/session-store';
import { createUiStore } from './app/ui-store';
import { createNotificationsStore } from './features/notifications/notifications-store';
import { createOcStore } from './features/oc/oc-store';
import { createPhoneStore } from './features/phone/phone-store';
import { createCustomerHistoryStore } from './features/customer-history/customer-history-store';
import { createQueueStore, followTeamRoute } from './features/queue/queue-store';
import { createRejectedToaster, rejectedToastOf } from './features/sync/rejected-toasts';
import { createSearchStore } from './features/search/search-store';
import { createSyncStore } from './features/sync/sync-store';
import { connect } from './lib/api/connect';
import { createClock } from './lib/clock';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/queue.css';
import './styles/oc.css';
import './styles/screens.css';
import './styles/search.css';

// The renderer's composition root: the transport, the one clock, and one store per feature, created once.
const root = createRoot(document.getElementById('root') as HTMLElement);
const ui = createUiStore(window.localStorage);
document.documentElement.lang = ui.getState().lang;
const connection = connect();

if (connection.kind === 'no_token') {
  root.render(<Notice text={translate(ui.getState().lang)('shell.noToken')} />);
} else {
  const api = connection.client;
  const t = (): ReturnType<typeof translate> => translate(ui.getState().lang);
  const clock = createClock(() => Date.now());
  clock.start();
  const session = createSessionStore(api);
  const rejectedToaster = createRejectedToaster((notices) => {
    const ocId = notices[0]?.ocId ?? null;
    if (ocId !== null) ui.getState().withdrawAbout(ocId);
    ui.getState().toast({ tone: 'danger', sticky: true, ...rejectedToastOf(notices, t(), ui.getState().lang), ...(ocId === null ? {} : { ocId }) });
  });
  const router = createRouter(window);
  const queue = createQueueStore(api, clock.read, () => crypto.randomUUID());
  followTeamRoute(queue, router);
  const services: Services = {
    api,
    clock,
    ui,
    router,
    session,
    drafts: createDraftsStore(api, window.localStorage, clock.read),
    queue,
    oc: createOcStore(api),
    phone: createPhoneStore(api),
    search: createSearchStore(api, router),
    customerHistory: createCustomerHistoryStore(api),
    sync: createSyncStore(
      api,
      rejectedToaster.add,
      (ms) => clock.setOffset(ms),
    ),
    notifications: createNotificationsStore(
      api,
      () => session.getState().analyst?.id ?? null,
      (alert) => {
        if (alert.threshold < 90) return;
        const tr = t();
        ui.getState().toast({
          tone: alert.threshold >= 100 ? 'danger' : 'warning',
          sticky: alert.threshold >= 100,
          title: tr(alert.threshold >= 100 ? 'notif.breach' : 'notif.warning', { number: alert.displayNumber, clock: tr(`sla.clock.${alert.clock}`), threshold: alert.threshold }),
          body: alert.subject,
          ocId: alert.ocId,
        });
      },
    ),
    newId: () => crypto.randomUUID(),
  };
  root.render(
    <StrictMode>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}
