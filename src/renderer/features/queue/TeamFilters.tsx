import { CRITICIDADES, LEVELS, PLANS, CRITICIDADE_LABELS, LEVEL_LABELS, PLAN_LABELS } from '../../../shared/domain';
import { OC_STAGES, STAGE_LABELS } from '../../../shared/oc/stage';
import { useSession, useT } from '../../app/services';
import { lbl } from '../../components/badges';
import { MultiSelect } from '../../components/MultiSelect';
import type { TeamFilter } from './team-filter';

/** The filter chips of a team view; each change reloads the view from the replica. */
export const TeamFilters = ({ filter, onChange }: { filter: TeamFilter; onChange: (filter: TeamFilter) => void }) => {
  const { t, lang } = useT();
  const directory = useSession((s) => s.directory);
  const modules = directory.catalog.filter((c) => c.kind === 'module' && c.active).map((c) => ({ value: c.id, label: c.name }));
  const segments = directory.catalog.filter((c) => c.kind === 'segment' && c.active).map((c) => ({ value: c.id, label: c.name }));
  const set = <K extends keyof TeamFilter>(key: K, value: TeamFilter[K]): void => onChange({ ...filter, [key]: value });
  return (
    <div className="filters" data-testid="team-filters">
      <MultiSelect label={t('team.filter.module')} options={modules} value={filter.modules} onChange={(v) => set('modules', v)} testId="filter-module" />
      <MultiSelect label={t('team.filter.segment')} options={segments} value={filter.segments} onChange={(v) => set('segments', v)} testId="filter-segment" />
      <MultiSelect
        label={t('team.filter.level')}
        options={LEVELS.map((l) => ({ value: l, label: lbl(LEVEL_LABELS[l], lang) }))}
        value={filter.levels}
        onChange={(v) => set('levels', v as TeamFilter['levels'])}
        testId="filter-level"
      />
      <MultiSelect
        label={t('team.filter.status')}
        options={OC_STAGES.map((s) => ({ value: s, label: lbl(STAGE_LABELS[s], lang) }))}
        value={filter.statuses}
        onChange={(v) => set('statuses', v)}
        testId="filter-status"
      />
      <MultiSelect
        label={t('team.filter.plan')}
        options={PLANS.map((p) => ({ value: p, label: lbl(PLAN_LABELS[p], lang) }))}
        value={filter.plans}
        onChange={(v) => set('plans', v as TeamFilter['plans'])}
        testId="filter-plan"
      />
      <MultiSelect
        label={t('team.filter.criticidade')}
        options={CRITICIDADES.map((c) => ({ value: c, label: lbl(CRITICIDADE_LABELS[c], lang) }))}
        value={filter.criticidades}
        onChange={(v) => set('criticidades', v as TeamFilter['criticidades'])}
        testId="filter-criticidade"
      />
      <label className={`chip chip-select${filter.assignee !== 'any' ? ' is-set' : ''}`}>
        <span className="chip-label">{t('team.filter.assignee')}</span>
        <select value={filter.assignee} onChange={(e) => set('assignee', e.target.value)} data-testid="filter-assignee">
          <option value="any">{t('team.filter.anyone')}</option>
          <option value="unassigned">{t('team.filter.unassigned')}</option>
          {directory.analysts
            .filter((a) => a.active)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <Toggle label={t('team.filter.breached')} checked={filter.breached} onChange={(v) => set('breached', v)} testId="filter-breached" />
      <Toggle label={t('team.filter.atRisk')} checked={filter.atRisk} onChange={(v) => set('atRisk', v)} testId="filter-at-risk" />
      <Toggle label={t('team.filter.closed')} checked={!filter.openOnly} onChange={(v) => set('openOnly', !v)} testId="filter-closed" />
    </div>
  );
};

const Toggle = ({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; testId: string }) => (
  <label className={`chip chip-toggle${checked ? ' is-set' : ''}`}>
    <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
    <span className="chip-label">{label}</span>
  </label>
);
