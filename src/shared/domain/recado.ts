import { z } from 'zod';
import { Id, Instant } from './ids';
import { Line, Phone, Text } from './text';

/** Callback message left by whoever answered the phone for the analyst the customer wanted (manual FAQ 6). */
export const Recado = z.object({
  id: Id,
  forAnalystId: Id,
  fromAnalystId: Id,
  customerId: Id,
  ocId: Id.nullable(),
  callerName: Line().trim().min(1).max(120),
  callerPhone: Phone.nullable(),
  message: Text().trim().min(1).max(2_000),
  createdAt: Instant,
  doneAt: Instant.nullable(),
  doneById: Id.nullable(),
});
export type Recado = z.infer<typeof Recado>;
