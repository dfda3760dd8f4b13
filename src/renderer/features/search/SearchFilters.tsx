import { useEffect, useRef, useState } from 'react';
import { OC_STATUSES, PLANS, PLAN_LABELS, STATUS_LABELS, type OcStatus, type Plan } from '../../../shared/domain';
import { useSearch, useSession, useT } from '../../app/services';
import { lbl } from '../../components/badges';
import { Button } from '../../components/Button';
import { DateInput } from '../../components/DateFields';
import { MultiSelect } from '../../components/MultiSelect';
import { isFiltered, NO_SEARCH_FILTERS, type SearchRouteFilters } from './search-route';

/** A date typed segment by segment passes through other complete dates ("2", "20", "2026"): it applies once still. */
const DATE_SETTLE_MS = 600;

/** Status, module, plan and the period an OC was opened in; each change runs the search on screen again. */
export const SearchFilters = () => {
  const { t, lang } = useT();
  const filters = useSearch((s) => s.filters);
  const setFilters = useSearch((s) => s.setFilters);
  const directory = useSession((s) => s.directory);
  const modules = directory.catalog.filter((c) => c.kind === 'module').map((c) => ({ value: c.id, label: c.name }));
  const [dates, setDates] = useState({ openedFrom: filters.openedFrom, openedTo: filters.openedTo });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Back, forward or "clear" bring other dates: the fields follow them.
  useEffect(() => setDates({ openedFrom: filters.openedFrom, openedTo: filters.openedTo }), [filters.openedFrom, filters.openedTo]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  const set = (patch: Partial<SearchRouteFilters>): void => setFilters({ ...filters, ...patch });
  const setDate = (key: 'openedFrom' | 'openedTo', value: string): void => {
    const next = { ...dates, [key]: value };
    setDates(next);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => set(next), DATE_SETTLE_MS);
  };
  return (
    <div className="filters search-filters" data-testid="search-filters">
      <MultiSelect
        label={t('team.filter.status')}
        options={OC_STATUSES.map((s) => ({ value: s, label: lbl(STATUS_LABELS[s], lang) }))}
        value={filters.statuses}
        onChange={(v) => set({ statuses: v as OcStatus[] })}
        testId="search-filter-status"
      />
      <MultiSelect label={t('team.filter.module')} options={modules} value={filters.modules} onChange={(v) => set({ modules: v })} testId="search-filter-module" />
      <MultiSelect
        label={t('team.filter.plan')}
        options={PLANS.map((p) => ({ value: p, label: lbl(PLAN_LABELS[p], lang) }))}
        value={filters.plans}
        onChange={(v) => set({ plans: v as Plan[] })}
        testId="search-filter-plan"
      />
      <span className={`chip chip-period${filters.openedFrom !== '' || filters.openedTo !== '' ? ' is-set' : ''}`}>
        <span className="chip-label">{t('search.filter.openedFrom')}</span>
        <DateInput value={dates.openedFrom} onChange={(v) => setDate('openedFrom', v)} label={t('search.filter.openedFrom')} max={dates.openedTo === '' ? undefined : dates.openedTo} testId="search-filter-from" />
        <span className="chip-label">{t('search.filter.openedTo')}</span>
        <DateInput value={dates.openedTo} onChange={(v) => setDate('openedTo', v)} label={t('search.filter.openedTo')} testId="search-filter-to" />
      </span>
      {isFiltered(filters) ? (
        <Button size="s" variant="ghost" icon="x" onClick={() => setFilters(NO_SEARCH_FILTERS)} data-testid="search-filter-clear">
          {t('search.filter.clear')}
        </Button>
      ) : null}
    </div>
  );
};
