import { PRESENCES, type Presence } from '../../shared/domain';
import { Avatar } from '../components/badges';
import { Icon, type IconName } from '../components/icons';
import { Kbd } from '../components/Kbd';
import { LeadNav } from '../features/reports/LeadNav';
import type { Route } from './router';
import { useQueue, useRouter, useSearch, useServices, useSession, useT, useUi } from './services';
import { formatNumber } from '../lib/format';
import { Logo } from './Logo';

const NavItem = ({ icon, label, active, count, shortcut, onClick, testId }: { icon: IconName; label: string; active: boolean; count?: string; shortcut?: string; onClick: () => void; testId: string }) => (
  <button type="button" className={`nav-item${active ? ' is-active' : ''}`} onClick={onClick} aria-current={active ? 'page' : undefined} data-testid={testId}>
    <Icon name={icon} size={16} />
    <span className="nav-label">{label}</span>
    {count === undefined ? null : <span className="nav-count">{count}</span>}
    {shortcut === undefined ? null : <Kbd keys={shortcut} subtle />}
  </button>
);

const isSection = (route: Route, name: Route['name']): boolean => route.name === name;

export const Sidebar = () => {
  const { t, lang } = useT();
  const { session } = useServices();
  const me = useSession((s) => s.analyst);
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  // The search page opens on what the top bar's box shows (features/search/search-store.ts).
  const openSearch = useSearch((s) => s.open);
  const my = useQueue((s) => s.my);
  const saved = useQueue((s) => s.savedViews);
  const activeView = useQueue((s) => s.viewId);
  const setLang = useUi((s) => s.setLang);
  if (me === null) return null;
  const mineCount = (my?.mine.length ?? 0) + (my?.recados.length ?? 0) + (my?.directed.length ?? 0);
  return (
    <nav className="sidebar" aria-label="S.O.E.">
      <div className="brand">
        <Logo size={28} />
        <div>
          <div className="brand-name">S.O.E. War Room</div>
          <div className="brand-sub">{t('app.brandSub')}</div>
        </div>
      </div>
      <div className="nav">
        <NavItem icon="inbox" label={t('nav.myQueue')} active={isSection(route, 'queue')} count={mineCount === 0 ? undefined : formatNumber(mineCount, lang)} onClick={() => navigate({ name: 'queue' })} testId="nav-queue" />
        <NavItem icon="users" label={t('nav.team')} active={isSection(route, 'team')} onClick={() => navigate({ name: 'team', viewId: null })} testId="nav-team" />
        <NavItem icon="phone" label={t('nav.phone')} active={isSection(route, 'phone')} onClick={() => navigate({ name: 'phone', customerId: null })} testId="nav-phone" />
        <NavItem icon="search" label={t('nav.search')} active={isSection(route, 'search')} onClick={openSearch} testId="nav-search" />
      </div>
      <LeadNav />
      <div className="nav-section">
        <div className="nav-heading">{t('nav.savedViews')}</div>
        {saved.length === 0 ? <div className="nav-empty">{t('nav.noSavedViews')}</div> : null}
        {saved.map((view) => (
          <button key={view.id} type="button" className={`nav-item nav-sub${route.name === 'team' && activeView === view.id ? ' is-active' : ''}`} onClick={() => navigate({ name: 'team', viewId: view.id })}>
            <Icon name="bookmark" size={14} />
            <span className="nav-label ellipsis" title={view.name}>{view.name}</span>
          </button>
        ))}
      </div>
      <div className="spacer" />
      <div className="me" data-testid="me">
        <div className="row">
          <Avatar name={me.name} size={30} />
          <div className="me-text">
            <div className="me-name ellipsis" title={me.name}>{me.name}</div>
            <div className="faint">
              {me.role === 'analyst' ? `${t('role.analyst')} ${me.level.toUpperCase()}` : t(`role.${me.role}`)}
            </div>
          </div>
        </div>
        <label className={`presence-select presence-${me.presence}`}>
          <span className="presence-dot" />
          <span className="sr-only">{t('nav.presence')}</span>
          <select value={me.presence} onChange={(e) => void session.getState().setPresence(e.target.value as Presence)} data-testid="presence">
            {PRESENCES.map((p) => (
              <option key={p} value={p}>
                {t(`presence.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="row me-actions">
          <button type="button" className="link" onClick={() => setLang(lang === 'pt-BR' ? 'en' : 'pt-BR')} data-testid="lang-switch">
            <Icon name="globe" size={13} /> {t('nav.language')}
          </button>
          <span className="spacer" />
          <button type="button" className="link" onClick={() => void session.getState().logout()} data-testid="logout">
            <Icon name="logout" size={13} /> {t('nav.logout')}
          </button>
        </div>
      </div>
    </nav>
  );
};
