import type { FastifyInstance, FastifyReply } from 'fastify';
import { ExtranetLoginBody, ExtranetOcParams as OcParams, ExtranetOpenOcBody as OpenOcBody, ExtranetReplyBody as ReplyBody, type ExtranetPublicInteraction, type ExtranetPublicOc } from '../../shared/api/extranet';
import { domainError, isDomainError, newId, type DomainError, type Interaction, type Ocorrencia } from '../../shared/domain';
import { parseMutationArgs } from '../../shared/mutators/run';
import { passwordLogin } from '../auth/login';
import { authenticate, type ServerContext } from '../context';
import { applyMutation } from '../sync/apply';
import { extranetOcRef, extranetReplyRef } from '../sync/event-refs';
import type { AttachmentDeps } from '../attachments/context';
import { requireExtranetPrincipal, type ExtranetPrincipal } from './extranet-access';
import { sendAttachmentError } from './attachment-routes';
import { checkReferable, contactActor, publicAttachment, readIntake, referenceAll, registerExtranetAttachmentRoutes } from './extranet-attachment-routes';
import { parseOr400, sendError, tooManyRequests } from './errors';

// The Extranet intake API (SPEC §7, docs/extranet-openapi.yaml): a customer's authorised contacts open OCs, add
// public replies and read their own OCs. The rules are the mutators' ('oc.create' with a contact actor and the
// extranet channel, 'oc.customerReply'); this file only authenticates, scopes and translates.

const ocNotFound = (): DomainError => domainError('NOT_FOUND', { 'pt-BR': 'Ocorrência não encontrada.', en: 'Ocorrência not found.' });

/** HTTP status of a refused intake: the customer-facing reasons are 4xx with the mutator's message. */
const statusOf = (error: { code: string }): number =>
  error.code === 'NOT_FOUND' ? 404 : error.code === 'EXTRANET_NOT_AUTHORISED' || error.code.startsWith('EXTRANET_') ? 403 : error.code === 'INVALID_ARGS' ? 400 : 422;

/** What a customer sees of an OC: no assignee names, no internal notes, no simulation records. */
const publicOc = (oc: Ocorrencia): ExtranetPublicOc => ({
  id: oc.id,
  number: oc.number,
  subject: oc.subject,
  description: oc.description,
  module: oc.module,
  kind: oc.kind,
  criticidade: oc.criticidade,
  status: oc.status,
  channel: oc.channel,
  createdAt: oc.createdAt,
  updatedAt: oc.updatedAt,
  solvedAt: oc.solvedAt,
  closedAt: oc.closedAt,
  targetVersion: oc.targetVersion,
});

const publicInteraction = (i: Interaction): ExtranetPublicInteraction => ({ id: i.id, kind: i.kind, authorName: i.authorName, body: i.body, createdAt: i.createdAt });

export const registerExtranetRoutes = (app: FastifyInstance, ctx: ServerContext, attachments: AttachmentDeps): void => {
  const principalOf = (request: Parameters<typeof authenticate>[1], reply: FastifyReply): Promise<ExtranetPrincipal | null> => requireExtranetPrincipal(ctx, request, reply);

  const ownOc = async (principal: ExtranetPrincipal, id: string): Promise<Ocorrencia | null> => {
    const { rows } = await ctx.db.query<{ doc: Ocorrencia }>('SELECT doc FROM ocorrencia WHERE id = $1 AND customer_id = $2', [id, principal.customer.id]);
    return rows[0]?.doc ?? null;
  };

  const intakeAllowed = (principal: ExtranetPrincipal, reply: FastifyReply): boolean => {
    const wait = ctx.limits.intake.take(principal.contact.id);
    if (wait > 0) void sendError(reply, 429, tooManyRequests(wait));
    return wait === 0;
  };

  app.post('/extranet/v1/login', async (request, reply) => {
    const body = parseOr400(reply, ExtranetLoginBody, request.body);
    if (body === null) return reply;
    const outcome = await passwordLogin(ctx, 'contact', body.email, body.password, request.ip);
    if (!outcome.ok) return sendError(reply, outcome.status, outcome.error);
    const { id, name, customerId } = outcome.subject;
    return { token: outcome.token, expiresAt: outcome.expiresAt, contact: { id, name, customerId } };
  });

  app.get('/extranet/v1/ocs', async (request, reply) => {
    const principal = await principalOf(request, reply);
    if (principal === null) return reply;
    const { rows } = await ctx.db.query<{ doc: Ocorrencia }>('SELECT doc FROM ocorrencia WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 500', [principal.customer.id]);
    return { ocorrencias: rows.map((r) => publicOc(r.doc)) };
  });

  app.get('/extranet/v1/ocs/:id', async (request, reply) => {
    const principal = await principalOf(request, reply);
    if (principal === null) return reply;
    const params = parseOr400(reply, OcParams, request.params);
    if (params === null) return reply;
    const oc = await ownOc(principal, params.id);
    // Another customer's OC answers exactly like a missing one: its existence is not revealed.
    if (oc === null) return sendError(reply, 404, ocNotFound());
    const { rows } = await ctx.db.query<{ doc: Interaction }>(
      "SELECT doc FROM interaction WHERE oc_id = $1 AND kind IN ('public_reply', 'customer_reply') ORDER BY created_at, id", [oc.id]);
    return { ocorrencia: publicOc(oc), interactions: rows.map((r) => publicInteraction(r.doc)) };
  });

  app.post('/extranet/v1/ocs', async (request, reply) => {
    const principal = await principalOf(request, reply);
    if (principal === null) return reply;
    if (request.isMultipart() && !intakeAllowed(principal, reply)) return reply;
    const actor = contactActor(principal, request);
    const intake = await readIntake(attachments, actor, request, reply);
    if (intake === null) return reply;
    const body = parseOr400(reply, OpenOcBody, intake.fields);
    if (body === null || (!request.isMultipart() && !intakeAllowed(principal, reply))) return reply;
    const id = body.id ?? newId();
    const attachmentIds = [...(body.attachmentIds ?? []), ...intake.uploaded.map((a) => a.id)];
    const unreferable = await checkReferable(attachments, actor, body.attachmentIds ?? [], id);
    if (unreferable !== null) return sendAttachmentError(reply, unreferable);
    const parsed = parseMutationArgs('oc.create', {
      id,
      customerId: principal.customer.id,
      contactId: principal.contact.id,
      channel: 'extranet',
      module: body.module,
      criticidade: body.criticidade,
      kind: body.kind,
      subject: body.subject,
      description: body.description,
      preferredAnalystId: body.preferredAnalystId ?? null,
      callStartedAt: null,
    });
    if (isDomainError(parsed)) return sendError(reply, 400, parsed);
    const now = ctx.clock.now();
    const outcome = await applyMutation(ctx.db, {
      name: 'oc.create', args: parsed.args, actor: { kind: 'contact', id: principal.contact.id }, clientTime: now, receivedAt: now,
      mutationRef: extranetOcRef(id), client: null, timeZone: ctx.timeZone, source: `extranet:${request.ip}`,
    });
    if (outcome.kind !== 'applied') throw new Error('unexpected idempotency outcome without a client');
    if (!outcome.result.ok) return sendError(reply, statusOf(outcome.result.error), { kind: 'domain_error', ...outcome.result.error });
    // A repeated request with the same id gets the OC it created; an id of someone else's OC is refused.
    const oc = await ownOc(principal, id);
    if (oc === null) return sendError(reply, 409, domainError('ID_IN_USE', { 'pt-BR': 'Este identificador já está em uso.', en: 'This identifier is already in use.' }));
    const attached = await referenceAll(attachments, actor, attachmentIds, { ocId: oc.id, interactionId: null });
    if (isDomainError(attached)) return sendAttachmentError(reply, attached);
    return reply.code(outcome.applied !== null && outcome.applied.changes.length > 0 ? 201 : 200).send({ ocorrencia: publicOc(oc), attachments: attached.map(publicAttachment) });
  });

  app.post('/extranet/v1/ocs/:id/replies', async (request, reply) => {
    const principal = await principalOf(request, reply);
    if (principal === null) return reply;
    const params = parseOr400(reply, OcParams, request.params);
    if (params === null) return reply;
    if (request.isMultipart() && !intakeAllowed(principal, reply)) return reply;
    const actor = contactActor(principal, request);
    const intake = await readIntake(attachments, actor, request, reply);
    if (intake === null) return reply;
    const body = parseOr400(reply, ReplyBody, intake.fields);
    if (body === null || (!request.isMultipart() && !intakeAllowed(principal, reply))) return reply;
    const interactionId = body.id ?? newId();
    const attachmentIds = [...(body.attachmentIds ?? []), ...intake.uploaded.map((a) => a.id)];
    const unreferable = await checkReferable(attachments, actor, body.attachmentIds ?? [], params.id);
    if (unreferable !== null) return sendAttachmentError(reply, unreferable);
    const parsed = parseMutationArgs('oc.customerReply', { ocId: params.id, interactionId, body: body.body });
    if (isDomainError(parsed)) return sendError(reply, 400, parsed);
    const now = ctx.clock.now();
    const outcome = await applyMutation(ctx.db, {
      name: 'oc.customerReply', args: parsed.args, actor: { kind: 'contact', id: principal.contact.id }, clientTime: now, receivedAt: now,
      mutationRef: extranetReplyRef(interactionId), client: null, timeZone: ctx.timeZone, source: `extranet:${request.ip}`,
    });
    if (outcome.kind !== 'applied') throw new Error('unexpected idempotency outcome without a client');
    if (!outcome.result.ok) return sendError(reply, statusOf(outcome.result.error), { kind: 'domain_error', ...outcome.result.error });
    const { rows } = await ctx.db.query<{ doc: Interaction }>('SELECT doc FROM interaction WHERE id = $1 AND customer_id = $2', [interactionId, principal.customer.id]);
    const saved = rows[0]?.doc;
    if (saved === undefined) return sendError(reply, 409, domainError('ID_IN_USE', { 'pt-BR': 'Este identificador já está em uso.', en: 'This identifier is already in use.' }));
    const attached = await referenceAll(attachments, actor, attachmentIds, { ocId: params.id, interactionId: saved.id });
    if (isDomainError(attached)) return sendAttachmentError(reply, attached);
    return reply.code(outcome.applied !== null && outcome.applied.changes.length > 0 ? 201 : 200).send({ interaction: publicInteraction(saved), attachments: attached.map(publicAttachment) });
  });

  registerExtranetAttachmentRoutes(app, ctx, attachments);
};
