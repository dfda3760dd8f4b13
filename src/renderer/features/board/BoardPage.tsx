import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { SyncState } from '../../../shared/api/notices';
import { useNow, useServices, useSync, useUi } from '../../app/services';
import { Icon } from '../../components/icons';
import type { Lang } from '../../i18n/define';
import type { TransportState } from '../../lib/api/transport';
import { formatTime } from '../../lib/format';
import { createBeeper } from './beep';
import { createBoardStore } from './board-store';
import { Kpis } from './Kpis';
import { INFO_PERIOD_MS } from './layout';
import { liveBoard } from './live';
import { boardT, type BoardT } from './messages';
import { NextBreaches } from './NextBreaches';
import { SidePanel } from './SidePanel';
import './board.css';
import './board-side.css';

// The wall-mounted SLA board (SPEC §5): full screen, read-only, dark, readable from 5 m. It reads only the local
// core, counts down from the one shared tick, and keeps counting when the server — or the core's socket — is gone.

const SyncPill = ({ sync, transport, t, lang }: { sync: SyncState | null; transport: TransportState; t: BoardT; lang: Lang }) => {
  if (transport.status === 'closed') {
    return (
      <span className="board-pill tone-breached" data-sync="core-lost">
        <Icon name="wifiOff" className="board-pill-icon" />
        {t('sync.offline')}
      </span>
    );
  }
  const status = sync?.status ?? 'connecting';
  const offline = status === 'offline';
  const text = offline
    ? sync?.offlineSince == null ? t('sync.offline') : t('sync.offlineSince', { time: formatTime(sync.offlineSince, lang) })
    : t(`sync.${status}`);
  return (
    <span className={`board-pill ${offline ? 'tone-risk' : status === 'online' ? 'tone-ok' : 'tone-neutral'}`} data-sync={status}>
      <Icon name={offline ? 'wifiOff' : 'wifi'} className="board-pill-icon" />
      {text}
    </span>
  );
};

export const BoardPage = () => {
  const services = useServices();
  const lang = useUi((s) => s.lang);
  const t = boardT(lang);
  const [beeper] = useState(() => createBeeper(window));
  const [board] = useState(() => createBoardStore(services.api, beeper, services.clock.read));
  const [soundBlocked, setSoundBlocked] = useState(false);
  const state = useStore(board);
  const sync = useSync((s) => s.sync);
  const transport = useSync((s) => s.transport);
  const tick = useNow();
  const now = tick + state.offsetMs;

  useEffect(() => {
    const disconnect = board.connect();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'm' || event.key === 'M') board.getState().toggleMute();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      disconnect();
      beeper.close();
    };
  }, [board, beeper]);

  useEffect(() => {
    board.getState().observe(now);
    setSoundBlocked(!state.muted && beeper.blocked());
  }, [board, beeper, now, state.muted]);

  const snapshot = state.snapshot;
  const live = useMemo(() => (snapshot === null ? null : liveBoard(snapshot, now)), [snapshot, now]);
  const moduleName = useMemo(() => {
    const names = new Map(snapshot?.compliance.byModule.map((m) => [m.key, m.label]) ?? []);
    return (slug: string): string => names.get(slug) ?? slug;
  }, [snapshot]);

  return (
    <div
      className="board"
      data-testid="sla-board"
      data-now={now}
      data-beeps={state.beeps}
      data-muted={state.muted}
      onClick={() => void beeper.unlock().then(() => setSoundBlocked(false))}
    >
      <header className="board-header">
        <div className="board-title">
          <span className="board-brand">S.O.E. War Room</span>
          <span className="board-subtitle board-ellipsis" title={t('title')}>{t('title')}</span>
        </div>
        <div className="board-clock" data-testid="board-clock">
          {formatTime(now, lang)}
          <span className="board-seconds">:{String(Math.floor((now / 1000) % 60)).padStart(2, '0')}</span>
        </div>
        <div className="board-status">
          <SyncPill sync={sync ?? snapshot?.sync ?? null} transport={transport} t={t} lang={lang} />
          <button
            type="button"
            className={`board-pill board-sound ${state.muted ? 'tone-neutral' : 'tone-ok'}`}
            data-testid="board-mute"
            aria-pressed={state.muted}
            onClick={(event) => {
              event.stopPropagation();
              board.getState().toggleMute();
            }}
          >
            <Icon name={state.muted ? 'x' : 'bell'} className="board-pill-icon" />
            {soundBlocked ? t('sound.blocked') : state.muted ? t('sound.off') : t('sound.on')}
          </button>
        </div>
      </header>
      {transport.status === 'closed' ? <div className="board-banner" role="status">{t('core.lost')}</div> : null}
      {snapshot === null || live === null ? (
        <div className="board-loading" role="status">
          {state.error === null ? t('loading') : state.error.code === 'NOT_LOGGED_IN' ? t('error.login') : state.error.message[lang]}
        </div>
      ) : (
        <>
          <Kpis snapshot={snapshot} live={live} t={t} lang={lang} />
          <main className="board-body">
            <NextBreaches
              items={live.next}
              total={Math.max(live.next.length, snapshot.runningCount - (snapshot.nextBreaches.length - live.next.length))}
              ctx={{ now, lang, t, moduleName, phase: Math.floor(tick / INFO_PERIOD_MS) % 2 }}
            />
            <SidePanel snapshot={snapshot} live={live} ctx={{ now, lang, t, moduleName }} tick={tick} />
          </main>
        </>
      )}
    </div>
  );
};
