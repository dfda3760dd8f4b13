import { useEffect, useRef, useState } from 'react';
import type { ClockCompliance, CustomerHistory } from '../../../shared/api/customer-history';
import { formatCnpj } from '../../../shared/domain';
import { isLead } from '../../../shared/oc/permissions';
import { useCustomerHistory, useRouter, useServices, useSession, useUi } from '../../app/services';
import { PlanBadge } from '../../components/badges';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatMonth, formatPercent } from '../../lib/format';
import { useHotkeys } from '../commands/hotkeys';
import { CustomerCardView } from '../oc/CustomerCardView';
import '../reports/reports.css';
import { CallHistory, RecadoHistory } from './ActivityLists';
import { customerHistoryT, type CustomerHistoryT } from './messages';
import { OcHistory } from './OcHistory';
import './customer-history.css';

// The customer's page (SPEC §2 "Customer history"): whoever answers the phone sees the whole story — the OCs open
// and past, the calls with or without an OC, the recados, the contacts and eligibility (the customer card), and
// how the SLA went this month with its penalties. Esc and "Voltar" return to where the analyst came from.

const ClockLine = ({ label, clock, t, lang }: { label: string; clock: ClockCompliance; t: CustomerHistoryT; lang: Lang }) => {
  const tone = clock.pct === null ? '' : clock.breached === 0 ? 'tone-ok' : clock.pct >= 90 ? 'tone-warn' : 'tone-danger';
  return (
    <div className="ch-clock">
      <div className="row">
        <span>{label}</span>
        <span className="spacer" />
        <strong className={`lt-pct ${tone}`}>{clock.pct === null ? '—' : formatPercent(clock.pct, lang)}</strong>
      </div>
      <div className="faint">{clock.pct === null ? t('sla.none') : t('sla.counts', { met: clock.met, breached: clock.breached })}</div>
    </div>
  );
};

const SlaMonth = ({ history, t, lang }: { history: CustomerHistory; t: CustomerHistoryT; lang: Lang }) => (
  <section className="card" data-testid="ch-sla">
    <div className="card-head">
      <Icon name="clock" size={14} />
      <h3>{t('sla.title', { month: formatMonth(history.compliance.month, lang) })}</h3>
    </div>
    <div className="card-body stack">
      <ClockLine label={t('sla.firstResponse')} clock={history.compliance.firstResponse} t={t} lang={lang} />
      <ClockLine label={t('sla.resolution')} clock={history.compliance.resolution} t={t} lang={lang} />
    </div>
  </section>
);

export const CustomerHistoryPage = ({ id }: { id: string }) => {
  const { customerHistory } = useServices();
  const lang = useUi((s) => s.lang);
  const t = customerHistoryT(lang);
  const me = useSession((s) => s.analyst);
  const navigate = useRouter((s) => s.navigate);
  const previous = useRouter((s) => s.previous);
  const history = useCustomerHistory((s) => (s.customerId === id ? s.history : null));
  const error = useCustomerHistory((s) => (s.customerId === id ? s.error : null));
  const penalties = useCustomerHistory((s) => (s.customerId === id ? s.penalties : null));

  // Arriving here, the keyboard starts at the customer's name (announced, and Tab goes on into the page) — unless
  // this is the way back from one of its OCs, whose row takes the focus (OcHistory).
  const heading = useRef<HTMLHeadingElement>(null);
  const [returning] = useState(() => customerHistory.getState().customerId === id && customerHistory.getState().lastOcId !== null);
  const shown = history !== null;
  useEffect(() => {
    if (shown && !returning && (document.activeElement === null || document.activeElement === document.body)) heading.current?.focus();
  }, [shown, returning]);
  useEffect(() => customerHistory.connect(), [customerHistory]);
  useEffect(() => {
    void customerHistory.getState().open(id);
  }, [customerHistory, id]);
  // Back is where the analyst came from (the OC, the phone, the register, a queue), the queue when opened directly.
  const back = (): void => navigate(previous !== null && !(previous.name === 'customer' && previous.id === id) ? previous : { name: 'queue' });
  useHotkeys({ Escape: back });

  if (error !== null && history === null) {
    return (
      <div className="page">
        <EmptyState icon="xCircle" title={t('notFound')}>
          {error.message[lang]}
          <div style={{ marginTop: 12 }}>
            <Button icon="arrowLeft" onClick={back} data-testid="ch-back">
              {t('back')}
            </Button>
          </div>
        </EmptyState>
      </div>
    );
  }
  if (history === null) return <div className="page page-loading">{t('loading')}</div>;
  const c = history.card.customer;
  const summary = [
    t('sum.open', { count: history.openOcs }),
    t('sum.closed', { count: history.closedOcs }),
    t('sum.calls', { count: history.calls }),
    t('sum.recados', { count: history.openRecados }),
  ].join(' · ');
  return (
    <div className="page ch-page" data-testid="customer-history" data-customer-id={c.id}>
      <header className="page-head ch-head">
        <Button variant="ghost" icon="arrowLeft" onClick={back} title={t('backHint')} data-testid="ch-back">
          {t('back')}
        </Button>
        <div className="ch-title">
          <div className="subhead">{t('title')}</div>
          <h1 ref={heading} tabIndex={-1} className="ch-name customer-name" title={c.name} data-testid="ch-name">
            <PlanBadge plan={c.plan} lang={lang} /> <span className="ch-name-text">{c.name}</span>
          </h1>
          <div className="page-sub ch-sub">
            <span className="mono">{formatCnpj(c.cnpj)}</span> · <span data-testid="ch-summary">{summary}</span>
          </div>
        </div>
        <div className="ch-actions">
          <Button icon="phone" onClick={() => navigate({ name: 'phone', customerId: c.id })} data-testid="ch-phone">
            {t('phone')}
          </Button>
          {me !== null && isLead(me) ? (
            <Button variant="ghost" icon="pencil" onClick={() => navigate({ name: 'customers', id: c.id })} title={t('manageHint')} data-testid="ch-manage">
              {t('manage')}
            </Button>
          ) : null}
        </div>
      </header>
      <div className="ch-grid">
        <div className="ch-main">
          <OcHistory t={t} lang={lang} />
          <div className="ch-two">
            <CallHistory t={t} lang={lang} />
            <RecadoHistory t={t} lang={lang} />
          </div>
        </div>
        <aside className="ch-side">
          <SlaMonth history={history} t={t} lang={lang} />
          <CustomerCardView card={history.card} penalties={penalties} compact onHistoryPage />
        </aside>
      </div>
    </div>
  );
};
