import { ocStage } from '../../../shared/oc/stage';
import { useEffect } from 'react';
import { formatCnpj } from '../../../shared/domain';
import { useNow, usePhone, useRouter, useServices, useT } from '../../app/services';
import { PlanBadge, StatusBadge } from '../../components/badges';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Field, TextInput } from '../../components/Field';
import { Icon } from '../../components/icons';
import { SlaCountdown } from '../../components/SlaCountdown';
import { formatTime } from '../../lib/format';
import { CustomerCardView } from '../oc/CustomerCardView';
import { CallEntryItem } from './CallEntryItem';
import { CallOutcome } from './CallOutcome';
import { RECENT_CALLS } from './phone-store';

/** The phone panel (manual FAQ 2, 3, 6): find the caller's company, log the call, open an OC, leave a recado. */
export const PhonePage = ({ customerId }: { customerId: string | null }) => {
  const { t, lang } = useT();
  const { phone, clock } = useServices();
  const query = usePhone((s) => s.query);
  const results = usePhone((s) => s.results);
  const searching = usePhone((s) => s.searching);
  const customer = usePhone((s) => s.customer);
  const openOcs = usePhone((s) => s.openOcs);
  const calls = usePhone((s) => s.calls);
  const startedAt = usePhone((s) => s.callStartedAt);
  const navigate = useRouter((s) => s.navigate);
  useNow();

  useEffect(() => {
    if (customerId !== null && phone.getState().customer?.customer.id !== customerId) void phone.getState().select(customerId);
  }, [phone, customerId]);

  return (
    <div className="page page-phone" data-testid="phone-page">
      <header className="page-head">
        <div>
          <h1>{t('phone.title')}</h1>
          <div className="page-sub">{t('phone.sub')}</div>
        </div>
        <div className="spacer" />
        {startedAt === null ? (
          <Button variant="primary" icon="phone" onClick={() => phone.getState().startCall(clock.read())} data-testid="phone-start">
            {t('phone.start')}
          </Button>
        ) : (
          <div className="call-live" data-testid="call-live">
            <span className="call-pulse" />
            {t('phone.started', { time: formatTime(startedAt, lang) })}
            <Button size="s" onClick={() => phone.getState().endCall()}>
              {t('phone.end')}
            </Button>
          </div>
        )}
      </header>
      <div className="phone-grid">
        <section className="card phone-search">
          <div className="card-body stack">
            <Field label={t('phone.search')} hint={t('phone.searchHint')}>
              {(id, d) => (
                <TextInput id={id} aria-describedby={d} placeholder={t('phone.searchPlaceholder')} value={query} onChange={(e) => phone.getState().search(e.target.value)} data-testid="phone-search" data-autofocus autoFocus />
              )}
            </Field>
            <ul className="results" data-testid="phone-results">
              {searching ? <li className="faint">{t('common.loading')}</li> : null}
              {!searching && query.trim().length >= 2 && results.length === 0 ? <li className="faint">{t('phone.noResults')}</li> : null}
              {results.map((r) => (
                <li key={r.id}>
                  <button type="button" className={`result${customer?.customer.id === r.id ? ' is-active' : ''}`} onClick={() => navigate({ name: 'phone', customerId: r.id })} data-testid="phone-result">
                    <span className="row">
                      <PlanBadge plan={r.plan} lang={lang} />
                      <span className="ellipsis result-name" title={r.name}>{r.name}</span>
                    </span>
                    <span className="mono faint">{formatCnpj(r.cnpj)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </section>
        <div className="phone-main">
          {customer === null ? (
            <div className="card">
              <EmptyState icon="search" title={t('phone.pick')}>
                {t('phone.pickBody')}
              </EmptyState>
            </div>
          ) : (
            <CallOutcome key={customer.customer.id} card={customer} openOcs={openOcs} />
          )}
          <div className="faq-line">
            <Icon name="zap" size={13} /> {t('phone.faq')}
          </div>
        </div>
        <div className="phone-side">
          {customer === null ? null : (
            <>
              <CustomerCardView card={customer} penalties={null} compact />
              <section className="card" data-testid="phone-open-ocs">
                <div className="card-head">
                  <Icon name="inbox" size={14} />
                  <h3>{t('phone.openOcs')}</h3>
                </div>
                <ul className="card-body oc-mini-list">
                  {openOcs.length === 0 ? <li className="faint">{t('phone.openOcsNone')}</li> : null}
                  {openOcs.map((row) => (
                    <li key={row.id}>
                      <button type="button" className="oc-mini" onClick={() => navigate({ name: 'oc', id: row.id })}>
                        <span className="row">
                          <span className="mono">{row.displayNumber}</span>
                          <span className="spacer" />
                          <SlaCountdown sla={row.sla} />
                        </span>
                        <span className="ellipsis" title={row.subject}>{row.subject}</span>
                        <StatusBadge stage={ocStage(row)} lang={lang} />
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              <section className="card" data-testid="phone-calls">
                <div className="card-head">
                  <Icon name="phone" size={14} />
                  <h3>{t('phone.calls')}</h3>
                  <span className="spacer" />
                  <Button size="s" variant="ghost" icon="history" onClick={() => navigate({ name: 'customer', id: customer.customer.id })} title={t('phone.callsAllHint')} data-testid="phone-calls-all">
                    {t('phone.callsAll')}
                  </Button>
                </div>
                <ul className="card-body oc-mini-list">
                  {calls.length === 0 ? <li className="faint">{t('phone.callsNone')}</li> : null}
                  {calls.map((entry) => <CallEntryItem key={entry.id} entry={entry} onOpen={(id) => navigate({ name: 'oc', id })} wrap={false} testId="phone-call" />)}
                  {calls.length >= RECENT_CALLS ? <li className="faint">{t('phone.callsLatest', { count: calls.length })}</li> : null}
                </ul>
              </section>
            </>
          )}
        </div>
      </div>
    </div>
  );
};
