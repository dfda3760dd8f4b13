import { z } from 'zod';
import { Id, Instant, Interaction, Line, Ocorrencia } from '../domain';
import { AttachmentMediaType, Sha256Hex } from '../domain/attachment';
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

/** Files one request may carry, or name in `attachmentIds`. */
export const MAX_ATTACHMENTS_PER_REQUEST = 10;

/** Attachments uploaded alone first (POST /extranet/v1/attachments), put on the OC or reply this request makes. */
const AttachmentIds = z.array(Id).max(MAX_ATTACHMENTS_PER_REQUEST).optional()
  .describe('Ids of attachments the contact uploaded alone (POST /extranet/v1/attachments) and has not put on an interaction yet');

/** A file part of a multipart/form-data request. */
const FilePart = z.string().meta({ contentMediaType: 'application/octet-stream', description: 'A file (at most 10 per request); its type is found from its bytes' });

/** An OC opened by a customer's contact: the fields of 'oc.create' the portal chooses. */
export const ExtranetOpenOcBody = CreateOcArgs.pick({ module: true, criticidade: true, kind: true, subject: true, description: true }).extend({
  /** Optional client-chosen id (idempotency: the same id answers with the OC it created). */
  id: Id.optional(),
  preferredAnalystId: Id.nullable().optional(),
  attachmentIds: AttachmentIds,
});
export type ExtranetOpenOcBody = z.infer<typeof ExtranetOpenOcBody>;

export const ExtranetReplyBody = z.object({ id: Id.optional(), body: InteractionBody, attachmentIds: AttachmentIds });
export type ExtranetReplyBody = z.infer<typeof ExtranetReplyBody>;

export const ExtranetOcParams = z.object({ id: Id });
export const ExtranetAttachmentParams = z.object({ id: Id });

/** The same fields as form fields, with the files as `file` parts (multipart/form-data). */
export const ExtranetOpenOcForm = ExtranetOpenOcBody.omit({ attachmentIds: true, preferredAnalystId: true }).extend({ file: z.array(FilePart).max(MAX_ATTACHMENTS_PER_REQUEST).optional() });
export const ExtranetReplyForm = ExtranetReplyBody.omit({ attachmentIds: true }).extend({ file: z.array(FilePart).max(MAX_ATTACHMENTS_PER_REQUEST).optional() });
/** One file alone; `id` (sent before the file) is the client's id for it: a retry answers the attachment it made. */
export const ExtranetAttachmentForm = z.object({ id: Id.optional(), file: FilePart });

// Responses: what the routes send (src/server/http/extranet-routes.ts builds them), the source of the generated
// OpenAPI document (src/server/http/extranet-openapi.ts) and of its contract test.

/** A customer's view of an OC: no assignee, no internal fields. */
export const ExtranetPublicOc = Ocorrencia.pick({
  id: true, number: true, subject: true, description: true, module: true, kind: true, criticidade: true, status: true, channel: true,
  createdAt: true, updatedAt: true, solvedAt: true, closedAt: true, targetVersion: true,
}).strict();
export type ExtranetPublicOc = z.infer<typeof ExtranetPublicOc>;

/** A public reply of an analyst or a reply of the customer (internal notes and simulation records are never sent). */
export const ExtranetPublicInteraction = Interaction.pick({ id: true, kind: true, authorName: true, body: true, createdAt: true }).strict();
export type ExtranetPublicInteraction = z.infer<typeof ExtranetPublicInteraction>;

/** An attachment as a contact sees it: not who uploaded it (an analyst's id is not the customer's business). */
export const ExtranetAttachment = z.object({
  id: Id,
  ocId: Id.nullable(),
  interactionId: Id.nullable(),
  name: z.string().min(1).max(255).describe('The file name as uploaded (NFC); the download adds an extension matching the content when needed'),
  mediaType: AttachmentMediaType.describe('The type the server found in the bytes (never the name\'s)'),
  size: z.number().int().positive(),
  sha256: Sha256Hex,
  createdAt: Instant,
}).strict();
export type ExtranetAttachment = z.infer<typeof ExtranetAttachment>;

export const ExtranetLoginResponse = z.object({
  token: z.string().describe('Bearer token for the other calls'),
  expiresAt: Instant,
  contact: z.object({ id: Id, name: z.string(), customerId: Id }).strict(),
}).strict();

export const ExtranetOcList = z.object({ ocorrencias: z.array(ExtranetPublicOc) }).strict();
export const ExtranetOcDetail = z.object({ ocorrencia: ExtranetPublicOc, interactions: z.array(ExtranetPublicInteraction) }).strict();
export const ExtranetOcOpened = z.object({ ocorrencia: ExtranetPublicOc, attachments: z.array(ExtranetAttachment) }).strict();
export const ExtranetReplyAdded = z.object({ interaction: ExtranetPublicInteraction, attachments: z.array(ExtranetAttachment) }).strict();
export const ExtranetAttachmentList = z.object({ attachments: z.array(ExtranetAttachment) }).strict();
export const ExtranetAttachmentUploaded = z.object({ attachment: ExtranetAttachment }).strict();

/** The one error body of every refusal (ARCHITECTURE.md style 4). */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ 'pt-BR': z.string(), en: z.string() }).strict(),
    details: z.record(z.string(), z.unknown()).optional(),
  }).strict(),
}).strict();
