import { useNotifications, useNow, useRouter, useT } from '../../app/services';
import { IconButton } from '../../components/Button';
import { FloatingLayer, usePopover } from '../../components/floating';
import { Icon } from '../../components/icons';
import { formatWhen } from '../../lib/format';

/** Warnings (50/75/90 %) and breaches on the OCs assigned to me. */
export const NotificationsBell = () => {
  const { t, lang } = useT();
  const now = useNow();
  const alerts = useNotifications((s) => s.alerts);
  const unread = useNotifications((s) => s.unread);
  const open = useNotifications((s) => s.open);
  const setOpen = useNotifications((s) => s.setOpen);
  const clear = useNotifications((s) => s.clear);
  const navigate = useRouter((s) => s.navigate);
  const { refs, floatingStyles, context, nodeId, getReferenceProps, getFloatingProps } = usePopover({ open, onOpenChange: setOpen, placement: 'bottom-end' });
  return (
    <div className="bell">
      <IconButton ref={refs.setReference} label={t('notif.title')} icon="bell" data-testid="notifications" {...getReferenceProps()} />
      {unread > 0 ? <span className="bell-count" data-testid="notifications-unread">{unread}</span> : null}
      {open ? (
        <FloatingLayer nodeId={nodeId} context={context}>
        <div ref={refs.setFloating} className="menu notif-pop" style={floatingStyles} aria-label={t('notif.title')} {...getFloatingProps()}>
          <div className="row">
            <h3>{t('notif.title')}</h3>
            <span className="spacer" />
            {alerts.length > 0 ? <button type="button" className="link" onClick={clear}>{t('notif.clear')}</button> : null}
          </div>
          {alerts.length === 0 ? <div className="faint">{t('notif.none')}</div> : null}
          <ul className="notices">
            {alerts.map((alert) => (
              <li key={alert.id}>
                <button type="button" className={`notif ${alert.threshold >= 100 ? 'is-breach' : 'is-warning'}`} onClick={() => { setOpen(false); navigate({ name: 'oc', id: alert.ocId }); }}>
                  <Icon name={alert.threshold >= 100 ? 'octagon' : 'triangle'} size={14} />
                  <span className="notice-main">
                    <span>{t(alert.threshold >= 100 ? 'notif.breach' : 'notif.warning', { number: alert.displayNumber, clock: t(`sla.clock.${alert.clock}`), threshold: alert.threshold })}</span>
                    <span className="faint ellipsis" title={`${alert.subject} · ${formatWhen(alert.at, now, lang)}`}>{alert.subject} · {formatWhen(alert.at, now, lang)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        </FloatingLayer>
      ) : null}
    </div>
  );
};
