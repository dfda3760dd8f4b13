import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IconName } from '../components/icons';
import type { Lang } from '../i18n/define';

export type ToastTone = 'info' | 'success' | 'warning' | 'danger';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  body?: string;
  /** Opens this OC when clicked. */
  ocId?: string;
  /** Stays until dismissed (breaches, rejected changes). */
  sticky?: boolean;
  /** The OC a success message is about: a later refusal of that change by the server withdraws it. */
  about?: string;
}

/** An action of the screen on show, offered by the command palette (an OC's take, reply, escalate…). */
export interface ScreenAction {
  id: string;
  label: string;
  icon: IconName;
  shortcut?: string;
  run: () => void;
}

export interface UiState {
  lang: Lang;
  helpOpen: boolean;
  paletteOpen: boolean;
  toasts: Toast[];
  /** What the screen on show can do now, for the palette (set and cleared by that screen). */
  screenActions: readonly ScreenAction[];
  setScreenActions(actions: readonly ScreenAction[]): void;
  setLang(lang: Lang): void;
  setHelp(open: boolean): void;
  setPalette(open: boolean): void;
  toast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  /** Withdraws the success messages about an OC (the server refused what they announced). */
  withdrawAbout(ocId: string): void;
  /** A new person at the desk does not inherit the last one's messages. */
  clearToasts(): void;
}

export type UiStore = StoreApi<UiState>;

const LANG_KEY = 'soe.lang';
const MAX_TOASTS = 5;

export const createUiStore = (storage: Storage | null): UiStore => {
  let nextId = 1;
  const saved = storage?.getItem(LANG_KEY);
  return createStore<UiState>((set, get) => ({
    lang: saved === 'en' ? 'en' : 'pt-BR',
    helpOpen: false,
    paletteOpen: false,
    toasts: [],
    screenActions: [],
    setScreenActions: (screenActions) => set({ screenActions }),
    setLang: (lang) => {
      storage?.setItem(LANG_KEY, lang);
      document.documentElement.lang = lang;
      set({ lang });
    },
    setHelp: (helpOpen) => set({ helpOpen, paletteOpen: false }),
    setPalette: (paletteOpen) => set({ paletteOpen, helpOpen: false }),
    toast: (toast) => {
      const id = nextId++;
      set({ toasts: [...get().toasts, { ...toast, id }].slice(-MAX_TOASTS) });
      if (toast.sticky !== true) setTimeout(() => get().dismissToast(id), toast.tone === 'danger' ? 9_000 : 5_000);
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    clearToasts: () => set({ toasts: [], helpOpen: false, paletteOpen: false }),
    withdrawAbout: (ocId) => set({ toasts: get().toasts.filter((t) => t.about !== ocId || t.tone !== 'success') }),
  }));
};
