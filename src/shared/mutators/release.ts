import { z } from 'zod';
import { domainError, Id, Instant, isDomainError, normalizeVersion, Text, VersionLabel, type Ocorrencia, type Release } from '../domain';
import { checkOcAction } from '../oc/state-machine';
import { analystNameIn, patchOc, requirePermission, statusEvents, statusFields } from './helpers';
import { buildInteraction, interactionEvent } from './oc-interactions';
import { releasedPlannedVersion } from './planned-version';
import { defineMutator, type Change, type EventDraft, type MutationContext, type MutationState } from './types';

export const RegisterReleaseArgs = z.object({
  id: Id,
  version: VersionLabel,
  releasedAt: Instant,
  notes: Text().trim().max(10_000).default(''),
});

/** The message each waiting customer gets (manual FAQ 4); it is a public reply, so the e-mail copy follows. */
export const releaseNotice = (version: string): string =>
  `A versão ${version} do UNO ERP, com a correção desta ocorrência, foi liberada. ` +
  'Agende a atualização pelo módulo Segurança ou abra uma ocorrência de atualização de versão. ' +
  'Se o problema persistir após atualizar, responda por aqui pela Extranet.';

/** The OCs a release of `version` solves: those waiting for it (the preview lists them, the mutator solves them). */
export const ocsSolvedBy = (state: Pick<MutationState, 'ocsAwaitingVersion'>, version: string): Ocorrencia[] =>
  state.ocsAwaitingVersion.filter((oc) => oc.status === 'aguardando_versao' && oc.targetVersion !== null && normalizeVersion(oc.targetVersion) === version);

/**
 * A lead registers the weekly release; OCs waiting for it become solucionada and their customers are told, and
 * its planned version is marked liberada (one is made for a version nobody planned: a hotfix).
 */
export const registerRelease = defineMutator({
  name: 'release.register',
  args: RegisterReleaseArgs,
  generatedIds: ['id'],
  needs: (args) => ({ releaseVersion: args.version, ocsAwaitingVersion: args.version, plannedVersion: args.version }),
  apply: (state, args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    if (state.release !== null) {
      if (state.release.id === args.id) return { changes: [], events: [] };
      return domainError('RELEASE_EXISTS', {
        'pt-BR': `A versão ${args.version} já foi registrada.`,
        en: `Version ${args.version} is already registered.`,
      });
    }
    const release: Release = { ...args, registeredById: ctx.actor.kind === 'analyst' ? ctx.actor.analyst.id : 'system' };
    const changes: Change[] = [{ table: 'release', row: release }, { table: 'planned_version', row: releasedPlannedVersion(state, release, ctx) }];
    const events: EventDraft[] = [];
    for (const oc of ocsSolvedBy(state, args.version)) {
      const solved = solveByRelease(oc, release, ctx, analystNameIn(state));
      if (isDomainError(solved)) continue;
      changes.push({ table: 'ocorrencia', row: solved.oc }, ...solved.changes);
      events.push(...solved.events);
    }
    return { changes, events };
  },
});

/** An OC waiting for `release`, solved by it: the customer's notice (a public reply, so the e-mail copy follows). */
export const solveByRelease = (oc: Ocorrencia, release: Release, ctx: MutationContext, analystName: (id: string) => string) => {
  const checked = checkOcAction('release_resolve', oc, ctx.actor, { analystName, timeZone: ctx.timeZone });
  if (isDomainError(checked)) return checked;
  const notice = buildInteraction(ctx, {
    id: `${release.id}:${oc.id}`,
    ocId: oc.id,
    customerId: oc.customerId,
    kind: 'public_reply',
    body: releaseNotice(release.version),
    at: ctx.receivedAt,
  });
  const next = patchOc(oc, { ...statusFields(oc, checked.to, ctx), resolution: { code: 'versao_liberada', note: `Versão ${release.version}` } }, ctx);
  const changes: Change[] = [{ table: 'interaction', row: notice }];
  const events: EventDraft[] = [interactionEvent(oc, notice), ...statusEvents(oc, checked.to, ctx)];
  return { oc: next, changes, events };
};
