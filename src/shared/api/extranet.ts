import { z } from 'zod';
import { Id, Line } from '../domain';
import { CreateOcArgs } from '../mutators/oc-create';
import { InteractionBody } from '../mutators/oc-interactions';
import { LoginRequest } from '../sync/protocol';

// Request bodies and path parameters of the Extranet intake API (SPEC §7, docs/extranet-openapi.yaml), shared so
// the portal-facing limits are the mutators' own and an OpenAPI document can be generated from them. Every text
// refuses NUL, lone surrogates and controls with a 400 that names the field (src/shared/domain/text.ts) — before
// any row is written, so one bad request never reaches PostgreSQL.

export const ExtranetLoginBody = z.object({
  email: Line().trim().toLowerCase().min(3).max(200),
  password: LoginRequest.shape.password,
});

/** An OC opened by a customer's contact: the fields of 'oc.create' the portal chooses. */
export const ExtranetOpenOcBody = CreateOcArgs.pick({ module: true, criticidade: true, kind: true, subject: true, description: true }).extend({
  /** Optional client-chosen id (idempotency: the same id answers with the OC it created). */
  id: Id.optional(),
  preferredAnalystId: Id.nullable().optional(),
});
export type ExtranetOpenOcBody = z.infer<typeof ExtranetOpenOcBody>;

export const ExtranetReplyBody = z.object({ id: Id.optional(), body: InteractionBody });
export type ExtranetReplyBody = z.infer<typeof ExtranetReplyBody>;

export const ExtranetOcParams = z.object({ id: Id });
