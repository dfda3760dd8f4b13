import { z } from 'zod';
import { Id, Instant } from './ids';
import { Line, Text } from './text';

/**
 * One spelling per version: leading zeros of its numeric parts go ("2026.12.07" and "2026.12.7" are one version —
 * typed both ways, a waiting OC would never be solved by its release).
 */
export const normalizeVersion = (version: string): string =>
  version.trim().split('.').map((part) => (/^\d+$/.test(part) ? part.replace(/^0+(?=\d)/, '') : part)).join('.');

/**
 * UNO ERP versions ship weekly (manual FAQ 4), e.g. "2026.48" or "8.4.12"; normalised (normalizeVersion) with
 * overwrite, which keeps the type a string with its pattern (the OpenAPI document shows it).
 */
export const VersionLabel = Line().trim().regex(/^[0-9][0-9A-Za-z.-]{0,30}$/, 'versão inválida / invalid version').overwrite(normalizeVersion);

export const Release = z.object({
  id: Id,
  version: VersionLabel,
  releasedAt: Instant,
  notes: Text().max(10_000),
  registeredById: Id,
});
export type Release = z.infer<typeof Release>;
