import { z } from 'zod';
import { checkedString } from './text';
import { MAX_INSTANT, MIN_INSTANT, instantRangeMessage } from './dates';

/**
 * Client-generated identifiers: random UUIDs, so offline clients never collide. Ids chosen elsewhere (the
 * Extranet portal's idempotency keys, a URL path segment) reach PostgreSQL, event ids and log lines, so they hold
 * no NUL, no lone surrogate and no control character at all (tab and line breaks included).
 */
export const Id = checkedString('identifier').min(1).max(128);
export type Id = z.infer<typeof Id>;

export const newId = (): string => globalThis.crypto.randomUUID();

/**
 * Epoch milliseconds (a UTC instant): an integer in [1970-01-01T00:00:00.000Z, 9999-12-31T23:59:59.999Z]
 * (dates.ts says why this range). NaN, Infinity, fractions and year 275760 are refused with the field named.
 */
export const Instant = z
  .number({ error: instantRangeMessage })
  .int({ error: instantRangeMessage, abort: true })
  .min(MIN_INSTANT, { error: instantRangeMessage })
  .max(MAX_INSTANT, { error: instantRangeMessage });
export type Instant = z.infer<typeof Instant>;

/** Slug identifiers of configurable catalog items (modules, segments). */
export const Slug = z.string().regex(/^[a-z0-9_]{2,40}$/, 'use letras minúsculas, dígitos e _ / use lower-case letters, digits and _');
