import { domainError, LEVEL_LABELS, STATUS_LABELS, type DomainError, type Messages } from '../domain';
import type { Analyst, Ocorrencia, OcStatus } from '../domain';
import type { Actor } from './actor';
import { can, isLead, type Permission } from './permissions';
import { formatClock } from '../time';
import { awaitsN2Pickup } from './stage';

// The OC state machine of SPEC §2 with the role table of SPEC §8, in one table. Every mutator that acts on an
// OC asks `checkOcAction` first, so the rule for "who may do what, from which status" is written once.

export const OC_ACTIONS = [
  'take',
  'reassign',
  'reply',
  'note',
  'log_call',
  'add_simulation',
  'pause',
  'resume',
  'escalate',
  'return_to_n1',
  'forward_dev',
  'set_target_version',
  'record_quote',
  'record_quote_decision',
  'hand_off',
  'resolve',
  'reopen',
  'close',
  'cancel',
  'change_criticidade',
  'customer_reply',
  'release_resolve',
  'recompute_sla',
] as const;
export type OcAction = (typeof OC_ACTIONS)[number];

const OPEN: readonly OcStatus[] = ['nova', 'em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao', 'reaberta'];
const WORKING: readonly OcStatus[] = ['em_atendimento', 'aguardando_cliente'];
const ALL: readonly OcStatus[] = [...OPEN, 'solucionada', 'encerrada', 'cancelada'];

/**
 * - `to`: the resulting status; 'same' keeps it; 'start' moves nova/reaberta to em_atendimento (work began).
 * - `ownership`: 'own' = the assignee, or a lead/admin; 'takeable' = unassigned or already mine, at my level;
 *   'any' = whoever holds the permission.
 */
interface ActionRule {
  from: readonly OcStatus[];
  to: OcStatus | 'same' | 'start';
  actors: ReadonlyArray<Actor['kind']>;
  permission: Permission | null;
  ownership: 'own' | 'takeable' | 'any';
  /** The action before "uma OC": "Não é possível responder uma OC". */
  label: Messages;
  /** The action with the OC as its object, for the 'own' rules' refusals: "Assuma a OC antes de respondê-la". */
  it?: Messages;
}

export const OC_ACTION_RULES: Record<OcAction, ActionRule> = {
  take: { from: ['nova', 'reaberta', 'em_atendimento'], to: 'em_atendimento', actors: ['analyst'], permission: 'work_own_oc', ownership: 'takeable', label: { 'pt-BR': 'assumir', en: 'take' } },
  reassign: { from: OPEN, to: 'same', actors: ['analyst'], permission: 'reassign_or_change_criticidade', ownership: 'any', label: { 'pt-BR': 'reatribuir', en: 'reassign' } },
  reply: { from: OPEN, to: 'start', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'responder', en: 'reply to' }, it: { 'pt-BR': 'respondê-la', en: 'reply to it' } },
  // Internal notes are collaboration (the N1 who escalated adds context for N2), so any analyst may write one.
  note: { from: ALL, to: 'same', actors: ['analyst'], permission: 'work_own_oc', ownership: 'any', label: { 'pt-BR': 'anotar', en: 'add a note to' } },
  // The phone queue is shared: the first free analyst answers and logs the call (manual FAQ 6).
  log_call: { from: [...OPEN, 'solucionada'], to: 'same', actors: ['analyst'], permission: 'work_own_oc', ownership: 'any', label: { 'pt-BR': 'registrar ligação em', en: 'log a call on' } },
  add_simulation: { from: OPEN, to: 'same', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'registrar simulação em', en: 'add a simulation record to' }, it: { 'pt-BR': 'registrar uma simulação nela', en: 'add a simulation record to it' } },
  pause: { from: ['em_atendimento'], to: 'aguardando_cliente', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'pausar (aguardando cliente)', en: 'pause (waiting for customer)' }, it: { 'pt-BR': 'pausá-la', en: 'pause it' } },
  resume: { from: ['aguardando_cliente'], to: 'em_atendimento', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'retomar', en: 'resume' }, it: { 'pt-BR': 'retomá-la', en: 'resume it' } },
  escalate: { from: ['em_atendimento'], to: 'same', actors: ['analyst'], permission: 'escalate_to_n2', ownership: 'own', label: { 'pt-BR': 'escalar para o Nível 2', en: 'escalate to Level 2' }, it: { 'pt-BR': 'escalá-la para o Nível 2', en: 'escalate it to Level 2' } },
  return_to_n1: { from: WORKING, to: 'same', actors: ['analyst'], permission: 'return_to_n1_or_forward_dev', ownership: 'own', label: { 'pt-BR': 'devolver ao Nível 1', en: 'return to Level 1' }, it: { 'pt-BR': 'devolvê-la ao Nível 1', en: 'return it to Level 1' } },
  forward_dev: { from: ['em_atendimento'], to: 'encaminhada_dev', actors: ['analyst'], permission: 'return_to_n1_or_forward_dev', ownership: 'own', label: { 'pt-BR': 'encaminhar ao desenvolvimento', en: 'forward to development' }, it: { 'pt-BR': 'encaminhá-la ao desenvolvimento', en: 'forward it to development' } },
  set_target_version: { from: ['encaminhada_dev', 'aguardando_versao'], to: 'aguardando_versao', actors: ['analyst'], permission: 'return_to_n1_or_forward_dev', ownership: 'any', label: { 'pt-BR': 'definir a versão de correção de', en: 'set the fix version of' } },
  record_quote: { from: WORKING, to: 'same', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'registrar orçamento em', en: 'record a quote on' }, it: { 'pt-BR': 'registrar um orçamento nela', en: 'record a quote on it' } },
  record_quote_decision: { from: WORKING, to: 'same', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'registrar a decisão do cliente em', en: "record the customer's decision on" }, it: { 'pt-BR': 'registrar a decisão do cliente nela', en: "record the customer's decision on it" } },
  hand_off: { from: WORKING, to: 'solucionada', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'encaminhar ao CS/implantação', en: 'hand off to CS/implantação' }, it: { 'pt-BR': 'encaminhá-la ao CS/implantação', en: 'hand it off to CS/implantação' } },
  resolve: { from: ['em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao'], to: 'solucionada', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'solucionar', en: 'resolve' }, it: { 'pt-BR': 'solucioná-la', en: 'resolve it' } },
  reopen: { from: ['solucionada'], to: 'reaberta', actors: ['analyst'], permission: 'work_own_oc', ownership: 'any', label: { 'pt-BR': 'reabrir', en: 'reopen' } },
  close: { from: ['solucionada'], to: 'encerrada', actors: ['system', 'analyst'], permission: 'configure', ownership: 'any', label: { 'pt-BR': 'encerrar', en: 'close' } },
  cancel: { from: ['nova', 'em_atendimento', 'aguardando_cliente', 'reaberta'], to: 'cancelada', actors: ['analyst'], permission: 'work_own_oc', ownership: 'own', label: { 'pt-BR': 'cancelar', en: 'cancel' }, it: { 'pt-BR': 'cancelá-la', en: 'cancel it' } },
  change_criticidade: { from: OPEN, to: 'same', actors: ['analyst'], permission: 'reassign_or_change_criticidade', ownership: 'any', label: { 'pt-BR': 'alterar a criticidade de', en: 'change the criticidade of' } },
  customer_reply: { from: [...OPEN, 'solucionada'], to: 'same', actors: ['contact'], permission: null, ownership: 'any', label: { 'pt-BR': 'responder', en: 'reply to' } },
  release_resolve: { from: ['aguardando_versao'], to: 'solucionada', actors: ['analyst', 'system'], permission: 'configure', ownership: 'any', label: { 'pt-BR': 'solucionar pela versão', en: 'resolve by release' } },
  recompute_sla: { from: OPEN, to: 'same', actors: ['analyst'], permission: 'configure', ownership: 'any', label: { 'pt-BR': 'recalcular o SLA de', en: 'recompute the SLA of' } },
};

/** Status after a customer's reply: it resumes a paused OC and reopens a solved one (SPEC §2). */
const customerReplyTarget = (status: OcStatus): OcStatus =>
  status === 'aguardando_cliente' ? 'em_atendimento' : status === 'solucionada' ? 'reaberta' : status;

export interface Names {
  /** Display name of an analyst by id, for messages like "already taken by Ana". */
  analystName: (id: string) => string;
  timeZone: string;
}

const statusLabel = (status: OcStatus): Messages => STATUS_LABELS[status];

/** An escalated OC no N2 has taken yet, seen by an N1 analyst: read-only for them until an N2 picks it up. */
const awaitsN2 = (oc: Pick<Ocorrencia, 'status' | 'assigneeId' | 'level'>, me: Analyst): boolean => me.level === 'n1' && awaitsN2Pickup(oc);

/** `code`: a take keeps WRONG_LEVEL (take-next skips those); the other actions say ESCALATED_TO_N2. */
const escalatedRefusal = (code = 'ESCALATED_TO_N2'): DomainError =>
  domainError(code, {
    'pt-BR': 'Esta OC foi escalada para o Nível 2 e aguarda um analista N2. Você pode acompanhá-la e adicionar notas internas.',
    en: 'This OC was escalated to Level 2 and is waiting for a Level 2 analyst. You can follow it and add internal notes.',
  });

/** Checks an action against the table; returns the status the OC moves to, or why it is refused. */
export const checkOcAction = (
  action: OcAction,
  oc: Pick<Ocorrencia, 'status' | 'assigneeId' | 'assignedAt' | 'level'>,
  actor: Actor,
  names: Names,
): { to: OcStatus } | DomainError => {
  const rule = OC_ACTION_RULES[action];
  if (!rule.actors.includes(actor.kind)) {
    return domainError('ACTOR_NOT_ALLOWED', {
      'pt-BR': `Esta ação (${rule.label['pt-BR']}) não pode ser feita por este tipo de usuário.`,
      en: `This action (${rule.label.en}) cannot be performed by this kind of user.`,
    });
  }
  if (actor.kind === 'analyst' && rule.permission !== null && !can(actor.analyst, rule.permission)) {
    const who = actor.analyst.role === 'analyst' ? LEVEL_LABELS[actor.analyst.level] : { 'pt-BR': actor.analyst.role, en: actor.analyst.role };
    return domainError('FORBIDDEN_ROLE', {
      'pt-BR': `Seu perfil (${who['pt-BR']}) não permite ${rule.label['pt-BR']} uma OC.`,
      en: `Your role (${who.en}) is not allowed to ${rule.label.en} an OC.`,
    }, { action, role: actor.analyst.role, level: actor.analyst.level });
  }
  if (!rule.from.includes(oc.status)) {
    const s = statusLabel(oc.status);
    return domainError('INVALID_TRANSITION', {
      'pt-BR': `Não é possível ${rule.label['pt-BR']} uma OC com status "${s['pt-BR']}".`,
      en: `Cannot ${rule.label.en} an OC whose status is "${s.en}".`,
    }, { action, status: oc.status });
  }
  if (actor.kind === 'analyst') {
    const me = actor.analyst;
    const held = oc.assigneeId !== null && oc.assigneeId !== me.id;
    if (rule.ownership === 'takeable') {
      if (held) {
        const name = names.analystName(oc.assigneeId as string);
        const at = oc.assignedAt === null ? '' : ` às ${formatClock(oc.assignedAt, names.timeZone)}`;
        const atEn = oc.assignedAt === null ? '' : ` at ${formatClock(oc.assignedAt, names.timeZone)}`;
        return domainError('ALREADY_TAKEN', {
          'pt-BR': `OC já assumida por ${name}${at}.`,
          en: `OC already taken by ${name}${atEn}.`,
        }, { assigneeId: oc.assigneeId });
      }
      if (!isLead(me) && me.level !== oc.level) {
        if (awaitsN2(oc, me)) return escalatedRefusal('WRONG_LEVEL');
        return domainError('WRONG_LEVEL', {
          'pt-BR': `Esta OC está no ${LEVEL_LABELS[oc.level]['pt-BR']}; você atende o ${LEVEL_LABELS[me.level]['pt-BR']}.`,
          en: `This OC is at ${LEVEL_LABELS[oc.level].en}; you work at ${LEVEL_LABELS[me.level].en}.`,
        });
      }
    }
    if (rule.ownership === 'own' && oc.assigneeId !== me.id && !isLead(me)) {
      const it = rule.it ?? rule.label;
      if (awaitsN2(oc, me)) return escalatedRefusal();
      return oc.assigneeId === null
        ? domainError('NOT_ASSIGNED', {
            'pt-BR': `Assuma a OC antes de ${it['pt-BR']}.`,
            en: `Take the OC before you ${it.en}.`,
          })
        : domainError('NOT_OWNER', {
            'pt-BR': `Esta OC está com ${names.analystName(oc.assigneeId)}; só quem a assumiu ou um líder pode ${it['pt-BR']}.`,
            en: `This OC belongs to ${names.analystName(oc.assigneeId)}; only the assignee or a lead may ${it.en}.`,
          });
    }
  }
  const to =
    rule.to === 'same'
      ? action === 'customer_reply'
        ? customerReplyTarget(oc.status)
        : oc.status
      : rule.to === 'start'
        ? oc.status === 'nova' || oc.status === 'reaberta'
          ? 'em_atendimento'
          : oc.status
        : rule.to;
  return { to };
};
