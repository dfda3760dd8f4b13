import { z } from 'zod';

/** Client-generated identifiers: random UUIDs, so offline clients never collide. */
export const Id = z.string().min(1).max(128);
export type Id = z.infer<typeof Id>;

export const newId = (): string => globalThis.crypto.randomUUID();

/** Epoch milliseconds (a UTC instant). */
export const Instant = z.number().int().nonnegative();
export type Instant = z.infer<typeof Instant>;

/** Slug identifiers of configurable catalog items (modules, segments). */
export const Slug = z.string().regex(/^[a-z0-9_]{2,40}$/, 'use lower-case letters, digits and _');
