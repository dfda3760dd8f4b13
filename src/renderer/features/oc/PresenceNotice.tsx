import type { OcViewer } from '../../../shared/api/workspace';
import { useT } from '../../app/services';
import { Avatar } from '../../components/badges';
import { Icon } from '../../components/icons';

/** SPEC §4 collision notice: who else is viewing or replying to this OC right now. */
export const PresenceNotice = ({ viewers }: { viewers: OcViewer[] }) => {
  const { t } = useT();
  if (viewers.length === 0) return null;
  const replying = viewers.filter((v) => v.activity === 'replying');
  const viewing = viewers.filter((v) => v.activity === 'viewing');
  const names = (list: OcViewer[]): string => list.map((v) => v.name).join(', ');
  return (
    <div className={`presence${replying.length > 0 ? ' is-replying' : ''}`} role="status" data-testid="presence-notice">
      <Icon name={replying.length > 0 ? 'pencil' : 'eye'} size={15} />
      <div className="presence-avatars">
        {viewers.slice(0, 4).map((v) => (
          <Avatar key={v.analystId} name={v.name} size={22} />
        ))}
      </div>
      <div>
        {replying.length > 0 ? <strong>{t(replying.length === 1 ? 'presence.replying' : 'presence.replyingMany', { names: names(replying) })}</strong> : null}
        {replying.length > 0 && viewing.length > 0 ? ' · ' : null}
        {viewing.length > 0 ? <span>{t(viewing.length === 1 ? 'presence.viewing' : 'presence.viewingMany', { names: names(viewing) })}</span> : null}
        {replying.length > 0 ? <span className="presence-hint"> {t('presence.hint')}</span> : null}
      </div>
    </div>
  );
};
