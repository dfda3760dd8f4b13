import { OC_STATUSES, STATUS_LABELS, type Messages, type Ocorrencia, type OcStatus } from '../domain';

// Where an OC stands for the people who work it (issue 13 item 4). Escalation keeps the status (the customer's
// clock runs on, SPEC §3 rule 9) but hands the OC to the N2 queue with no one holding it: until an N2 takes it,
// it is "Aguardando N2" — its own state in queues, filters and the OC header, with the OLA as its clock — and
// read-only for N1 (state-machine.ts). The status underneath is unchanged, so the SLA, the Extranet and the
// reports see the same log as before.

export const AWAITING_N2_STATUSES: readonly OcStatus[] = ['nova', 'em_atendimento', 'aguardando_cliente', 'reaberta'];

export const OC_STAGES = [...OC_STATUSES, 'aguardando_n2'] as const;
export type OcStage = (typeof OC_STAGES)[number];

/** At level N2, in a working status, held by nobody: waiting for an N2 to take it. */
export const awaitsN2Pickup = (oc: Pick<Ocorrencia, 'status' | 'level' | 'assigneeId'>): boolean =>
  oc.level === 'n2' && oc.assigneeId === null && AWAITING_N2_STATUSES.includes(oc.status);

export const ocStage = (oc: Pick<Ocorrencia, 'status' | 'level' | 'assigneeId'>): OcStage => (awaitsN2Pickup(oc) ? 'aguardando_n2' : oc.status);

export const STAGE_LABELS: Record<OcStage, Messages> = {
  ...STATUS_LABELS,
  aguardando_n2: { 'pt-BR': 'Aguardando N2', en: 'Waiting for Level 2' },
};

export const isOcStage = (value: string): value is OcStage => (OC_STAGES as readonly string[]).includes(value);
