import { IconButton } from '../components/Button';
import { Icon } from '../components/icons';
import { Kbd } from '../components/Kbd';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useSearch, useT, useUi } from './services';

export const TopBar = () => {
  const { t } = useT();
  const setPalette = useUi((s) => s.setPalette);
  const setHelp = useUi((s) => s.setHelp);
  // The same text as the search page's box (features/search/search-store.ts).
  const text = useSearch((s) => s.text);
  const setText = useSearch((s) => s.setText);
  const submit = useSearch((s) => s.submit);
  return (
    <header className="topbar">
      <form
        className="topbar-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Icon name="search" size={15} />
        <input id="global-search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('search.placeholder')} aria-label={t('search.title')} data-testid="global-search" />
        <Kbd keys="/" subtle />
      </form>
      <button type="button" className="palette-hint" onClick={() => setPalette(true)} data-testid="open-palette">
        <Icon name="command" size={14} /> {t('palette.label')} <Kbd keys="Ctrl K" subtle />
      </button>
      <div className="spacer" />
      <SyncIndicator />
      <NotificationsBell />
      <IconButton label={t('help.title')} icon="help" onClick={() => setHelp(true)} data-testid="open-help" />
    </header>
  );
};
