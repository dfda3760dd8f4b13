import { z } from 'zod';
import { Id, Instant, Slug } from './ids';
import { Level, Presence, Role } from './enums';
import { Email, Line } from './text';

export const Analyst = z.object({
  id: Id,
  name: Line().trim().min(2).max(120),
  login: Line().trim().toLowerCase().regex(/^[a-z0-9._-]{2,40}$/, 'use 2 a 40 letras minúsculas, dígitos, ponto, _ ou - / use 2 to 40 lower-case letters, digits, dot, _ or -'),
  email: Email,
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
