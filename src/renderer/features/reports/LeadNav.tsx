import { isLead } from '../../../shared/oc/permissions';
import { useRouter, useSession, useUi } from '../../app/services';
import { Icon, type IconName } from '../../components/icons';
import { defineMessages } from '../../i18n/define';

// The lead's entries in the sidebar (SPEC §8): the wall board, reports, the customer register and settings.
// Shown to leads and admins.

const messages = defineMessages({
  'pt-BR': { heading: 'Liderança', board: 'Painel SLA (TV)', reports: 'Relatórios', customers: 'Clientes', settings: 'Configurações' },
  en: { heading: 'Team lead', board: 'SLA board (TV)', reports: 'Reports', customers: 'Customers', settings: 'Settings' },
});

const Item = ({ icon, label, active, onClick, testId }: { icon: IconName; label: string; active: boolean; onClick: () => void; testId: string }) => (
  <button type="button" className={`nav-item${active ? ' is-active' : ''}`} onClick={onClick} aria-current={active ? 'page' : undefined} data-testid={testId}>
    <Icon name={icon} size={16} />
    <span className="nav-label">{label}</span>
  </button>
);

export const LeadNav = () => {
  const me = useSession((s) => s.analyst);
  const lang = useUi((s) => s.lang);
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  if (me === null || !isLead(me)) return null;
  const t = messages[lang];
  return (
    <div className="nav-section" data-testid="lead-nav">
      <div className="nav-heading">{t.heading}</div>
      {/* A new window: Electron's main turns window.open('#/board') into its kiosk board window; the browser
          shell opens a tab that shares this tab's session. */}
      <Item icon="signal" label={t.board} active={false} onClick={() => window.open('#/board', '_blank')} testId="nav-board" />
      <Item icon="layers" label={t.reports} active={route.name === 'reports'} onClick={() => navigate({ name: 'reports' })} testId="nav-reports" />
      <Item icon="building" label={t.customers} active={route.name === 'customers'} onClick={() => navigate({ name: 'customers', id: null })} testId="nav-customers" />
      <Item icon="pencil" label={t.settings} active={route.name === 'settings'} onClick={() => navigate({ name: 'settings' })} testId="nav-settings" />
    </div>
  );
};
