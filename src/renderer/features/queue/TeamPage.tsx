import { useLayoutEffect, useState } from 'react';
import { useQueue, useRouter, useServices, useT } from '../../app/services';
import { Button, IconButton } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { GroupBySelect } from './GroupBySelect';
import { QueueEmpty } from './QueueEmpty';
import { QueueTable } from './QueueTable';
import { BUILT_IN_VIEWS, emptyFilter, TEAM_LIMIT } from './team-filter';
import { TeamFilters } from './TeamFilters';

/** Team views (SPEC §4): by module, segment, level, status, plan, breached, at risk; saved views. */
export const TeamPage = ({ viewId }: { viewId: string | null }) => {
  const { t, lang } = useT();
  const { queue, ui } = useServices();
  const navigate = useRouter((s) => s.navigate);
  const rows = useQueue((s) => s.team);
  const loading = useQueue((s) => s.teamLoading);
  const total = useQueue((s) => s.teamTotal);
  const partial = useQueue((s) => s.teamPartial);
  const error = useQueue((s) => s.teamError);
  const filter = useQueue((s) => s.teamFilter);
  const groupBy = useQueue((s) => s.groupBy);
  const activeView = useQueue((s) => s.viewId);
  const saved = useQueue((s) => s.savedViews);
  const cursor = useQueue((s) => s.cursor);
  const [quick, setQuick] = useState('');
  const [saving, setSaving] = useState(false);

  // Before the first paint: the core starts reading the view while this page paints its frame.
  useLayoutEffect(() => {
    const state = queue.getState();
    if (viewId !== null && viewId !== state.viewId) state.applyView(viewId);
    else if (state.team === null && !state.teamLoading) void state.loadTeam({ progressive: true });
  }, [queue, viewId]);

  return (
    <div className="page page-team" data-testid="team-page">
      <aside className="views" aria-label={t('team.views')}>
        <h2 className="views-title">{t('team.views')}</h2>
        {BUILT_IN_VIEWS.map((view) => (
          <button key={view.id} type="button" className={`view-item${activeView === view.id ? ' is-active' : ''}`} onClick={() => navigate({ name: 'team', viewId: view.id })} data-testid={`view-${view.id}`}>
            {t(view.nameKey as 'team.view.open')}
          </button>
        ))}
        {saved.length === 0 ? null : <h2 className="views-title">{t('nav.savedViews')}</h2>}
        {saved.map((view) => (
          <div key={view.id} className={`view-item view-saved${activeView === view.id ? ' is-active' : ''}`}>
            <button type="button" className="view-name" onClick={() => navigate({ name: 'team', viewId: view.id })}>
              <Icon name="bookmark" size={13} /> <span className="ellipsis" title={view.name}>{view.name}</span>
            </button>
            <IconButton label={t('team.deleteView')} icon="trash" size="s" onClick={() => queue.getState().deleteView(view.id)} />
          </div>
        ))}
      </aside>
      <div className="team-main">
        <header className="page-head">
          <div>
            <h1>{t('team.title')}</h1>
            <div className="page-sub">
              {rows === null ? t('common.loading') : t('queue.rows', { count: partial && total !== null ? Math.min(total, TEAM_LIMIT) : rows.length })}
              {partial && rows !== null ? <span className="page-sub-note" data-testid="team-loading-rest"> · {t('team.loadingRest', { count: rows.length })}</span> : null}
            </div>
          </div>
          <div className="spacer" />
          {/* Narrow windows: the views as a picker, so the table keeps the width of the list beside it. */}
          <div className="views-picker">
            <Select
              value={activeView ?? ''}
              onChange={(e) => e.target.value !== '' && navigate({ name: 'team', viewId: e.target.value })}
              aria-label={t('team.views')}
              data-testid="views-picker"
            >
              {activeView === null ? <option value="">{t('team.views')}</option> : null}
              <optgroup label={t('team.views')}>
                {BUILT_IN_VIEWS.map((view) => (
                  <option key={view.id} value={view.id}>
                    {t(view.nameKey as 'team.view.open')}
                  </option>
                ))}
              </optgroup>
              {saved.length === 0 ? null : (
                <optgroup label={t('nav.savedViews')}>
                  {saved.map((view) => (
                    <option key={view.id} value={view.id}>
                      {view.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
            {saved.some((v) => v.id === activeView) ? <IconButton label={t('team.deleteView')} icon="trash" onClick={() => activeView !== null && queue.getState().deleteView(activeView)} /> : null}
          </div>
          <Button icon="bookmark" onClick={() => setSaving(true)} data-testid="save-view">
            {t('team.save')}
          </Button>
        </header>
        <div className="toolbar toolbar-wrap">
          <TeamFilters filter={filter} onChange={(next) => queue.getState().setTeamFilter(next)} />
          <div className="spacer" />
          <Button variant="ghost" size="s" icon="x" onClick={() => queue.getState().setTeamFilter(emptyFilter(), 'none')} data-testid="filter-reset">
            {t('team.filter.reset')}
          </Button>
          <TextInput className="input input-filter" placeholder={t('queue.quickFilter')} value={quick} onChange={(e) => setQuick(e.target.value)} aria-label={t('queue.quickFilter')} data-testid="quick-filter" />
          <GroupBySelect value={groupBy} onChange={(g) => queue.getState().setGroupBy(g)} />
        </div>
        {error === null ? null : <FormError message={error.message[lang]} />}
        {rows !== null && (total === null ? rows.length >= TEAM_LIMIT : total > TEAM_LIMIT) ? <div className="notice-line">{t('team.limit', { count: TEAM_LIMIT })}</div> : null}
        <QueueTable
          rows={rows ?? []}
          groupBy={groupBy}
          quickFilter={quick}
          cursor={cursor}
          onCursor={(id) => queue.getState().setCursor(id)}
        autoFocus
          onOpen={(id) => {
          // Back from the OC, the list's cursor is on this row again.
          queue.getState().setCursor(id);
          navigate({ name: 'oc', id });
        }}
          label={t('team.title')}
          testId="team-table"
          empty={loading || rows === null ? <EmptyState icon="refresh" title={t('common.loading')} /> : <QueueEmpty><EmptyState icon="filter" title={t('team.empty')}>{t('team.emptyBody')}</EmptyState></QueueEmpty>}
        />
      </div>
      {saving ? <SaveViewDialog onClose={() => setSaving(false)} onSaved={(name) => ui.getState().toast({ tone: 'success', title: t('team.saved', { name }) })} /> : null}
    </div>
  );
};

const SaveViewDialog = ({ onClose, onSaved }: { onClose: () => void; onSaved: (name: string) => void }) => {
  const { t } = useT();
  const { queue } = useServices();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = (): void => {
    if (name.trim().length === 0 || name.trim().length > 60) return setError(t('team.saveNameError'));
    const view = queue.getState().saveView(name);
    onSaved(view.name);
    onClose();
  };
  return (
    <Modal
      title={t('team.saveTitle')}
      onClose={onClose}
      width={420}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" onClick={save} data-testid="save-view-confirm">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <Field label={t('team.saveName')} error={error}>
        {(id, describedBy) => (
          <TextInput id={id} aria-describedby={describedBy} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && save()} data-testid="save-view-name" />
        )}
      </Field>
    </Modal>
  );
};
