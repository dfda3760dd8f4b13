import type { OcEvent } from '../../../shared/domain';
import { CHANNEL_LABELS, CRITICIDADE_LABELS, LEVEL_LABELS, PLAN_LABELS, STATUS_LABELS } from '../../../shared/domain';
import type { Translate } from '../../app/services';
import type { Lang } from '../../i18n/define';
import { formatMoney } from '../../lib/format';

const FIELD_NAMES: Record<string, { 'pt-BR': string; en: string }> = {
  devReference: { 'pt-BR': 'a referência no desenvolvimento', en: 'the development reference' },
  targetVersion: { 'pt-BR': 'a versão de correção', en: 'the fix version' },
  quote: { 'pt-BR': 'o orçamento', en: 'the quote' },
  quoteDecision: { 'pt-BR': 'a decisão do cliente sobre o orçamento', en: 'the customer’s decision on the quote' },
  subject: { 'pt-BR': 'o assunto', en: 'the subject' },
  module: { 'pt-BR': 'o módulo', en: 'the module' },
  segment: { 'pt-BR': 'o segmento', en: 'the segment' },
  kind: { 'pt-BR': 'o tipo', en: 'the kind' },
  preferredAnalystId: { 'pt-BR': 'o analista preferido', en: 'the preferred analyst' },
};

const fieldValue = (value: unknown, lang: Lang): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'approved' in (value as object)) return (value as { approved: boolean }).approved ? (lang === 'pt-BR' ? 'aprovado' : 'approved') : (lang === 'pt-BR' ? 'recusado' : 'rejected');
  if (typeof value === 'object' && 'amountCents' in (value as object)) return formatMoney((value as { amountCents: number }).amountCents, lang);
  return '…';
};

/** One line of the OC's history, after the actor's name ("Ana Souza" + "took the OC"). Null = not shown. */
export const eventText = (event: OcEvent, t: Translate, lang: Lang, analystName: (id: string | null) => string | null): string | null => {
  const d = event.data;
  const name = (id: string | null): string => analystName(id) ?? t('event.nobody');
  switch (d.type) {
    case 'created':
      return t('event.created', { channel: CHANNEL_LABELS[d.channel as keyof typeof CHANNEL_LABELS]?.[lang] ?? d.channel });
    case 'status_changed':
      return t('event.status', { from: STATUS_LABELS[d.from][lang], to: STATUS_LABELS[d.to][lang] });
    case 'interaction_added':
      return null; // the interaction itself is in the timeline
    case 'assigned':
      if (d.how === 'take') return t('event.take');
      if (d.how === 'escalate') return t('event.escalateAssign');
      if (d.how === 'return') return t('event.returnAssign', { to: name(d.toId) });
      return t('event.reassign', { from: name(d.fromId), to: name(d.toId) });
    case 'escalated':
      return t('event.escalated');
    case 'returned':
      return t('event.returned');
    case 'criticidade_changed':
      return t('event.criticidade', { from: CRITICIDADE_LABELS[d.from][lang], to: CRITICIDADE_LABELS[d.to][lang] });
    case 'plan_changed':
      return t('event.plan', { from: PLAN_LABELS[d.from][lang], to: PLAN_LABELS[d.to][lang] });
    case 'sla_recomputed':
      return t('event.recomputed', { from: d.fromVersion, to: d.toVersion });
    case 'field_changed':
      return t('event.field', { field: FIELD_NAMES[d.field]?.[lang] ?? d.field, to: d.field === 'preferredAnalystId' ? name(d.to as string | null) : fieldValue(d.to, lang) });
    case 'handed_off':
      return t('event.handedOff', { target: d.target === 'cs' ? 'CS' : lang === 'en' ? 'implantação (onboarding)' : 'implantação' });
    case 'cancelled':
      return t('event.cancelled', { reason: d.reason });
  }
};

export const levelName = (level: 'n1' | 'n2', lang: Lang): string => LEVEL_LABELS[level][lang];
