import { FloatingTree } from '@floating-ui/react';
import { useEffect } from 'react';
import { Toasts } from '../components/Toasts';
import { CommandPalette } from '../features/commands/CommandPalette';
import { useHotkeys } from '../features/commands/hotkeys';
import { ShortcutsHelp } from '../features/commands/ShortcutsHelp';
import { LoginPage } from '../features/login/LoginPage';
import { OcPage } from '../features/oc/OcPage';
import { PhonePage } from '../features/phone/PhonePage';
import { MyQueuePage } from '../features/queue/MyQueuePage';
import { useTakeNext } from '../features/queue/take-next';
import { TeamPage } from '../features/queue/TeamPage';
import { SearchPage } from '../features/search/SearchPage';
import { BoardPage } from '../features/board/BoardPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { CustomerHistoryPage } from '../features/customer-history/CustomerHistoryPage';
import { Icon } from '../components/icons';
import { LeavePrompt } from './LeavePrompt';
import { useRouter, useSearch, useServices, useSession, useSync, useT, useUi } from './services';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

const Screen = () => {
  const route = useRouter((s) => s.route);
  switch (route.name) {
    case 'queue':
      return <MyQueuePage />;
    case 'team':
      return <TeamPage viewId={route.viewId} />;
    case 'oc':
      return <OcPage key={route.id} id={route.id} />;
    case 'phone':
      return <PhonePage customerId={route.customerId} />;
    case 'search':
      return <SearchPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'customers':
      return <CustomersPage id={route.id} />;
    case 'customer':
      return <CustomerHistoryPage key={route.id} id={route.id} />;
    case 'board':
      return null;
  }
};

const Workspace = () => {
  const navigate = useRouter((s) => s.navigate);
  // The search page opens on what the top bar's box shows (features/search/search-store.ts).
  const openSearch = useSearch((s) => s.open);
  const setHelp = useUi((s) => s.setHelp);
  const setPalette = useUi((s) => s.setPalette);
  const helpOpen = useUi((s) => s.helpOpen);
  const paletteOpen = useUi((s) => s.paletteOpen);
  const { takeNext } = useTakeNext();
  useHotkeys({
    '?': () => setHelp(true),
    '/': () => document.getElementById('global-search')?.focus(),
    'g f': () => navigate({ name: 'queue' }),
    'g e': () => navigate({ name: 'team', viewId: null }),
    'g t': () => navigate({ name: 'phone', customerId: null }),
    'g b': openSearch,
    n: () => void takeNext(),
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [setPalette]);
  return (
    <div className="app" data-testid="workspace">
      <Sidebar />
      <div className="main">
        <TopBar />
        <ConnectionBanner />
        <main className="content">
          <Screen />
        </main>
      </div>
      {helpOpen ? <ShortcutsHelp /> : null}
      {paletteOpen ? <CommandPalette /> : null}
    </div>
  );
};

/** The renderer lost its own core (the shell process), which is different from the server being offline. */
const ConnectionBanner = () => {
  const { t } = useT();
  const transport = useSync((s) => s.transport);
  if (transport.status !== 'closed' || transport.reason !== 'lost') return null;
  return (
    <div className="banner banner-warn" role="alert">
      <Icon name="refresh" size={14} /> {t('shell.reconnecting')}
    </div>
  );
};

export const App = () => {
  const { t } = useT();
  const { session, drafts, queue, router, ui, notifications } = useServices();
  const status = useSession((s) => s.status);
  const analystId = useSession((s) => s.analyst?.id ?? null);
  const transport = useSync((s) => s.transport);
  // The wall board is full screen, without the workspace around it (SPEC §5).
  const route = useRouter((s) => s.route);

  useEffect(() => {
    void session.getState().restore();
  }, [session]);
  useEffect(() => {
    if (analystId === null) {
      // The next person to log in on this desktop starts at their own queue, not at the last OC on screen.
      queue.getState().reset();
      if (status === 'anonymous') {
        router.getState().navigate({ name: 'queue' });
        ui.getState().clearToasts();
        notifications.getState().clear();
      }
      return;
    }
    void drafts.getState().load(analystId);
    void queue.getState().loadSavedViews();
    void queue.getState().loadMine();
  }, [analystId, status, drafts, queue, router, ui, notifications]);
  // Drafts are written on a short debounce; leaving the page flushes the last keystrokes.
  useEffect(() => {
    const flush = (): void => drafts.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [drafts]);

  if (transport.status === 'closed' && transport.reason === 'bad_token') return <Notice text={t('shell.badToken')} />;
  // One tree for every popover and dialog, so one opened inside another belongs to it (focus, Escape, outside press).
  return (
    <FloatingTree>
      {status === 'checking' ? <div className="splash">{t('common.loading')}</div> : status === 'anonymous' ? <LoginPage /> : route.name === 'board' ? <BoardPage /> : <Workspace />}
      <Toasts />
      <LeavePrompt />
    </FloatingTree>
  );
};

export const Notice = ({ text }: { text: string }) => (
  <div className="login">
    <div className="login-card notice-card" role="alert" data-testid="shell-notice">
      <Icon name="lock" size={22} />
      <p>{text}</p>
    </div>
  </div>
);
