import { z } from 'zod';
import {
  checkPlannedTransition,
  domainError,
  Id,
  isTargetable,
  PlannedDate,
  plannedVersionStatusName,
  VersionLabel,
  type DomainError,
  type PlannedVersion,
  type Release,
} from '../domain';
import { can } from '../oc/permissions';
import { localDaysOf } from '../sla/time-zone';
import type { MutationContext, MutationState } from './types';
import { defineMutator } from './types';

const DAY_MS = 86_400_000;

/** The Monday (YYYY-MM-DD) of the week an instant falls in, in the team's zone: a release's planned date. */
export const mondayOf = (instant: number, timeZone: string): string => {
  const days = localDaysOf(timeZone, instant);
  const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); Sunday = 0
  return new Date((days - ((weekday + 6) % 7)) * DAY_MS).toISOString().slice(0, 10);
};

const formatPlanned = (date: string): string => date.split('-').reverse().join('/');

const versionNotFound = (version: string): DomainError => domainError('VERSION_UNKNOWN', {
  'pt-BR': `A versão ${version} não está entre as versões planejadas. Escolha uma versão planejada ou proponha esta em Configurações › Versões.`,
  en: `Version ${version} is not one of the planned versions. Pick a planned version or propose this one in Settings › Versions.`,
}, { version });

const versionReleased = (release: Release): DomainError => domainError('VERSION_RELEASED', {
  'pt-BR': `A versão ${release.version} já foi liberada: não há o que planejar.`,
  en: `Version ${release.version} has already been released: there is nothing to plan.`,
}, { version: release.version });

/**
 * Whether an OC may wait for `version` (oc.setTargetVersion): a planned or proposed version, or one already
 * released (which solves the OC at once). A free-typed number nobody planned is refused — it would never ship.
 */
export const checkTargetVersion = (state: Pick<MutationState, 'plannedVersion' | 'release'>, version: string): DomainError | null => {
  if (state.release !== null) return null;
  const planned = state.plannedVersion;
  if (planned === null) return versionNotFound(version);
  if (planned.status === 'cancelada') {
    return domainError('VERSION_CANCELLED', {
      'pt-BR': `A versão ${version} foi cancelada. Escolha outra versão planejada.`,
      en: `Version ${version} was cancelled. Pick another planned version.`,
    }, { version });
  }
  return isTargetable(planned) ? null : versionNotFound(version);
};

/** The planned row a release marks shipped (a version registered without being planned gets one, already liberada). */
export const releasedPlannedVersion = (state: MutationState, release: Release, ctx: MutationContext): PlannedVersion => {
  const planned = state.plannedVersion;
  if (planned !== null) return { ...planned, status: 'liberada', releaseId: release.id, updatedAt: Math.max(planned.updatedAt, ctx.actedAt) };
  return {
    id: release.id,
    version: release.version,
    plannedFor: mondayOf(release.releasedAt, ctx.timeZone),
    status: 'liberada',
    createdById: release.registeredById,
    createdAt: ctx.actedAt,
    updatedAt: ctx.actedAt,
    releaseId: release.id,
  };
};

export const PlanVersionArgs = z.object({ id: Id, version: VersionLabel, plannedFor: PlannedDate });

/** A lead plans a weekly version; an N2 proposes one (status proposta) for a lead to accept. */
export const planVersion = defineMutator({
  name: 'version.plan',
  args: PlanVersionArgs,
  generatedIds: ['id'],
  needs: (args) => ({ plannedVersion: args.version, releaseVersion: args.version }),
  apply: (state, args, ctx) => {
    if (ctx.actor.kind !== 'analyst' || !can(ctx.actor.analyst, 'return_to_n1_or_forward_dev')) {
      return domainError('FORBIDDEN_ROLE', {
        'pt-BR': 'Só N2 e líderes planejam versões (o N2 propõe, o líder confirma).',
        en: 'Only N2 analysts and leads plan versions (N2 proposes, the lead confirms).',
      }, { permission: 'plan_version' });
    }
    const existing = state.plannedVersion;
    if (existing?.id === args.id) return { changes: [], events: [] };
    if (state.release !== null) return versionReleased(state.release);
    const status = can(ctx.actor.analyst, 'configure') ? 'planejada' : 'proposta';
    if (existing !== null && existing.status !== 'cancelada') {
      return domainError('VERSION_EXISTS', {
        'pt-BR': `A versão ${args.version} já está ${plannedVersionStatusName(existing.status, 'pt-BR')} para ${formatPlanned(existing.plannedFor)}.`,
        en: `Version ${args.version} is already ${plannedVersionStatusName(existing.status, 'en')} for ${existing.plannedFor}.`,
      }, { version: args.version });
    }
    const row: PlannedVersion = existing !== null
      ? { ...existing, plannedFor: args.plannedFor, status, updatedAt: Math.max(existing.updatedAt, ctx.actedAt) }
      : { id: args.id, version: args.version, plannedFor: args.plannedFor, status, createdById: ctx.actor.analyst.id, createdAt: ctx.actedAt, updatedAt: ctx.actedAt, releaseId: null };
    return { changes: [{ table: 'planned_version', row }], events: [] };
  },
});

export const UpdateVersionArgs = z.object({
  version: VersionLabel,
  plannedFor: PlannedDate,
  /** planejada: accept a proposal or move the date; cancelada: the version will not ship. */
  status: z.enum(['planejada', 'cancelada']),
});

/**
 * A lead accepts a proposal, moves a version's date or cancels it; an N2 may withdraw their own proposal. A
 * version OCs wait for is not cancelled: they would wait forever (issue 13) — they move to another version first.
 */
export const updateVersion = defineMutator({
  name: 'version.update',
  args: UpdateVersionArgs,
  generatedIds: [],
  needs: (args) => ({ plannedVersion: args.version, ocsAwaitingVersion: args.version }),
  apply: (state, args, ctx) => {
    const planned = state.plannedVersion;
    if (planned === null) return versionNotFound(args.version);
    const lead = ctx.actor.kind === 'system' || (ctx.actor.kind === 'analyst' && can(ctx.actor.analyst, 'configure'));
    const withdrawsOwn = ctx.actor.kind === 'analyst' && planned.status === 'proposta' && args.status === 'cancelada' && planned.createdById === ctx.actor.analyst.id;
    if (!lead && !withdrawsOwn) {
      return domainError('FORBIDDEN_ROLE', {
        'pt-BR': 'Só um líder confirma, remarca ou cancela versões (quem propôs pode retirar a própria proposta).',
        en: 'Only a lead confirms, reschedules or cancels versions (whoever proposed one may withdraw it).',
      }, { permission: 'configure' });
    }
    if (planned.status === args.status && planned.plannedFor === args.plannedFor) return { changes: [], events: [] };
    const refused = checkPlannedTransition(args.version, planned.status, args.status);
    if (refused !== null) return refused;
    const waiting = state.ocsAwaitingVersion.length;
    if (args.status === 'cancelada' && waiting > 0) {
      return domainError('VERSION_HAS_WAITING_OCS', {
        'pt-BR': `${waiting === 1 ? '1 OC aguarda' : `${waiting} OCs aguardam`} a versão ${args.version}: mude a versão de destino ${waiting === 1 ? 'dela' : 'delas'} antes de cancelar.`,
        en: `${waiting === 1 ? '1 OC waits' : `${waiting} OCs wait`} for version ${args.version}: move ${waiting === 1 ? 'it' : 'them'} to another version before cancelling.`,
      }, { version: args.version, waiting });
    }
    const row: PlannedVersion = { ...planned, plannedFor: args.plannedFor, status: args.status, updatedAt: Math.max(planned.updatedAt, ctx.actedAt) };
    return { changes: [{ table: 'planned_version', row }], events: [] };
  },
});
