import type { OcDetail } from '../../../shared/api/views';
import { ocStage } from '../../../shared/oc/stage';
import { useNow, useSession, useT } from '../../app/services';
import { Icon } from '../../components/icons';
import { formatWhen } from '../../lib/format';

/**
 * An escalated OC no N2 has taken (shared/oc/stage.ts): who escalated it, its pick-up OLA, and what the viewer can
 * do — an N1 follows it and adds notes (the state machine refuses the rest, with the same reason); an N2 takes it.
 */
export const EscalationNotice = ({ detail }: { detail: OcDetail }) => {
  const { t, lang } = useT();
  const now = useNow();
  const me = useSession((s) => s.analyst);
  const analystName = useSession((s) => s.analystName);
  const oc = detail.oc;
  if (ocStage(oc) !== 'aguardando_n2') return null;
  const by = analystName(oc.escalatedById);
  const ola = detail.sla.find((clock) => clock.clock === 'ola_n2');
  const olaLine =
    ola === undefined
      ? null
      : ola.breachedAt !== null
        ? t('escalated.olaBreached', { when: formatWhen(ola.breachedAt, now, lang) })
        : ola.dueAt !== null
          ? t('escalated.ola', { when: formatWhen(ola.dueAt, now, lang) })
          : null;
  const forMe = me === null ? null : me.level === 'n1' && me.role === 'analyst' ? t('escalated.forN1') : me.level === 'n2' ? t('escalated.forN2') : null;
  return (
    <div className={`escalation${ola?.breachedAt != null ? ' is-breached' : ''}`} role="status" data-testid="escalation-notice">
      <Icon name="escalate" size={16} />
      <div>
        <strong>{t('escalated.title')}</strong> · {by === null ? t('escalated.byNobody') : t('escalated.by', { name: by })}
        {olaLine === null ? null : <> {olaLine}</>}
        {forMe === null ? null : <span className="escalation-hint"> {forMe}</span>}
      </div>
    </div>
  );
};
