import { z } from 'zod';
import { IsoDate, parseIsoDate } from './dates';
import { domainError, type DomainError } from './errors';
import { Id, Instant } from './ids';
import { VersionLabel } from './release';

// Planned versions (SPEC §2 "Versions", issue 13): the weekly UNO ERP versions the team knows are coming, each
// with one normalised number (VersionLabel) and the Monday it ships. An OC's target version is chosen among them,
// so "2026.12.7" and "2026.12.07" can never be two versions again.
//
// Who keeps them: a lead plans (status planejada); an N2 — who hears from development which version a fix goes
// in — proposes (status proposta). A proposal can already be targeted: the N2 forwarding the OC should not wait
// for the lead to be around, and the number is normalised all the same; the lead accepts it (planejada, date
// possibly moved) or cancels it. Registering the release marks it liberada. A cancelled number can be planned
// again (the same row comes back): one row per number, ever.

export const PLANNED_VERSION_STATUSES = ['proposta', 'planejada', 'liberada', 'cancelada'] as const;
export const PlannedVersionStatus = z.enum(PLANNED_VERSION_STATUSES);
export type PlannedVersionStatus = z.infer<typeof PlannedVersionStatus>;

/** Whether the date ("YYYY-MM-DD") is a Monday: the weekly version ships at the start of the week (manual FAQ 4). */
export const isMonday = (date: string): boolean => {
  const parts = parseIsoDate(date);
  return parts !== null && new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() === 1;
};

/** A planned date: a real calendar date that is a Monday. */
export const PlannedDate = IsoDate.refine(isMonday, 'as versões saem no início da semana: escolha uma segunda-feira / versions ship at the start of the week: pick a Monday');

export const PlannedVersion = z.object({
  id: Id,
  version: VersionLabel,
  plannedFor: PlannedDate,
  status: PlannedVersionStatus,
  /** Who proposed or planned it first. */
  createdById: Id,
  createdAt: Instant,
  updatedAt: Instant,
  /** The release that shipped it (status liberada). */
  releaseId: Id.nullable(),
});
export type PlannedVersion = z.infer<typeof PlannedVersion>;

/** Versions an OC may wait for: known, not shipped, not cancelled. */
export const isTargetable = (planned: Pick<PlannedVersion, 'status'>): boolean => planned.status === 'proposta' || planned.status === 'planejada';

/**
 * The changes a lead may make to a planned version, by its status (issue 13): accept a proposal, move the date,
 * cancel. A shipped version is history and a cancelled one comes back only by planning it again.
 */
export const PLANNED_VERSION_TRANSITIONS: Record<PlannedVersionStatus, readonly PlannedVersionStatus[]> = {
  proposta: ['planejada', 'cancelada'],
  planejada: ['planejada', 'cancelada'],
  liberada: [],
  cancelada: [],
};

const statusNames: Record<PlannedVersionStatus, { 'pt-BR': string; en: string }> = {
  proposta: { 'pt-BR': 'proposta', en: 'proposed' },
  planejada: { 'pt-BR': 'planejada', en: 'planned' },
  liberada: { 'pt-BR': 'liberada', en: 'released' },
  cancelada: { 'pt-BR': 'cancelada', en: 'cancelled' },
};
export const plannedVersionStatusName = (status: PlannedVersionStatus, lang: 'pt-BR' | 'en'): string => statusNames[status][lang];

/** Whether a planned version may move from `from` to `to`; the refusal names both. */
export const checkPlannedTransition = (version: string, from: PlannedVersionStatus, to: PlannedVersionStatus): DomainError | null => {
  if (PLANNED_VERSION_TRANSITIONS[from].includes(to)) return null;
  if (from === 'liberada') {
    return domainError('VERSION_RELEASED', {
      'pt-BR': `A versão ${version} já foi liberada e não pode mais ser alterada.`,
      en: `Version ${version} has already been released and can no longer be changed.`,
    }, { version });
  }
  return domainError('VERSION_TRANSITION', {
    'pt-BR': `A versão ${version} está ${statusNames[from]['pt-BR']}: não pode passar a ${statusNames[to]['pt-BR']}. Planeje-a de novo para reativá-la.`,
    en: `Version ${version} is ${statusNames[from].en}: it cannot become ${statusNames[to].en}. Plan it again to bring it back.`,
  }, { version, from, to });
};

/** `count` Mondays ("YYYY-MM-DD") from `monday` on, a week apart: the dates a version may be planned for. */
export const mondaysFrom = (monday: string, count: number): string[] => {
  const parts = parseIsoDate(monday);
  if (parts === null) return [];
  const start = Date.UTC(parts.year, parts.month - 1, parts.day);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
};
