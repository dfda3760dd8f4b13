import { z } from 'zod';
import { Id, Instant } from './ids';
import { Line, Text } from './text';

/** UNO ERP versions ship weekly (manual FAQ 4), e.g. "2026.48" or "8.4.12". */
export const VersionLabel = Line().trim().regex(/^[0-9][0-9A-Za-z.-]{0,30}$/, 'versão inválida / invalid version');

export const Release = z.object({
  id: Id,
  version: VersionLabel,
  releasedAt: Instant,
  notes: Text().max(10_000),
  registeredById: Id,
});
export type Release = z.infer<typeof Release>;
