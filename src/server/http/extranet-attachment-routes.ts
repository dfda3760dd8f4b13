import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_REQUEST, type ExtranetAttachment } from '../../shared/api/extranet';
import { domainError, isDomainError, newId, type DomainError } from '../../shared/domain';
import type { Attachment } from '../../shared/domain/attachment';
import { findAttachment } from '../attachments/attachment-rows';
import type { AttachmentConfig } from '../attachments/config';
import { sameUploader, StoreId, type Actor, type AttachmentDeps } from '../attachments/context';
import { listOcAttachments } from '../attachments/downloads';
import { alreadyReferenced, attachmentNotFound, uploadInterrupted } from '../attachments/errors';
import { referenceAttachment } from '../attachments/references';
import { uploadWhole } from '../attachments/uploads';
import type { ServerContext } from '../context';
import { discardRest, sendAttachmentError, sendDownload } from './attachment-routes';
import { extranetOpenApi } from './extranet-openapi';
import { requireExtranetPrincipal, type ExtranetPrincipal } from './extranet-access';
import { parseOr400, sendError } from './errors';

// Attachments on the Extranet (issue 16): a contact sends files as multipart/form-data parts — with the OC they
// open, with a reply, or alone first (POST /extranet/v1/attachments) and then named by id in `attachmentIds` of
// the OC or the reply — and reads the attachments of their own customer's OCs (never an internal note's).

const MAX_FILES_PER_REQUEST = MAX_ATTACHMENTS_PER_REQUEST;

/** What a contact is shown of an attachment: no uploader id (an analyst's id is not the customer's business). */
export const publicAttachment = (a: Attachment): ExtranetAttachment => ({
  id: a.id, ocId: a.ocId, interactionId: a.interactionId, name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256, createdAt: a.createdAt,
});

const badMultipart = (): DomainError =>
  domainError('BAD_MULTIPART', {
    'pt-BR': 'O corpo multipart/form-data está malformado ou passa dos limites (10 arquivos, 40 partes).',
    en: 'The multipart/form-data body is malformed or over its limits (10 files, 40 parts).',
  });

/**
 * The multipart parser, for the whole app (the intake routes take JSON or multipart): a file part is streamed to
 * the store as it arrives, busboy stops reading one a byte past the per-file limit (the store refuses it there).
 */
export const registerMultipart = async (app: FastifyInstance, config: AttachmentConfig): Promise<void> => {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: config.maxFileBytes + 1, files: MAX_FILES_PER_REQUEST, fields: 30, parts: 40, fieldSize: 256 * 1024, fieldNameSize: 100, headerPairs: 100 },
  });
};

export const contactActor = (principal: ExtranetPrincipal, request: FastifyRequest): Actor =>
  ({ who: { kind: 'contact', id: principal.contact.id, customerId: principal.customer.id }, source: `extranet:${request.ip}` });

export interface Intake {
  /** The JSON body, or the multipart text fields (a repeated `attachmentIds` field is a list). */
  fields: Record<string, unknown>;
  /** The files of the multipart parts, stored as loose uploads of the contact. */
  uploaded: Attachment[];
}

/**
 * The body of an intake request: JSON as it is, or multipart whose files are stored (loose: the route puts them
 * on its OC or reply) and whose fields are collected. On a refusal the rest of the body is dropped, the error sent.
 */
export const readIntake = async (deps: AttachmentDeps, actor: Actor, request: FastifyRequest, reply: FastifyReply, options: { fileIdField?: boolean } = {}): Promise<Intake | null> => {
  if (!request.isMultipart()) return { fields: (request.body ?? {}) as Record<string, unknown>, uploaded: [] };
  const fields: Record<string, unknown> = {};
  const uploaded: Attachment[] = [];
  let refusal: DomainError | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'attachmentIds') fields.attachmentIds = [...((fields.attachmentIds as string[] | undefined) ?? []), String(part.value)];
        else fields[part.fieldname] = String(part.value);
        continue;
      }
      if (refusal !== null) {
        part.file.resume();
        continue;
      }
      // A loose upload may carry its client-chosen id in an `id` field sent before the file (a retry then finds it).
      const id = options.fileIdField === true && typeof fields.id === 'string' && uploaded.length === 0 ? fields.id : newId();
      const state = await uploadWhole(deps, actor, { id, name: part.filename }, part.file);
      part.file.resume();
      if (isDomainError(state)) refusal = state;
      else if (state.state === 'receiving') refusal = uploadInterrupted(state.received);
      else uploaded.push(state.attachment);
    }
  } catch (error) {
    // busboy's and the plugin's refusals (a malformed body, a limit): the client's fault, a 400 — never a 5xx.
    request.log.debug({ err: error }, 'multipart refused');
    discardRest(request);
    await sendError(reply, 400, badMultipart());
    return null;
  }
  if (refusal !== null) {
    await sendAttachmentError(reply, refusal);
    return null;
  }
  return { fields, uploaded };
};

/** Checks that every id names the contact's own attachment not yet on an interaction (before the OC or reply is made). */
export const checkReferable = async (deps: AttachmentDeps, actor: Actor, ids: readonly string[], ocId: string | null): Promise<DomainError | null> => {
  for (const id of ids) {
    const found = await findAttachment(deps.db, id);
    if (found === null || !sameUploader(actor, found.uploadedBy)) return attachmentNotFound();
    if (found.interactionId !== null || (found.ocId !== null && found.ocId !== ocId)) return alreadyReferenced();
  }
  return null;
};

/** Puts the attachments on their OC (and reply); they were checked, so a refusal here is the OC's total. */
export const referenceAll = async (deps: AttachmentDeps, actor: Actor, ids: readonly string[], target: { ocId: string; interactionId: string | null }): Promise<Attachment[] | DomainError> => {
  const done: Attachment[] = [];
  for (const id of ids) {
    const referenced = await referenceAttachment(deps, actor, id, target);
    if (isDomainError(referenced)) return referenced;
    done.push(referenced);
  }
  return done;
};

const IdParams = z.object({ id: StoreId });
const LooseFields = z.object({ id: StoreId.optional() });

export const registerExtranetAttachmentRoutes = (app: FastifyInstance, ctx: ServerContext, deps: AttachmentDeps): void => {
  const document = JSON.stringify(extranetOpenApi());
  app.get('/extranet/v1/openapi.json', (_request, reply) => reply.type('application/json; charset=utf-8').send(document));

  app.post('/extranet/v1/attachments', async (request, reply) => {
    const principal = await requireExtranetPrincipal(ctx, request, reply);
    if (principal === null) {
      discardRest(request);
      return reply;
    }
    const actor = contactActor(principal, request);
    const intake = await readIntake(deps, actor, request, reply, { fileIdField: true });
    if (intake === null) return reply;
    if (parseOr400(reply, LooseFields.passthrough(), intake.fields) === null) return reply;
    const [attachment] = intake.uploaded;
    if (attachment === undefined || intake.uploaded.length > 1) {
      return sendAttachmentError(reply, domainError('INVALID_ARGS', { 'pt-BR': 'Envie exatamente um arquivo na parte "file".', en: 'Send exactly one file in the "file" part.' }));
    }
    return reply.code(201).send({ attachment: publicAttachment(attachment) });
  });

  app.get('/extranet/v1/attachments/:id', async (request, reply) => {
    const principal = await requireExtranetPrincipal(ctx, request, reply);
    const params = principal === null ? null : parseOr400(reply, IdParams, request.params);
    if (principal === null || params === null) return reply;
    return sendDownload(deps, contactActor(principal, request), params.id, request, reply);
  });

  app.get('/extranet/v1/ocs/:id/attachments', async (request, reply) => {
    const principal = await requireExtranetPrincipal(ctx, request, reply);
    const params = principal === null ? null : parseOr400(reply, IdParams, request.params);
    if (principal === null || params === null) return reply;
    const listed = await listOcAttachments(deps, contactActor(principal, request).who, params.id);
    return isDomainError(listed) ? sendAttachmentError(reply, listed) : { attachments: listed.map(publicAttachment) };
  });
};
