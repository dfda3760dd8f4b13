import { z } from 'zod';
import { Id, PlannedVersion, Release, VersionLabel } from '../domain';

// Planned versions and the release preview (issue 13). The versions themselves reach every window in the
// directory ('directory.get' → plannedVersions); changes are the 'version.plan', 'version.update' and
// 'release.register' mutators. Handlers: src/core/api/version-handlers.ts.

const none = z.object({}).strict();

/** One OC a release would solve, as the lead reads it before confirming. */
export const ReleasePreviewOc = z.object({
  id: Id,
  displayNumber: z.string(),
  customerName: z.string(),
  subject: z.string(),
});
export type ReleasePreviewOc = z.infer<typeof ReleasePreviewOc>;

/** What registering `version` would do: the OCs solved (their customers told), or that it is registered already. */
export const ReleasePreview = z.object({
  version: z.string(),
  /** The release already registered under this number (registering again is refused). */
  release: Release.nullable(),
  planned: PlannedVersion.nullable(),
  ocs: z.array(ReleasePreviewOc),
});
export type ReleasePreview = z.infer<typeof ReleasePreview>;

export const VersionWaiting = z.object({ version: z.string(), waiting: z.number().int().nonnegative() });
export type VersionWaiting = z.infer<typeof VersionWaiting>;

export const versionQueries = {
  'release.preview': { args: z.object({ version: VersionLabel }).strict(), result: ReleasePreview },
  /** How many OCs wait for each version (the planned-versions list). */
  'version.waiting': { args: none, result: z.array(VersionWaiting) },
} as const;
