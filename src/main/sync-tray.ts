import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { SyncState } from '../shared/api/notices';
import type { Lang } from '../shared/domain';
import { syncStatusText, t } from './messages';

// The tray shows the sync state at a glance (SPEC §6: the UI always shows it), with a shape per state as well
// as a colour — the same colour-blind rule as the board (SPEC §5).

export interface SyncTrayOptions {
  iconDir: string;
  lang: Lang;
  timeZone: string;
  openWarRoom(): void;
  openBoard(): void;
  quit(): void;
}

export interface SyncTray {
  show(state: SyncState): void;
  destroy(): void;
}

export const trayIconFile = (status: SyncState['status']): string => `sync-${status.replace('_', '-')}.png`;

export const createSyncTray = (options: SyncTrayOptions, initial: SyncState): SyncTray => {
  const image = (status: SyncState['status']) => nativeImage.createFromPath(join(options.iconDir, trayIconFile(status)));
  const tray = new Tray(image(initial.status));
  const show = (state: SyncState): void => {
    const status = syncStatusText(state, options.lang, options.timeZone) + (state.problem === null ? '' : ` — ${state.problem}`);
    tray.setImage(image(state.status));
    tray.setToolTip(`S.O.E. War Room — ${status}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { id: 'sync-status', label: status, enabled: false },
        { type: 'separator' },
        { label: t('openWarRoom', options.lang), click: () => options.openWarRoom() },
        { label: t('openBoard', options.lang), click: () => options.openBoard() },
        { type: 'separator' },
        { label: t('quit', options.lang), click: () => options.quit() },
      ]),
    );
  };
  tray.on('click', () => options.openWarRoom());
  show(initial);
  return { show, destroy: () => tray.destroy() };
};
