import { z } from 'zod';
import { Id, Instant } from './ids';

/** Callback message left by whoever answered the phone for the analyst the customer wanted (manual FAQ 6). */
export const Recado = z.object({
  id: Id,
  forAnalystId: Id,
  fromAnalystId: Id,
  customerId: Id,
  ocId: Id.nullable(),
  callerName: z.string().trim().min(1).max(120),
  callerPhone: z.string().trim().max(30).nullable(),
  message: z.string().trim().min(1).max(2_000),
  createdAt: Instant,
  doneAt: Instant.nullable(),
  doneById: Id.nullable(),
});
export type Recado = z.infer<typeof Recado>;
