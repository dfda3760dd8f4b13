import type { z } from 'zod';
import type { ReleasePreview, versionQueries } from '../../shared/api/versions';
import { displayNumber } from '../../shared/domain';
import { registerRelease, ocsSolvedBy } from '../../shared/mutators/release';
import { waitingByVersion } from '../db/directory';
import { loadState } from '../db/loader';
import { getRow } from '../db/rows';
import type { CoreDeps } from './deps';
import { requireAnalyst } from './query-handlers';
import { requireLead, requireSlaConfig } from './report-handlers';

// The release preview (issue 13): what registering a version will do, read from the replica with the same needs
// and the same rule (ocsSolvedBy) the 'release.register' mutator applies — the lead sees the list first.

type VersionQueries = typeof versionQueries;
export type VersionQueryHandlers = {
  [M in keyof VersionQueries]: (deps: CoreDeps, args: z.output<VersionQueries[M]['args']>) => z.output<VersionQueries[M]['result']>;
};

const releasePreview = (deps: CoreDeps, args: { version: string }): ReleasePreview => {
  const me = requireLead(deps);
  const config = requireSlaConfig(deps);
  const needs = registerRelease.needs({ id: 'preview', version: args.version, releasedAt: 0, notes: '' }, { kind: 'analyst', analyst: me });
  const state = loadState(deps.db, needs, config);
  const customerName = (id: string): string => getRow(deps.db, 'customer', id)?.name ?? id;
  const ocs = ocsSolvedBy(state, args.version)
    .map((oc) => ({ id: oc.id, displayNumber: displayNumber(oc), customerName: customerName(oc.customerId), subject: oc.subject }))
    .sort((a, b) => a.displayNumber.localeCompare(b.displayNumber));
  return { version: args.version, release: state.release, planned: state.plannedVersion, ocs };
};

export const versionQueryHandlers: VersionQueryHandlers = {
  'release.preview': releasePreview,
  'version.waiting': (deps) => {
    requireAnalyst(deps);
    return waitingByVersion(deps.db);
  },
};
