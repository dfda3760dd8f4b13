import type { CustomerRecado } from '../../../shared/api/customer-history';
import { useCustomerHistory, useNow, useRouter, useServices, useSession } from '../../app/services';
import { Button } from '../../components/Button';
import { FormError } from '../../components/Field';
import { Icon } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import { formatNumber, formatShortDateTime, formatWhen } from '../../lib/format';
import { CallEntryItem } from '../phone/CallEntryItem';
import type { CustomerHistoryT } from './messages';

/** Opens an OC from this page, remembering it so the way back puts the focus on it again. */
const useOpenOc = () => {
  const { customerHistory } = useServices();
  const navigate = useRouter((s) => s.navigate);
  return (ocId: string): void => {
    customerHistory.getState().rememberOc(ocId);
    navigate({ name: 'oc', id: ocId });
  };
};

/** Every call logged for the customer, newest first — on an OC (linked) or on the customer alone — read in pages. */
export const CallHistory = ({ t, lang }: { t: CustomerHistoryT; lang: Lang }) => {
  const { customerHistory } = useServices();
  const calls = useCustomerHistory((s) => s.calls);
  const error = useCustomerHistory((s) => s.callsError);
  const openOc = useOpenOc();
  const entries = calls?.entries ?? [];
  const total = calls?.total ?? 0;
  return (
    <section className="card ch-list-card" aria-label={t('calls.title')} data-testid="ch-calls">
      <div className="card-head">
        <Icon name="phone" size={14} />
        <h3>{t('calls.title')}</h3>
        <span className="spacer" />
        {total === 0 ? null : <span className="faint ch-count" data-testid="ch-calls-count">{t('calls.count', { shown: entries.length, total })}</span>}
      </div>
      <div className="card-body">
        <FormError message={error === null ? null : error.message[lang]} />
        {calls !== null && total === 0 ? <p className="faint ch-empty">{t('calls.none')}</p> : null}
        <ul className="oc-mini-list ch-scroll">
          {entries.map((entry) => <CallEntryItem key={entry.id} entry={entry} onOpen={openOc} wrap testId="ch-call" />)}
        </ul>
        {entries.length < total ? (
          <Button size="s" variant="ghost" icon="chevronDown" onClick={() => void customerHistory.getState().moreCalls()} data-testid="ch-calls-more">
            {t('calls.more')}
          </Button>
        ) : null}
      </div>
    </section>
  );
};

const RecadoItem = ({ recado, t, lang, now, onOpen }: { recado: CustomerRecado; t: CustomerHistoryT; lang: Lang; now: number; onOpen: (ocId: string) => void }) => {
  const analystName = useSession((s) => s.analystName);
  const done = recado.doneAt !== null;
  const meta = [t('recados.for', { name: analystName(recado.forAnalystId) ?? '—' }), t('recados.from', { name: analystName(recado.fromAnalystId) ?? '—' }), formatShortDateTime(recado.createdAt, lang)].join(' · ');
  return (
    <li className={`ch-recado${done ? ' is-done' : ''}`} data-testid="ch-recado" data-done={done}>
      <div className="row">
        <span className={`tag ${done ? 'tag-ok' : 'tag-warn'}`}>
          <Icon name={done ? 'checkCircle' : 'message'} size={12} />
          {done ? t('recados.done', { when: formatWhen(recado.doneAt as number, now, lang) }) : t('recados.open')}
        </span>
        <span className="ch-wrap ch-caller">
          {t('recados.caller', { name: recado.callerName })}
          {recado.callerPhone === null ? '' : ` · ${recado.callerPhone}`}
        </span>
        <span className="spacer" />
        {recado.ocId === null || recado.displayNumber === null ? null : (
          <button type="button" className="link mono" onClick={() => onOpen(recado.ocId as string)}>
            {recado.displayNumber}
          </button>
        )}
      </div>
      <div className="ch-wrap recado-message">{recado.message}</div>
      <div className="faint ch-wrap recado-meta">{meta}</div>
    </li>
  );
};

/** The recados left about the customer: the pending ones first (they wait on someone), then the done ones. */
export const RecadoHistory = ({ t, lang }: { t: CustomerHistoryT; lang: Lang }) => {
  const history = useCustomerHistory((s) => s.history);
  const now = useNow();
  const openOc = useOpenOc();
  if (history === null) return null;
  return (
    <section className="card ch-list-card" aria-label={t('recados.title')} data-testid="ch-recados">
      <div className="card-head">
        <Icon name="message" size={14} />
        <h3>{t('recados.title')}</h3>
        <span className="spacer" />
        <span className="faint ch-count">{formatNumber(history.recadosTotal, lang)}</span>
      </div>
      <div className="card-body">
        {history.recadosTotal === 0 ? <p className="faint ch-empty">{t('recados.none')}</p> : null}
        {history.recados.length < history.recadosTotal ? <p className="faint ch-note">{t('recados.shown', { shown: history.recados.length, total: history.recadosTotal })}</p> : null}
        <ul className="ch-recados ch-scroll">
          {history.recados.map((recado) => (
            <RecadoItem key={recado.id} recado={recado} t={t} lang={lang} now={now} onOpen={openOc} />
          ))}
        </ul>
      </div>
    </section>
  );
};
