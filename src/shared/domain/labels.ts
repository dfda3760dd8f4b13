import type { Messages } from './errors';
import type { Channel, Criticidade, Level, OcKind, OcStatus, Plan } from './enums';

// Domain words keep their Portuguese names in the UI (SPEC intro); English is the second language.
export const STATUS_LABELS: Record<OcStatus, Messages> = {
  nova: { 'pt-BR': 'Nova', en: 'New' },
  em_atendimento: { 'pt-BR': 'Em atendimento', en: 'In progress' },
  aguardando_cliente: { 'pt-BR': 'Aguardando cliente', en: 'Waiting for customer' },
  encaminhada_dev: { 'pt-BR': 'Encaminhada ao desenvolvimento', en: 'Forwarded to development' },
  aguardando_versao: { 'pt-BR': 'Aguardando versão', en: 'Waiting for version' },
  solucionada: { 'pt-BR': 'Solucionada', en: 'Solved' },
  reaberta: { 'pt-BR': 'Reaberta', en: 'Reopened' },
  encerrada: { 'pt-BR': 'Encerrada', en: 'Closed' },
  cancelada: { 'pt-BR': 'Cancelada', en: 'Cancelled' },
};

export const CRITICIDADE_LABELS: Record<Criticidade, Messages> = {
  critica: { 'pt-BR': 'Crítica', en: 'Critical' },
  alta: { 'pt-BR': 'Alta', en: 'High' },
  media: { 'pt-BR': 'Média', en: 'Medium' },
  baixa: { 'pt-BR': 'Baixa', en: 'Low' },
};

export const PLAN_LABELS: Record<Plan, Messages> = {
  prata: { 'pt-BR': 'Prata', en: 'Prata (Silver)' },
  ouro: { 'pt-BR': 'Ouro', en: 'Ouro (Gold)' },
  vip: { 'pt-BR': 'VIP', en: 'VIP' },
};

export const LEVEL_LABELS: Record<Level, Messages> = {
  n1: { 'pt-BR': 'Nível 1', en: 'Level 1' },
  n2: { 'pt-BR': 'Nível 2', en: 'Level 2' },
};

export const KIND_LABELS: Record<OcKind, Messages> = {
  duvida: { 'pt-BR': 'Dúvida', en: 'Question' },
  erro: { 'pt-BR': 'Erro', en: 'Error' },
  solicitacao: { 'pt-BR': 'Solicitação', en: 'Request' },
  alteracao_banco: { 'pt-BR': 'Alteração de banco', en: 'Database change' },
  atualizacao_versao: { 'pt-BR': 'Atualização de versão', en: 'Version update' },
};

export const CHANNEL_LABELS: Record<Channel, Messages> = {
  extranet: { 'pt-BR': 'Extranet', en: 'Extranet' },
  phone: { 'pt-BR': 'Telefone', en: 'Phone' },
  skype: { 'pt-BR': 'Skype', en: 'Skype' },
  internal: { 'pt-BR': 'Interno', en: 'Internal' },
};
