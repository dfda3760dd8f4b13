import type { CustomerCard } from '../../../shared/api/views';
import type { CustomerPenalties } from '../../../shared/api/workspace';
import { isLead } from '../../../shared/oc/permissions';
import { formatCnpj } from '../../../shared/domain';
import { useRouter, useSession, useT } from '../../app/services';
import { PlanBadge } from '../../components/badges';
import { Button } from '../../components/Button';
import { Icon } from '../../components/icons';
import { formatMoney, formatMonth } from '../../lib/format';

/**
 * Plan, eligibility (the manual's three prerequisites), contacts and this month's penalties, with a link to the
 * customer's whole history (its own page, which shows this card too: `onHistoryPage` leaves the links out there).
 */
export const CustomerCardView = ({ card, penalties, compact = false, onHistoryPage = false }: { card: CustomerCard; penalties: CustomerPenalties | null; compact?: boolean; onHistoryPage?: boolean }) => {
  const { t, lang } = useT();
  const catalogName = useSession((s) => s.catalogName);
  const me = useSession((s) => s.analyst);
  const navigate = useRouter((s) => s.navigate);
  const c = card.customer;
  const eligible = card.missingEligibility.length === 0;
  return (
    <section className="card customer-card" aria-label={t('customer.title')} data-testid="customer-card">
      <div className="card-head">
        <Icon name="building" size={14} />
        <h3>{t('customer.title')}</h3>
        <span className="spacer" />
        {/* Leads and admins keep the register (SPEC §8): straight to this customer, e.g. to mark a prerequisite. */}
        {onHistoryPage ? null : (
          <Button size="s" variant="ghost" icon="history" onClick={() => navigate({ name: 'customer', id: c.id })} data-testid="customer-history-link" title={t('customer.historyHint')}>
            {t('customer.history')}
          </Button>
        )}
        {me !== null && isLead(me) && !onHistoryPage ? (
          <Button size="s" variant="ghost" icon="pencil" onClick={() => navigate({ name: 'customers', id: c.id })} data-testid="customer-manage" title={t('customer.manage')}>
            {t('customer.manageShort')}
          </Button>
        ) : null}
        {compact ? null : (
          <Button size="s" variant="ghost" icon="phone" onClick={() => navigate({ name: 'phone', customerId: c.id })}>
            {t('nav.phone')}
          </Button>
        )}
      </div>
      <div className="card-body stack">
        <div>
          <div className="customer-name">
            <PlanBadge plan={c.plan} lang={lang} /> {c.name}
          </div>
          <div className="muted mono">{formatCnpj(c.cnpj)}</div>
        </div>
        <dl className="kv-grid">
          <dt>{t('customer.segment')}</dt>
          <dd>{catalogName(c.segment)}</dd>
          <dt>{t('customer.fee')}</dt>
          <dd>{formatMoney(c.monthlyFeeCents, lang)}</dd>
          <dt>OCs</dt>
          <dd>{t('customer.openOcs', { count: card.openOcs })}</dd>
        </dl>
        <div className={`eligibility ${eligible ? 'is-ok' : 'is-missing'}`} data-testid="eligibility">
          <Icon name={eligible ? 'checkCircle' : 'triangle'} size={14} />
          <div>
            <div className="eligibility-title">{eligible ? t('customer.eligible') : t('customer.notEligible')}</div>
            {card.missingEligibility.map((item) => (
              <div key={item} className="eligibility-item">
                {t(`customer.missing.${item as 'implantacao_term'}`)}
              </div>
            ))}
          </div>
        </div>
        {penalties === null ? null : (
          <div className={`penalty${penalties.breaches > 0 ? ' has-penalty' : ''}`} data-testid="penalties">
            <div className="penalty-title">{t('customer.penalties', { month: formatMonth(penalties.month, lang) })}</div>
            {penalties.breaches === 0 ? (
              <div className="faint">{t('customer.penaltyNone')}</div>
            ) : (
              <div className="row">
                <strong>{formatMoney(penalties.penaltyCents, lang)}</strong>
                <span className="muted">· {t('customer.penaltyBreaches', { count: penalties.breaches })}</span>
                <span className="spacer" />
                <span className={penalties.capped ? 'tag tag-danger' : 'faint'}>{penalties.capped ? t('customer.penaltyCapped') : t('customer.penaltyCap', { cap: formatMoney(penalties.capCents, lang) })}</span>
              </div>
            )}
          </div>
        )}
        <div>
          <div className="subhead">{t('customer.contacts')}</div>
          <ul className="contacts">
            {card.contacts
              .filter((contact) => contact.active)
              .map((contact) => (
                <li key={contact.id}>
                  <div className="row">
                    <span className="contact-name">{contact.name}</span>
                    {contact.extranetAccess ? <span className="tag tag-info">{t('customer.extranet')}</span> : null}
                  </div>
                  <div className="faint">
                    {t(`customer.role.${contact.role}`)} · {contact.email}
                    {contact.phone === null ? '' : ` · ${contact.phone}`}
                  </div>
                </li>
              ))}
          </ul>
        </div>
      </div>
    </section>
  );
};
