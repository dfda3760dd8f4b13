import type { OcDetail } from '../../../shared/api/views';
import { CHANNEL_LABELS, KIND_LABELS } from '../../../shared/domain';
import { useSession, useT } from '../../app/services';
import { Icon } from '../../components/icons';
import { formatMoney } from '../../lib/format';

export const DetailsCard = ({ detail }: { detail: OcDetail }) => {
  const { t, lang } = useT();
  const analystName = useSession((s) => s.analystName);
  const oc = detail.oc;
  const contact = detail.customer.contacts.find((c) => c.id === oc.contactId);
  return (
    <section className="card" aria-label={t('oc.details')} data-testid="details-card">
      <div className="card-head">
        <Icon name="tag" size={14} />
        <h3>{t('oc.details')}</h3>
      </div>
      <dl className="card-body kv-grid">
        <dt>{t('oc.kind')}</dt>
        <dd>{KIND_LABELS[oc.kind][lang]}</dd>
        <dt>{t('oc.channel')}</dt>
        <dd>{CHANNEL_LABELS[oc.channel][lang]}</dd>
        {contact === undefined ? null : (
          <>
            <dt>{t('oc.contact')}</dt>
            <dd>{contact.name}</dd>
          </>
        )}
        {oc.preferredAnalystId === null ? null : (
          <>
            <dt>{t('oc.preferred')}</dt>
            <dd>{analystName(oc.preferredAnalystId) ?? '—'}</dd>
          </>
        )}
        {oc.devReference === null ? null : (
          <>
            <dt>{t('oc.devReference')}</dt>
            <dd className="mono">{oc.devReference}</dd>
          </>
        )}
        {oc.targetVersion === null ? null : (
          <>
            <dt>{t('oc.targetVersion')}</dt>
            <dd className="mono">{oc.targetVersion}</dd>
          </>
        )}
        {oc.quote === null ? null : (
          <>
            <dt>{t('oc.quote')}</dt>
            <dd>
              {formatMoney(oc.quote.amountCents, lang)} ·{' '}
              {oc.quote.decision === null ? t('oc.quotePending') : oc.quote.decision.approved ? t('quote.approved') : t('quote.rejected')}
            </dd>
          </>
        )}
        {oc.resolution === null ? null : (
          <>
            <dt>{t('oc.resolution')}</dt>
            <dd>{oc.resolution.note === '' ? '—' : oc.resolution.note}</dd>
          </>
        )}
      </dl>
    </section>
  );
};
