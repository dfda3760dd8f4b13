import { z } from 'zod';
import { Id, Instant, OcKind, Slug } from '../domain';

// Results of the analyst workspace's queries that the first contract did not have: collision presence, N0
// articles, the customer's penalties this month, the analyst's saved UI state and queue rows by id.

export const PresenceActivity = z.enum(['viewing', 'replying']);
export type PresenceActivity = z.infer<typeof PresenceActivity>;

export const OcViewer = z.object({
  analystId: Id,
  name: z.string(),
  activity: PresenceActivity,
  since: Instant,
});
export type OcViewer = z.infer<typeof OcViewer>;

/** Who else is looking at or replying to an OC right now (SPEC §4 collision notice); never includes me. */
export const OcPresence = z.object({ ocId: Id, viewers: z.array(OcViewer) });
export type OcPresence = z.infer<typeof OcPresence>;

export const PresenceSetArgs = z.object({ ocId: Id.nullable(), activity: PresenceActivity.default('viewing') });

export const N0Article = z.object({
  id: z.string(),
  source: z.enum(['blog', 'manual', 'ead']),
  title: z.string(),
  url: z.url().nullable(),
  summary: z.string(),
  /** The reply text that sends the article to the customer. */
  replyText: z.string(),
});
export type N0Article = z.infer<typeof N0Article>;

export const KbSuggestArgs = z.object({ module: Slug, kind: OcKind.nullable().default(null) });

/** Resolution-breach penalties of a customer in the current month (SPEC §3 penalty accounting). */
export const CustomerPenalties = z.object({
  customerId: Id,
  month: z.string(),
  breaches: z.number().int().nonnegative(),
  monthlyFeeCents: z.number().int().nonnegative(),
  penaltyCents: z.number().int().nonnegative(),
  capCents: z.number().int().nonnegative(),
  capped: z.boolean(),
  ocIds: z.array(Id),
});
export type CustomerPenalties = z.infer<typeof CustomerPenalties>;

export const PREF_KEY = /^[a-zA-Z0-9._-]{1,60}$/;
export const PrefsPutArgs = z.object({
  key: z.string().regex(PREF_KEY, 'use até 60 letras, dígitos, ponto, _ ou - / use up to 60 letters, digits, dot, _ or -'),
  value: z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= 512_000, 'valor grande demais / value too large'),
});
export const Prefs = z.record(z.string(), z.unknown());

export const QueueRowsArgs = z.object({ ids: z.array(Id).max(2_000) });
