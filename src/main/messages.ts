import type { SlaAlert, SyncState } from '../shared/api/notices';
import type { Lang } from '../shared/domain';
import { formatClock } from '../shared/time';

// The few strings main shows itself (tray, menu, notifications, fatal dialogs), pt-BR first like the UI.

export const langOf = (locale: string): Lang => (locale.toLowerCase().startsWith('en') ? 'en' : 'pt-BR');

const text = {
  openWarRoom: { 'pt-BR': 'Abrir War Room', en: 'Open War Room' },
  openBoard: { 'pt-BR': 'Painel SLA (TV)', en: 'SLA board (TV)' },
  quit: { 'pt-BR': 'Sair', en: 'Quit' },
  window: { 'pt-BR': 'Janela', en: 'Window' },
  edit: { 'pt-BR': 'Editar', en: 'Edit' },
  view: { 'pt-BR': 'Exibir', en: 'View' },
  startFailed: { 'pt-BR': 'O S.O.E. War Room não pôde iniciar', en: 'S.O.E. War Room could not start' },
} as const;

export type MessageKey = keyof typeof text;
export const t = (key: MessageKey, lang: Lang): string => text[key][lang];

const CLOCK_NAMES = {
  first_response: { 'pt-BR': 'primeira resposta', en: 'first response' },
  resolution: { 'pt-BR': 'solução', en: 'resolution' },
  ola_n2: { 'pt-BR': 'OLA do N2', en: 'N2 OLA' },
} as const;

/** SLA notification (SPEC §3 rule 8: warnings at 50/75/90 %, breach at 100 %). */
export const slaAlertText = (alert: SlaAlert, lang: Lang): { title: string; body: string } => {
  const clock = CLOCK_NAMES[alert.clock][lang];
  const title =
    alert.threshold >= 100
      ? lang === 'en' ? `SLA breached (${clock}) — ${alert.displayNumber}` : `SLA estourado (${clock}) — ${alert.displayNumber}`
      : lang === 'en' ? `SLA at ${alert.threshold}% (${clock}) — ${alert.displayNumber}` : `SLA em ${alert.threshold}% (${clock}) — ${alert.displayNumber}`;
  return { title, body: alert.subject };
};

/** The tray's status line (SPEC §6: online, offline since, pending changes, last sync). */
export const syncStatusText = (state: SyncState, lang: Lang, timeZone: string): string => {
  const pending = state.pending === 0 ? '' : lang === 'en' ? ` — ${state.pending} pending` : ` — ${state.pending} pendente(s)`;
  switch (state.status) {
    case 'online':
      return (lang === 'en' ? 'Online' : 'Online') + pending;
    case 'connecting':
      return (lang === 'en' ? 'Connecting…' : 'Conectando…') + pending;
    case 'offline': {
      const since = state.offlineSince === null ? '' : ` ${lang === 'en' ? 'since' : 'desde'} ${formatClock(state.offlineSince, timeZone)}`;
      return (lang === 'en' ? 'Offline' : 'Offline') + since + pending;
    }
    case 'local_only':
      return (lang === 'en' ? 'Local only (no server)' : 'Somente local (sem servidor)') + pending;
  }
};
