import { useEffect, useRef, useState } from 'react';
import { CUSTOMER_OC_SORTS, type CustomerOcScope, type CustomerOcSort } from '../../../shared/api/customer-history';
import { ocStage } from '../../../shared/oc/stage';
import type { QueueRow } from '../../../shared/api/views';
import { isOpenStatus, OC_STATUSES, STATUS_LABELS, type OcStatus } from '../../../shared/domain';
import { useCustomerHistory, useRouter, useServices } from '../../app/services';
import { StatusBadge } from '../../components/badges';
import { Button } from '../../components/Button';
import { Field, FormError, Select } from '../../components/Field';
import { Icon } from '../../components/icons';
import { SlaCountdown } from '../../components/SlaCountdown';
import { Tabs } from '../../components/Tabs';
import type { Lang } from '../../i18n/define';
import { formatNumber, formatShortDateTime } from '../../lib/format';
import { OC_PAGE_SIZE, statusInScope } from './customer-history-store';
import type { CustomerHistoryT } from './messages';

/**
 * The customer's OCs, a page at a time with the exact total ("1–50 de 3.214"): open / closed / all with their
 * counts, one status, four orders. Each row opens its OC; coming back, the row opened last has the focus again.
 */
export const OcHistory = ({ t, lang }: { t: CustomerHistoryT; lang: Lang }) => {
  const { customerHistory } = useServices();
  const navigate = useRouter((s) => s.navigate);
  const history = useCustomerHistory((s) => s.history);
  const filter = useCustomerHistory((s) => s.filter);
  const page = useCustomerHistory((s) => s.ocs);
  const loading = useCustomerHistory((s) => s.ocsLoading);
  const error = useCustomerHistory((s) => s.ocsError);
  const body = useRef<HTMLTableSectionElement>(null);
  const state = customerHistory.getState();

  // Back from an OC opened here: its row takes the focus, so the keyboard goes on from it. Only the OC remembered
  // when this screen mounts counts (the click that remembers it is still on the screen being left).
  const [restore] = useState(() => customerHistory.getState().lastOcId);
  const restored = useRef(false);
  useEffect(() => {
    if (restore === null || restored.current || page === null) return undefined;
    const frame = requestAnimationFrame(() => {
      const link = body.current?.querySelector<HTMLElement>(`[data-oc-id="${CSS.escape(restore)}"] .ch-oc-link`);
      if (link === null || link === undefined) return;
      link.focus();
      restored.current = true;
      customerHistory.getState().rememberOc(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [restore, page, customerHistory]);

  const counts = new Map((history?.byStatus ?? []).map((s) => [s.status, s.count]));
  const scopes: Array<{ id: CustomerOcScope; label: string }> = [
    { id: 'open', label: t('scope.open', { count: history?.openOcs ?? 0 }) },
    { id: 'closed', label: t('scope.closed', { count: history?.closedOcs ?? 0 }) },
    { id: 'all', label: t('scope.all', { count: (history?.openOcs ?? 0) + (history?.closedOcs ?? 0) }) },
  ];
  const statuses = OC_STATUSES.filter((s) => statusInScope(s, filter.scope) && (counts.get(s) ?? 0) > 0);
  const open = (row: QueueRow): void => {
    customerHistory.getState().rememberOc(row.id);
    navigate({ name: 'oc', id: row.id });
  };
  const total = page?.total ?? 0;
  const offset = page?.offset ?? 0;
  const shown = page?.rows.length ?? 0;

  return (
    <section className="card ch-ocs" aria-label={t('ocs.title')} data-testid="ch-ocs">
      <div className="card-head ch-ocs-head">
        <Icon name="inbox" size={14} />
        <h3>{t('ocs.title')}</h3>
        <span className="spacer" />
        <Tabs<CustomerOcScope> tabs={scopes} value={filter.scope} onChange={(scope) => void state.setFilter({ scope })} label={t('ocs.scope')} />
      </div>
      <div className="card-body ch-ocs-body">
        <div className="ch-ocs-filters">
          <Field label={t('ocs.status')}>
            {(id) => (
              <Select id={id} value={filter.status ?? ''} onChange={(e) => void state.setFilter({ status: e.target.value === '' ? null : (e.target.value as OcStatus) })} data-testid="ch-status">
                <option value="">{t('ocs.allStatuses')}</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s][lang]} ({formatNumber(counts.get(s) ?? 0, lang)})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('ocs.sort')}>
            {(id) => (
              <Select id={id} value={filter.sort} onChange={(e) => void state.setFilter({ sort: e.target.value as CustomerOcSort })} data-testid="ch-sort">
                {CUSTOMER_OC_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sort.${s}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <span className="spacer" />
          <div className="ch-pager" data-testid="ch-pager">
            <span className="ch-range" aria-live="polite" data-testid="ch-range">
              {total === 0 ? '' : t('ocs.range', { from: offset + 1, to: offset + shown, total })}
            </span>
            <Button size="s" icon="chevronUp" disabled={offset === 0 || loading} onClick={() => void state.page(offset - OC_PAGE_SIZE)} data-testid="ch-prev">
              {t('ocs.prev')}
            </Button>
            <Button size="s" icon="chevronDown" disabled={offset + shown >= total || loading} onClick={() => void state.page(offset + OC_PAGE_SIZE)} data-testid="ch-next">
              {t('ocs.next')}
            </Button>
          </div>
        </div>
        <FormError message={error === null ? null : error.message[lang]} />
        <div className="ch-table-wrap">
          <table className="lt-table ch-table" aria-busy={loading}>
            <thead>
              <tr>
                <th className="ch-col-number">{t('col.number')}</th>
                <th>{t('col.subject')}</th>
                <th className="ch-col-status">{t('col.status')}</th>
                <th className="ch-col-sla">{t('col.sla')}</th>
                <th className="ch-col-assignee">{t('col.assignee')}</th>
                <th className="ch-col-opened">{t('col.opened')}</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {(page?.rows ?? []).map((row) => (
                <tr key={row.id} data-oc-id={row.id} data-testid="ch-oc" onClick={() => open(row)}>
                  <td className="ch-col-number">
                    <button type="button" className="ch-oc-link mono" onClick={(e) => (e.stopPropagation(), open(row))}>
                      {row.displayNumber}
                    </button>
                    {row.pending ? <span className="tag tag-pending">{t('pending')}</span> : null}
                  </td>
                  <td className="ch-subject">
                    <span className="ellipsis" title={row.subject}>{row.subject}</span>
                  </td>
                  <td className="ch-col-status"><StatusBadge stage={ocStage(row)} lang={lang} /></td>
                  <td className="ch-col-sla">{row.sla === null ? <span className="faint">—</span> : <SlaCountdown sla={row.sla} open={isOpenStatus(row.status)} />}</td>
                  <td className="ch-col-assignee">
                    <span className={`ellipsis${row.assigneeName === null ? ' faint' : ''}`} title={row.assigneeName ?? t('unassigned')}>{row.assigneeName ?? t('unassigned')}</span>
                  </td>
                  <td className="ch-col-opened faint">{formatShortDateTime(row.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page !== null && page.rows.length === 0 && !loading ? (
            <p className="faint ch-empty" data-testid="ch-ocs-empty">{(history?.openOcs ?? 0) + (history?.closedOcs ?? 0) === 0 ? t('ocs.noneAtAll') : t('ocs.none')}</p>
          ) : null}
        </div>
      </div>
    </section>
  );
};
