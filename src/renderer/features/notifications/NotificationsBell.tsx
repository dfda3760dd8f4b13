import { useNotifications, useNow, useQueue, useRouter, useT } from '../../app/services';
import { IconButton } from '../../components/Button';
import { FloatingLayer, usePopover } from '../../components/floating';
import { Icon } from '../../components/icons';
import { formatDuration, formatPercent, formatWhen } from '../../lib/format';
import { activeAlerts } from './active-alerts';

/** The breached and at-risk clocks of the OCs I hold now, then the warnings and breaches that arrived live. */
export const NotificationsBell = () => {
  const { t, lang } = useT();
  const now = useNow();
  const alerts = useNotifications((s) => s.alerts);
  const unread = useNotifications((s) => s.unread);
  const open = useNotifications((s) => s.open);
  const setOpen = useNotifications((s) => s.setOpen);
  const clear = useNotifications((s) => s.clear);
  const navigate = useRouter((s) => s.navigate);
  const my = useQueue((s) => s.my);
  const active = activeAlerts(my?.mine ?? [], now, my?.warnFromPct ?? 100);
  const go = (ocId: string): void => {
    setOpen(false);
    navigate({ name: 'oc', id: ocId });
  };
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
          </div>
          <h4 className="notif-section">{t('notif.now')}</h4>
          {active.length === 0 ? <div className="faint" data-testid="notif-active-none">{t('notif.noneActive')}</div> : null}
          <ul className="notices" data-testid="notif-active">
            {active.map((a) => (
              <li key={`${a.ocId}:${a.clock}`}>
                <button type="button" className={`notif ${a.kind === 'breach' ? 'is-breach' : 'is-warning'}`} onClick={() => go(a.ocId)}>
                  <Icon name={a.kind === 'breach' ? 'octagon' : 'triangle'} size={14} />
                  <span className="notice-main">
                    <span>
                      {a.kind === 'breach'
                        ? t('notif.activeBreach', { number: a.displayNumber, clock: t(`sla.clock.${a.clock}`), age: formatDuration(now - a.at) })
                        : t('notif.activeWarning', { number: a.displayNumber, clock: t(`sla.clock.${a.clock}`), percent: formatPercent(a.percent, lang, 0), left: formatDuration(a.at - now) })}
                    </span>
                    <span className="faint ellipsis" title={a.subject}>{a.subject}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="row">
            <h4 className="notif-section">{t('notif.recent')}</h4>
            <span className="spacer" />
            {alerts.length > 0 ? <button type="button" className="link" onClick={clear}>{t('notif.clear')}</button> : null}
          </div>
          {alerts.length === 0 ? <div className="faint">{t('notif.none')}</div> : null}
          <ul className="notices" data-testid="notif-recent">
            {alerts.map((alert) => (
              <li key={alert.id}>
                <button type="button" className={`notif ${alert.threshold >= 100 ? 'is-breach' : 'is-warning'}`} onClick={() => go(alert.ocId)}>
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
