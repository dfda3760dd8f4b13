import { useMemo } from 'react';
import { useStore } from 'zustand';
import { formatCnpj, type Plan, PLAN_LABELS, PLANS } from '../../../shared/domain';
import { useSession } from '../../app/services';
import { PlanBadge } from '../../components/badges';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { filterCustomers, LIST_LIMIT, type EligibilityFilter } from './customer-list';
import type { CustomersStore } from './customers-store';
import { missingLabel, type CustomersT } from './messages';

/** The register's left side: search, plan and eligibility filters, and the matching customers. */
export const CustomerList = ({ store, t, lang, selectedId, onPick, onHistory }: { store: CustomersStore; t: CustomersT; lang: Lang; selectedId: string | null; onPick: (id: string) => void; onHistory: (id: string) => void }) => {
  const rows = useStore(store, (s) => s.rows);
  const filter = useStore(store, (s) => s.filter);
  const loadError = useStore(store, (s) => s.loadError);
  const catalogName = useSession((s) => s.catalogName);
  const matches = useMemo(() => (rows === null ? [] : filterCustomers(rows, filter)), [rows, filter]);
  const shown = matches.slice(0, LIST_LIMIT);
  const setFilter = store.getState().setFilter;
  return (
    <section className="card cu-list" aria-label={t('title')} data-testid="customer-list">
      <div className="cu-filters">
        <Field label={t('search')}>
          {(id) => (
            <TextInput id={id} type="search" placeholder={t('searchPlaceholder')} value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} data-testid="customer-search" data-autofocus />
          )}
        </Field>
        <Field label={t('filter.plan')}>
          {(id) => (
            <Select id={id} value={filter.plan} onChange={(e) => setFilter({ plan: e.target.value as Plan | 'all' })} data-testid="customer-filter-plan">
              <option value="all">{t('filter.allPlans')}</option>
              {PLANS.map((p) => <option key={p} value={p}>{PLAN_LABELS[p][lang]}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t('filter.state')}>
          {(id) => (
            <Select id={id} value={filter.eligibility} onChange={(e) => setFilter({ eligibility: e.target.value as EligibilityFilter })} data-testid="customer-filter-state">
              <option value="all">{t('filter.all')}</option>
              <option value="eligible">{t('filter.eligible')}</option>
              <option value="missing">{t('filter.missing')}</option>
            </Select>
          )}
        </Field>
      </div>
      <FormError message={loadError === null ? null : loadError.message[lang]} />
      <div className="cu-count faint" data-testid="customer-count">
        {rows === null ? t('loading') : matches.length > LIST_LIMIT ? t('list.more', { shown: LIST_LIMIT, count: matches.length }) : t('list.count', { count: matches.length })}
      </div>
      <div className="cu-table-wrap">
        <table className="lt-table cu-table">
          <thead>
            <tr>
              <th>{t('col.customer')}</th>
              <th>{t('col.segment')}</th>
              <th>{t('col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const eligible = row.missingEligibility.length === 0;
              return (
                <tr
                  key={row.id}
                  className={row.id === selectedId ? 'is-selected' : undefined}
                  onClick={() => onPick(row.id)}
                  data-customer={row.cnpj}
                  data-testid="customer-row"
                  aria-selected={row.id === selectedId}
                >
                  <td>
                    <button type="button" className="cu-row-name" onClick={(e) => (e.stopPropagation(), onPick(row.id))}>
                      <PlanBadge plan={row.plan} lang={lang} />
                      <span className="ellipsis" title={row.name}>{row.name}</span>
                    </button>
                    <div className="mono faint cu-cnpj">
                      {formatCnpj(row.cnpj)}
                      {row.pending ? <span className="tag tag-pending">{t('pending')}</span> : null}
                    </div>
                  </td>
                  <td className="cu-segment" title={catalogName(row.segment)}>{catalogName(row.segment)}</td>
                  <td>
                    <span className={`tag ${eligible ? 'tag-ok' : 'tag-warn'}`} title={row.missingEligibility.map((item) => t(`elig.item.${item}`)).join(' · ')} data-testid="customer-state">
                      <Icon name={eligible ? 'checkCircle' : 'triangle'} size={12} />
                      {eligible ? t('state.eligible') : missingLabel(t, row.missingEligibility.length)}
                    </span>
                    <button type="button" className="link cu-history-link" title={t('history.hint')} onClick={(e) => (e.stopPropagation(), onHistory(row.id))} data-testid="customer-row-history">
                      <Icon name="history" size={12} /> {t('history')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows !== null && matches.length === 0 ? <p className="faint cu-empty">{t('list.empty')}</p> : null}
      </div>
    </section>
  );
};
