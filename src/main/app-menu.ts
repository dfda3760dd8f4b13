import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../shared/domain';
import { t } from './messages';

export interface MenuActions {
  openWarRoom(): void;
  openBoard(): void;
}

export const OPEN_BOARD_MENU_ID = 'open-board';

/** The application menu: standard editing, zoom, and the two windows. Developer tools only in development. */
export const appMenuTemplate = (options: { lang: Lang; isPackaged: boolean; isMac: boolean; actions: MenuActions }): MenuItemConstructorOptions[] => {
  const { lang, isPackaged, isMac, actions } = options;
  const view: MenuItemConstructorOptions[] = [
    ...(isPackaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: t('edit', lang), role: 'editMenu' },
    { label: t('view', lang), submenu: view },
    {
      label: t('window', lang),
      submenu: [
        { label: t('openWarRoom', lang), click: () => actions.openWarRoom() },
        { id: OPEN_BOARD_MENU_ID, label: t('openBoard', lang), accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.openBoard() },
        { type: 'separator' },
        { label: t('quit', lang), role: 'quit' },
      ],
    },
  ];
};
