import { ocStage } from '../../../shared/oc/stage';
import type { OcDetail } from '../../../shared/api/views';
import { CHANNEL_LABELS, KIND_LABELS } from '../../../shared/domain';
import { useNow, useOc, useSession, useT } from '../../app/services';
import { Avatar, CriticidadeBadge, LevelBadge, PlanBadge, StatusBadge, Tag } from '../../components/badges';
import { IconButton } from '../../components/Button';
import { formatWhen } from '../../lib/format';
import { EscalationNotice } from './EscalationNotice';
import { PresenceNotice } from './PresenceNotice';

export const OcHeader = ({ detail, meId, onBack }: { detail: OcDetail; meId: string; onBack: () => void }) => {
  const { t, lang } = useT();
  const now = useNow();
  const catalogName = useSession((s) => s.catalogName);
  const analystName = useSession((s) => s.analystName);
  const viewers = useOc((s) => s.viewers);
  const oc = detail.oc;
  const assignee = analystName(oc.assigneeId);
  return (
    <header className="oc-head">
      <div className="oc-head-top">
        <IconButton label={t('oc.back')} icon="arrowLeft" onClick={onBack} data-testid="oc-back" />
        <span className="oc-number mono" data-testid="oc-number">
          {detail.displayNumber}
        </span>
        {detail.pending ? (
          <Tag tone="pending" icon="refresh" title={t('common.pendingHint')}>
            {t('common.pending')}
          </Tag>
        ) : null}
        <span className="faint oc-opened">{t('oc.opened', { when: formatWhen(oc.createdAt, now, lang), channel: CHANNEL_LABELS[oc.channel][lang] })}</span>
        <span className="spacer" />
        <span className="oc-assignee" data-testid="oc-assignee">
          <span className="faint">{t('oc.assignee')}:</span>
          {assignee === null ? (
            <span className="faint">{t('common.unassigned')}</span>
          ) : (
            <>
              <Avatar name={assignee} size={22} />
              <strong className="ellipsis" title={oc.assigneeId === meId ? t('queue.me', { name: assignee }) : assignee}>{oc.assigneeId === meId ? t('queue.me', { name: assignee }) : assignee}</strong>
            </>
          )}
        </span>
      </div>
      {/* Two lines at most (a 200-character subject would push the conversation away); the whole on hover. */}
      <h1 className="oc-subject" title={oc.subject} data-testid="oc-subject">
        {oc.subject}
      </h1>
      <div className="oc-badges">
        <StatusBadge stage={ocStage(oc)} lang={lang} />
        <CriticidadeBadge criticidade={oc.criticidade} lang={lang} />
        <LevelBadge level={oc.level} lang={lang} />
        <PlanBadge plan={oc.plan} lang={lang} />
        <Tag icon="layers">{catalogName(oc.module)}</Tag>
        <Tag icon="building">{catalogName(oc.segment)}</Tag>
        <Tag icon="tag">{KIND_LABELS[oc.kind][lang]}</Tag>
      </div>
      <EscalationNotice detail={detail} />
      <PresenceNotice viewers={viewers} />
    </header>
  );
};
