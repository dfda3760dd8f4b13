import { z } from 'zod';
import { Id, Instant, Slug } from './ids';
import { Level, Presence, Role } from './enums';

export const Analyst = z.object({
  id: Id,
  name: z.string().trim().min(2).max(120),
  login: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,40}$/),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  level: Level,
  role: Role,
  modules: z.array(Slug),
  segments: z.array(Slug),
  /** Maximum ocorrências in hand at once; "take" refuses beyond it. */
  capacity: z.number().int().min(1).max(200),
  presence: Presence,
  active: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Analyst = z.infer<typeof Analyst>;
