import { defineMessages, interpolate, type Lang } from '../../i18n/define';

// The wall board's words. Short on purpose: they are read from 5 m away.
export const boardMessages = defineMessages({
  'pt-BR': {
    title: 'Painel de SLA',
    'sync.online': 'Online',
    'sync.connecting': 'Conectando…',
    'sync.local_only': 'Somente local',
    'sync.offlineSince': 'Offline desde {time}',
    'sync.offline': 'Offline',
    'core.lost': 'Sem conexão com o núcleo local — os prazos seguem contando',
    'sound.on': 'Som ligado',
    'sound.off': 'Som mudo',
    'sound.blocked': 'Som bloqueado: clique no painel',
    'kpi.breached': 'Estourados agora',
    'kpi.atRisk': 'Em risco (≥{pct}%)',
    'kpi.ola': 'N2 aguardando',
    'kpi.recados': 'Recados pendentes',
    'kpi.predicted': 'Previsão de estouro (4h)',
    'kpi.compliance': 'Cumprimento hoje',
    'kpi.compliance30': '30 dias: {pct}',
    'next.title': 'Próximos a estourar',
    'next.empty': 'Nenhum prazo correndo',
    'next.running': '{count} correndo',
    'next.more.one': '+ 1 outro prazo correndo · vence {time}',
    'next.more.other': '+ {count} outros prazos correndo · o próximo vence {time}',
    'next.due': 'vence {time}',
    'next.breachedNow': 'ESTOUROU',
    'next.unassigned': 'sem responsável',
    'clock.first_response': '1ª resposta',
    'clock.resolution': 'Solução',
    'clock.ola_n2': 'OLA N2',
    'panel.breached': 'Estourados agora',
    'panel.breached.empty': 'Nenhum estouro em curso',
    'panel.breached.ago': 'há {d}',
    'panel.ola': 'N2 aguardando (OLA)',
    'panel.ola.empty': 'Nenhuma OC esperando o Nível 2',
    'panel.analysts': 'Equipe presente',
    'panel.analysts.empty': 'Ninguém presente',
    'panel.recados': 'Recados pendentes',
    'panel.recados.empty': 'Nenhum recado pendente',
    'panel.recados.for': 'para {name}',
    'panel.predicted': 'Previsão de estouro',
    'panel.predicted.empty': 'Nenhum estouro previsto nas próximas 4 horas úteis',
    'panel.predicted.none': 'sem analista',
    'panel.predicted.forecast': 'previsto {time}',
    'panel.plan': 'Cumprimento por plano',
    'panel.module': 'Cumprimento por módulo',
    'panel.today': 'Hoje',
    'panel.days30': '30 dias',
    'panel.noData': '—',
    'page.of': '{n}/{total}',
    'presence.available': 'Disponível',
    'presence.on_call': 'Em ligação',
    'presence.break': 'Pausa',
    'presence.offline': 'Ausente',
    loading: 'Carregando o painel…',
    'error.login': 'Faça login para abrir o painel.',
  },
  en: {
    title: 'SLA board',
    'sync.online': 'Online',
    'sync.connecting': 'Connecting…',
    'sync.local_only': 'Local only',
    'sync.offlineSince': 'Offline since {time}',
    'sync.offline': 'Offline',
    'core.lost': 'No connection to the local core — deadlines keep counting',
    'sound.on': 'Sound on',
    'sound.off': 'Sound muted',
    'sound.blocked': 'Sound blocked: click the board',
    'kpi.breached': 'Breached now',
    'kpi.atRisk': 'At risk (≥{pct}%)',
    'kpi.ola': 'Waiting for N2',
    'kpi.recados': 'Pending callbacks',
    'kpi.predicted': 'Predicted breaches (4h)',
    'kpi.compliance': 'Compliance today',
    'kpi.compliance30': '30 days: {pct}',
    'next.title': 'Breaching next',
    'next.empty': 'No deadline running',
    'next.running': '{count} running',
    'next.more.one': '+ 1 more deadline running · due {time}',
    'next.more.other': '+ {count} more deadlines running · the next is due {time}',
    'next.due': 'due {time}',
    'next.breachedNow': 'BREACHED',
    'next.unassigned': 'unassigned',
    'clock.first_response': '1st response',
    'clock.resolution': 'Resolution',
    'clock.ola_n2': 'N2 OLA',
    'panel.breached': 'Breached now',
    'panel.breached.empty': 'No breach running',
    'panel.breached.ago': '{d} ago',
    'panel.ola': 'Waiting for N2 (OLA)',
    'panel.ola.empty': 'No OC waiting for Level 2',
    'panel.analysts': 'Team present',
    'panel.analysts.empty': 'Nobody present',
    'panel.recados': 'Pending callbacks',
    'panel.recados.empty': 'No pending callback',
    'panel.recados.for': 'for {name}',
    'panel.predicted': 'Predicted breaches',
    'panel.predicted.empty': 'No breach predicted in the next 4 business hours',
    'panel.predicted.none': 'no analyst',
    'panel.predicted.forecast': 'forecast {time}',
    'panel.plan': 'Compliance by plan',
    'panel.module': 'Compliance by module',
    'panel.today': 'Today',
    'panel.days30': '30 days',
    'panel.noData': '—',
    'page.of': '{n}/{total}',
    'presence.available': 'Available',
    'presence.on_call': 'On a call',
    'presence.break': 'Break',
    'presence.offline': 'Away',
    loading: 'Loading the board…',
    'error.login': 'Log in to open the board.',
  },
});

export type BoardKey = keyof (typeof boardMessages)['pt-BR'];
export type BoardT = (key: BoardKey, params?: Record<string, string | number>) => string;

/** 'one' or 'other' for a count in the language (Intl.PluralRules: pt-BR and en both have exactly these two). */
const plurals = new Map<Lang, Intl.PluralRules>();
export const pluralOf = (lang: Lang, count: number): 'one' | 'other' => {
  let rules = plurals.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(lang);
    plurals.set(lang, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
};

const cache = new Map<Lang, BoardT>();
export const boardT = (lang: Lang): BoardT => {
  let t = cache.get(lang);
  if (t === undefined) {
    t = (key, params) => interpolate(boardMessages[lang][key], params);
    cache.set(lang, t);
  }
  return t;
};
