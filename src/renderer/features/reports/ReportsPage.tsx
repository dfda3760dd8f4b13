import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { can } from '../../../shared/oc/permissions';
import { useServices, useSession, useUi } from '../../app/services';
import { EmptyState } from '../../components/EmptyState';
import { Tabs } from '../../components/Tabs';
import { DISPLAY_TIME_ZONE } from '../../lib/format';
import { CompliancePanel } from './CompliancePanel';
import { downloadBase64 } from './download';
import { reportT } from './messages';
import { PenaltiesPanel } from './PenaltiesPanel';
import { createReportsStore, type ReportsTab } from './reports-store';
import { VolumePanel } from './VolumePanel';
import './reports.css';

// The lead's reports (issue 6 §2): SLA compliance by period × plan × module × analyst × customer, penalties per
// customer and month with the exportable statement, volume by channel and by level. All from the local core.

export const ReportsPage = () => {
  const { api, clock } = useServices();
  const lang = useUi((s) => s.lang);
  const t = reportT(lang);
  const me = useSession((s) => s.analyst);
  const catalog = useSession((s) => s.directory.catalog);
  const [store] = useState(() => createReportsStore(api, clock.read, DISPLAY_TIME_ZONE, downloadBase64));
  const tab = useStore(store, (s) => s.tab);
  const allowed = me !== null && can(me, 'configure');
  useEffect(() => {
    if (allowed) void store.getState().runCompliance();
  }, [store, allowed]);
  if (!allowed) {
    return (
      <div className="page">
        <EmptyState icon="lock" title={t('forbidden')} />
      </div>
    );
  }
  return (
    <div className="page lt-page" data-testid="reports-page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <Tabs<ReportsTab>
          label={t('title')}
          value={tab}
          onChange={(id) => store.getState().setTab(id)}
          tabs={[
            { id: 'compliance', label: t('tab.compliance') },
            { id: 'penalties', label: t('tab.penalties') },
            { id: 'volume', label: t('tab.volume') },
          ]}
        />
      </header>
      <div className="lt-scroll">
        {tab === 'compliance' ? <CompliancePanel store={store} t={t} lang={lang} catalog={catalog} /> : null}
        {tab === 'penalties' ? <PenaltiesPanel store={store} t={t} lang={lang} /> : null}
        {tab === 'volume' ? <VolumePanel store={store} t={t} lang={lang} /> : null}
      </div>
    </div>
  );
};
