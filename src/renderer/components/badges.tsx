import { memo } from 'react';
import type { Criticidade, Level, Messages, Plan } from '../../shared/domain';
import { CRITICIDADE_LABELS, LEVEL_LABELS, PLAN_LABELS } from '../../shared/domain';
import { STAGE_LABELS, type OcStage } from '../../shared/oc/stage';
import type { Lang } from '../i18n/define';
import { Icon, type IconName } from './icons';

export const lbl = (messages: Messages, lang: Lang): string => messages[lang];

const STAGE_LOOK: Record<OcStage, { icon: IconName; tone: string }> = {
  nova: { icon: 'dot', tone: 'info' },
  em_atendimento: { icon: 'user', tone: 'accent' },
  aguardando_cliente: { icon: 'pause', tone: 'purple' },
  encaminhada_dev: { icon: 'code', tone: 'purple' },
  aguardando_versao: { icon: 'package', tone: 'info' },
  solucionada: { icon: 'checkCircle', tone: 'ok' },
  reaberta: { icon: 'reopen', tone: 'warn' },
  encerrada: { icon: 'check', tone: 'muted' },
  cancelada: { icon: 'ban', tone: 'muted' },
  aguardando_n2: { icon: 'escalate', tone: 'warn' },
};

/**
 * Where the OC stands (shared/oc/stage.ts: its status, or "Aguardando N2" while an escalated OC waits for an N2).
 * `bare`: icon and coloured text without the pill — for dense tables, where thousands of pills cost paint time.
 */
export const StatusBadge = memo(({ stage, lang, bare = false, detail, title }: { stage: OcStage; lang: Lang; bare?: boolean; detail?: string; title?: string }) => {
  const look = STAGE_LOOK[stage];
  // `detail` follows the stage in the same text, so a narrow column cuts the detail first, never the stage.
  const text = detail === undefined ? lbl(STAGE_LABELS[stage], lang) : `${lbl(STAGE_LABELS[stage], lang)} · ${detail}`;
  return (
    <span className={`badge badge-${look.tone}${bare ? ' badge-bare' : ''}`} data-status={stage} title={title ?? text}>
      <Icon name={look.icon} size={13} />
      <span className="badge-text">{text}</span>
    </span>
  );
});

const CRIT_BARS: Record<Criticidade, number> = { critica: 4, alta: 3, media: 2, baixa: 1 };
const CRIT_TONE: Record<Criticidade, string> = { critica: 'danger', alta: 'warn', media: 'info', baixa: 'muted' };

/** Signal bars: how many are filled says the criticidade without relying on colour. */
export const CriticidadeBadge = memo(({ criticidade, lang, bare = false }: { criticidade: Criticidade; lang: Lang; bare?: boolean }) => (
  <span className={`crit crit-${CRIT_TONE[criticidade]}${bare ? ' crit-bare' : ''}`} data-criticidade={criticidade}>
    <span className="crit-bars" aria-hidden="true">
      {[0, 1, 2, 3].map((i) => (
        <span key={i} className={i < CRIT_BARS[criticidade] ? 'on' : 'off'} />
      ))}
    </span>
    {lbl(CRITICIDADE_LABELS[criticidade], lang)}
  </span>
));

const PLAN_SHORT: Record<Plan, string> = { vip: 'VIP', ouro: 'Ouro', prata: 'Prata' };

export const PlanBadge = memo(({ plan, lang }: { plan: Plan; lang: Lang }) => (
  <span className={`plan plan-${plan}`} title={lbl(PLAN_LABELS[plan], lang)}>
    {PLAN_SHORT[plan]}
  </span>
));

export const LevelBadge = memo(({ level, lang }: { level: Level; lang: Lang }) => (
  <span className={`level level-${level}`} title={lbl(LEVEL_LABELS[level], lang)}>
    {level.toUpperCase()}
  </span>
));

export const Tag = ({ children, tone = 'neutral', icon, title }: { children: React.ReactNode; tone?: string; icon?: IconName; title?: string }) => (
  <span className={`tag tag-${tone}`} title={title}>
    {icon === undefined ? null : <Icon name={icon} size={12} />}
    {children}
  </span>
);

export const Avatar = ({ name, size = 24 }: { name: string; size?: number }) => {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
  // A stable hue per name: distinct people look distinct in timelines and presence notices.
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span className={`avatar avatar-h${hash % 8}`} style={{ width: size, height: size, fontSize: Math.round(size * 0.42) }} aria-hidden="true">
      {initials}
    </span>
  );
};
