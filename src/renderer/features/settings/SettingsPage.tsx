import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { can } from '../../../shared/oc/permissions';
import { useLeaveGuard } from '../../app/LeavePrompt';
import { useServices, useSession, useUi } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/Field';
import { Tabs } from '../../components/Tabs';
import '../reports/reports.css';
import { CalendarsSection } from './CalendarsSection';
import { CatalogSection } from './CatalogSection';
import { DesktopSection } from './DesktopSection';
import { settingsT, type SettingsT } from './messages';
import { PeopleSection } from './PeopleSection';
import { PolicySection } from './PolicySection';
import { RecomputeSection } from './RecomputeSection';
import { VersionsSection } from './VersionsSection';
import { createSettingsStore, type SettingsStore, type SettingsTab } from './settings-store';
import { TargetsSection } from './TargetsSection';
import './settings.css';

// The lead's and admin's configuration (SPEC §8, issue 6 §3). SLA policy edits are a draft saved whole as a
// new version; modules, analysts and releases are saved one change at a time. Every save is a mutation.

const SLA_TABS: readonly SettingsTab[] = ['targets', 'calendars', 'policy'];

const SaveBar = ({ store, t }: { store: SettingsStore; t: SettingsT }) => {
  const lang = useUi((s) => s.lang);
  const dirty = useStore(store, (s) => s.dirty);
  const saving = useStore(store, (s) => s.saving);
  const error = useStore(store, (s) => s.saveError);
  const saved = useStore(store, (s) => s.saved);
  const overview = useStore(store, (s) => s.overview);
  if (overview === null) return null;
  const version = overview.current.version;
  const behind = overview.openOcsByVersion.filter((v) => v.version !== version).reduce((n, v) => n + v.count, 0);
  if (!dirty && saved === null && error === null) return null;
  return (
    <div className={`st-savebar${dirty ? ' is-dirty' : ''}`} data-testid="settings-savebar" role="region" aria-label={t('title')}>
      <div className="st-savebar-text">
        {dirty ? (
          <>
            <strong>{t('save.dirty', { version })}</strong>
            <span className="muted">{t('save.rule')}</span>
          </>
        ) : saved !== null ? (
          <span role="status" data-testid="settings-saved">
            <strong>{t('save.done', { version: saved, open: behind })}</strong> {behind > 0 ? t('save.recomputeHint') : null}
          </span>
        ) : null}
        <FormError message={error === null ? null : error.message[lang]} />
      </div>
      {dirty ? (
        <>
          <Button onClick={() => store.getState().discard()} data-testid="settings-discard">
            {t('save.discard')}
          </Button>
          <Button variant="primary" icon="check" busy={saving} onClick={() => void store.getState().save()} data-testid="settings-save">
            {t('save.button', { version: version + 1 })}
          </Button>
        </>
      ) : null}
    </div>
  );
};

export const SettingsPage = () => {
  const { api } = useServices();
  const lang = useUi((s) => s.lang);
  const t = settingsT(lang);
  const me = useSession((s) => s.analyst);
  const [store] = useState(() => createSettingsStore(api));
  const tab = useStore(store, (s) => s.tab);
  const loadError = useStore(store, (s) => s.loadError);
  const loaded = useStore(store, (s) => s.overview !== null);
  const allowed = me !== null && can(me, 'configure');
  useEffect(() => (allowed ? store.connect() : undefined), [store, allowed]);
  // The SLA draft spans three tabs: only leaving the page loses it.
  useLeaveGuard('settings.sla', useStore(store, (s) => s.dirty));
  const { router } = useServices();
  if (!allowed) {
    return (
      <div className="page">
        <EmptyState icon="lock" title={t('forbidden')} />
      </div>
    );
  }
  const tabs: SettingsTab[] = ['targets', 'calendars', 'policy', 'recompute', 'catalog', 'people', 'releases', 'desktop'];
  return (
    <div className="page lt-page" data-testid="settings-page">
      <header className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <div className="page-sub">{t('sub')}</div>
        </div>
      </header>
      <Tabs<SettingsTab> label={t('title')} value={tab} onChange={(id) => router.getState().requestLeave('section', () => store.getState().setTab(id))} tabs={tabs.map((id) => ({ id, label: t(`tab.${id}`) }))} />
      <FormError message={loadError === null ? null : loadError.message[lang]} />
      <div className="lt-scroll">
        {!loaded && SLA_TABS.includes(tab) ? <p className="muted">{t('loading')}</p> : null}
        {tab === 'targets' ? <TargetsSection store={store} t={t} lang={lang} /> : null}
        {tab === 'calendars' ? <CalendarsSection store={store} t={t} lang={lang} /> : null}
        {tab === 'policy' ? <PolicySection store={store} t={t} lang={lang} /> : null}
        {tab === 'recompute' ? <RecomputeSection store={store} t={t} lang={lang} /> : null}
        {tab === 'catalog' ? <CatalogSection t={t} lang={lang} /> : null}
        {tab === 'people' ? <PeopleSection t={t} lang={lang} /> : null}
        {tab === 'releases' ? <VersionsSection t={t} lang={lang} /> : null}
        {tab === 'desktop' ? <DesktopSection t={t} lang={lang} /> : null}
      </div>
      <SaveBar store={store} t={t} />
    </div>
  );
};
