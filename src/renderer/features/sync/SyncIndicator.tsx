import { useState } from 'react';
import { useNow, useSession, useSync, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { FloatingLayer, usePopover } from '../../components/floating';
import { Icon, type IconName } from '../../components/icons';
import { formatCountdown, formatNumber, formatWhen } from '../../lib/format';
import { RejectedNotices } from './RejectedNotices';

const LOOK: Record<string, { icon: IconName; tone: string }> = {
  online: { icon: 'wifi', tone: 'ok' },
  offline: { icon: 'wifiOff', tone: 'danger' },
  connecting: { icon: 'refresh', tone: 'warn' },
  local_only: { icon: 'inbox', tone: 'muted' },
};

/** SPEC §6: the UI always shows the sync state — online, offline since, pending changes, last sync. */
export const SyncIndicator = () => {
  const { t, lang } = useT();
  const now = useNow();
  const sync = useSync((s) => s.sync);
  const notices = useSync((s) => s.notices);
  const logout = useSession((s) => s.logout);
  const [open, setOpen] = useState(false);
  const { refs, floatingStyles, context, nodeId, getReferenceProps, getFloatingProps } = usePopover({ open, onOpenChange: setOpen, placement: 'bottom-end' });
  if (sync === null) return null;
  // An ended access outranks every other state: nothing syncs until that analyst logs in again (SPEC §7).
  const ended = sync.accessEnded ?? null;
  const look = ended !== null ? { icon: 'lock' as IconName, tone: 'danger' } : (LOOK[sync.status] ?? { icon: 'circle', tone: 'muted' });
  const label = ended !== null ? t('sync.accessEnded') : t(`sync.${sync.status}`);
  const detail =
    ended !== null
      ? null
      : sync.status === 'offline' && sync.offlineSince !== null
      ? t('sync.offlineSince', { time: formatWhen(sync.offlineSince, now, lang) })
      : sync.lastSyncAt !== null
        ? t('sync.synced', { time: formatWhen(sync.lastSyncAt, now, lang) })
        : sync.status === 'local_only'
          ? null
          : t('sync.never');
  return (
    <>
      <button type="button" ref={refs.setReference} className={`sync-pill sync-${look.tone}`} data-testid="sync-indicator" data-sync-status={sync.status} data-pending={sync.pending} data-access-ended={ended?.reason} {...getReferenceProps()}>
        <Icon name={look.icon} size={14} />
        <strong>{label}</strong>
        {detail === null ? null : <span className="sync-detail">· {detail}</span>}
        {sync.pending > 0 ? <span className="sync-pending" data-testid="sync-pending">{t('sync.pending', { count: sync.pending })}</span> : null}
        {notices.length > 0 ? <span className="sync-rejected" title={t('sync.rejected')}><Icon name="triangle" size={12} /> {notices.length}</span> : null}
      </button>
      {open ? (
        <FloatingLayer nodeId={nodeId} context={context}>
        <div ref={refs.setFloating} className="menu sync-pop" style={floatingStyles} aria-label={t('sync.title')} data-testid="sync-popover" {...getFloatingProps()}>
          <h3>{t('sync.title')}</h3>
          {ended !== null ? (
            <div className="sync-ended" role="alert" data-testid="sync-access-ended">
              <div className="sync-ended-title"><Icon name="lock" size={14} /> {t('sync.accessEndedOf', { name: ended.analystName })}</div>
              <div>{ended.message[lang]}</div>
              <div className="faint">{sync.pending > 0 ? t('sync.accessEndedKept', { count: sync.pending, name: ended.analystName }) : t('sync.accessEndedNone')}</div>
              {ended.reason === 'deactivated' ? null : (
                <div className="row">
                  <Button size="s" onClick={() => void logout()} data-testid="sync-login-again">{t('sync.loginAgain')}</Button>
                </div>
              )}
            </div>
          ) : null}
          {sync.status === 'offline' ? <div className="notice-line">{t('sync.workingOffline')}</div> : null}
          <dl className="kv-grid">
            <dt>{t('sync.status')}</dt>
            <dd>{label}{sync.offlineSince === null ? '' : ` · ${t('sync.offlineSince', { time: formatWhen(sync.offlineSince, now, lang) })}`}</dd>
            <dt>{t('sync.server')}</dt>
            {sync.serverUrl === null ? <dd>{t('sync.noServer')}</dd> : <dd className="ellipsis" title={sync.serverUrl}>{sync.serverUrl}</dd>}
            <dt>{t('sync.lastSync')}</dt>
            <dd>{sync.lastSyncAt === null ? t('sync.never') : formatWhen(sync.lastSyncAt, now, lang)}</dd>
            <dt>{t('sync.pendingLabel')}</dt>
            <dd title={t('sync.pendingHint')}>{formatNumber(sync.pending, lang)}</dd>
            {sync.clockOffsetMs === 0 ? null : (
              <>
                <dt>{t('sync.offset')}</dt>
                <dd>{Math.abs(sync.clockOffsetMs) < 60_000 ? `${formatNumber(Math.round(sync.clockOffsetMs / 1000), lang)} s` : formatCountdown(sync.clockOffsetMs)}</dd>
              </>
            )}
            {sync.problem === null ? null : (
              <>
                <dt>{t('sync.problem')}</dt>
                <dd className="danger-text">{sync.problem}</dd>
              </>
            )}
          </dl>
          <RejectedNotices notices={notices} />
        </div>
        </FloatingLayer>
      ) : null}
    </>
  );
};
