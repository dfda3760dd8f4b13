import { z } from 'zod';

// The vocabulary of the manual (SPEC §2). Values are stable identifiers; labels live in i18n.
export const PLANS = ['prata', 'ouro', 'vip'] as const;
export const Plan = z.enum(PLANS);
export type Plan = z.infer<typeof Plan>;

export const CRITICIDADES = ['critica', 'alta', 'media', 'baixa'] as const;
export const Criticidade = z.enum(CRITICIDADES);
export type Criticidade = z.infer<typeof Criticidade>;

export const OC_KINDS = ['duvida', 'erro', 'solicitacao', 'alteracao_banco', 'atualizacao_versao'] as const;
export const OcKind = z.enum(OC_KINDS);
export type OcKind = z.infer<typeof OcKind>;

export const CHANNELS = ['extranet', 'phone', 'skype', 'internal'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const LEVELS = ['n1', 'n2'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const ROLES = ['analyst', 'lead', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PRESENCES = ['available', 'on_call', 'break', 'offline'] as const;
export const Presence = z.enum(PRESENCES);
export type Presence = z.infer<typeof Presence>;

export const OC_STATUSES = [
  'nova',
  'em_atendimento',
  'aguardando_cliente',
  'encaminhada_dev',
  'aguardando_versao',
  'solucionada',
  'reaberta',
  'encerrada',
  'cancelada',
] as const;
export const OcStatus = z.enum(OC_STATUSES);
export type OcStatus = z.infer<typeof OcStatus>;

/** Statuses in which an OC is still support's work (appears in queues, SLA may run). */
export const OPEN_STATUSES: readonly OcStatus[] = [
  'nova',
  'em_atendimento',
  'aguardando_cliente',
  'encaminhada_dev',
  'aguardando_versao',
  'reaberta',
];
export const isOpenStatus = (status: OcStatus): boolean => OPEN_STATUSES.includes(status);

export const INTERACTION_KINDS = ['public_reply', 'internal_note', 'call_log', 'simulation_record', 'customer_reply'] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

/** Where an OC goes when support hands it outside the department (manual FAQ 7). */
export const HANDOFF_TARGETS = ['cs', 'implantacao'] as const;
export const HandoffTarget = z.enum(HANDOFF_TARGETS);
export type HandoffTarget = z.infer<typeof HandoffTarget>;

export const CANCEL_REASONS = ['duplicada', 'invalida'] as const;
export const CancelReason = z.enum(CANCEL_REASONS);
export type CancelReason = z.infer<typeof CancelReason>;

/** Statuses that count against an analyst's capacity: work in hand, not waiting on development or a release. */
export const IN_HAND_STATUSES: readonly OcStatus[] = ['nova', 'em_atendimento', 'aguardando_cliente', 'reaberta'];
