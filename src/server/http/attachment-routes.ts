import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { isDomainError, type DomainError } from '../../shared/domain';
import type { Actor, AttachmentDeps } from '../attachments/context';
import { StoreId } from '../attachments/context';
import { listOcAttachments, openDownload } from '../attachments/downloads';
import { httpStatusOf } from '../attachments/errors';
import { appendUpload, beginUpload, cancelUpload, uploadStatus, type UploadState } from '../attachments/uploads';
import { authenticate, type ServerContext } from '../context';
import { parseOr400, sendError } from './errors';

// The desktop (analyst) side of attachments (issue 16): a resumable upload like tus — begin with the attachment's
// own id, append the bytes from the offset the server holds as a raw application/octet-stream body (streamed into
// the store chunk by chunk, never buffered whole), ask the status, cancel — and downloads with Range. The routes
// live under /api/v1/, so the protocol header check of sync-routes.ts applies to them as to push and pull.

export const OFFSET_HEADER = 'upload-offset';

const IdParams = z.object({ id: StoreId });
/** The offset the client continues from (what the status said the server holds). */
const OffsetHeader = z.object({ [OFFSET_HEADER]: z.string().regex(/^\d{1,15}$/, 'Upload-Offset: um número de bytes / a number of bytes').transform(Number) });

/** An attachment refusal as the one error body, with the status the store names (never a 5xx). */
export const sendAttachmentError = (reply: FastifyReply, error: DomainError): FastifyReply => sendError(reply, httpStatusOf(error), error);

/** The upload's state, with the offset as a header too (what a tus-like client reads). */
export const sendUploadState = (reply: FastifyReply, state: UploadState | DomainError): FastifyReply => {
  if (isDomainError(state)) return sendAttachmentError(reply, state);
  void reply.header(OFFSET_HEADER, String(state.state === 'receiving' ? state.received : state.attachment.size));
  return reply.code(200).send(state);
};

/** Streams an attachment (or the asked Range) with the headers every download carries. */
export const sendDownload = async (deps: AttachmentDeps, actor: Actor, id: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
  const range = request.headers.range;
  const opened = await openDownload(deps, actor, id, typeof range === 'string' ? range : undefined);
  if ('error' in opened) {
    void reply.headers(opened.headers);
    return sendError(reply, opened.status, opened.error);
  }
  return reply.code(opened.status).headers(opened.headers).send(opened.body);
};

/**
 * After a refusal in the middle of a body (over the limit, a refused type), the rest is read and dropped, so the
 * answer reaches the client on a connection that stays usable.
 */
export const discardRest = (request: FastifyRequest): void => {
  if (!request.raw.complete) request.raw.resume();
};

export const registerAttachmentRoutes = async (app: FastifyInstance, ctx: ServerContext, deps: AttachmentDeps): Promise<void> => {
  await app.register(async (scope) => {
    // The body of an append is the file's bytes, handed to the route as the request stream itself.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

    const analyst = async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> => {
      const session = await authenticate(ctx, request, 'analyst');
      if (isDomainError(session)) {
        await sendError(reply, 401, session);
        return null;
      }
      return { who: { kind: 'analyst', id: session.subjectId }, source: `desktop:${request.ip}` };
    };

    scope.post('/api/v1/attachments/uploads', async (request, reply) => {
      const actor = await analyst(request, reply);
      if (actor === null) return reply;
      return sendUploadState(reply, await beginUpload(deps, actor, request.body ?? {}));
    });

    scope.get('/api/v1/attachments/uploads/:id', async (request, reply) => {
      const actor = await analyst(request, reply);
      const params = actor === null ? null : parseOr400(reply, IdParams, request.params);
      if (actor === null || params === null) return reply;
      return sendUploadState(reply, await uploadStatus(deps, actor, params.id));
    });

    scope.patch('/api/v1/attachments/uploads/:id', async (request, reply) => {
      const actor = await analyst(request, reply);
      const params = actor === null ? null : parseOr400(reply, IdParams, request.params);
      const headers = params === null ? null : parseOr400(reply, OffsetHeader, request.headers);
      if (actor === null || params === null || headers === null) {
        discardRest(request);
        return reply;
      }
      const body = request.body as Readable | undefined;
      const state = await appendUpload(deps, actor, params.id, headers[OFFSET_HEADER], body ?? Readable.from([]));
      // Refused, or the declared size reached with bytes still coming: what is left of the body is dropped. (When
      // the client went away mid-body, nobody reads this answer; the status route says where to continue.)
      if (isDomainError(state) || state.state === 'complete') discardRest(request);
      return sendUploadState(reply, state);
    });

    scope.delete('/api/v1/attachments/uploads/:id', async (request, reply) => {
      const actor = await analyst(request, reply);
      const params = actor === null ? null : parseOr400(reply, IdParams, request.params);
      if (actor === null || params === null) return reply;
      const refused = await cancelUpload(deps, actor, params.id);
      return refused === null ? reply.code(204).send() : sendAttachmentError(reply, refused);
    });

    scope.get('/api/v1/attachments/:id', async (request, reply) => {
      const actor = await analyst(request, reply);
      const params = actor === null ? null : parseOr400(reply, IdParams, request.params);
      if (actor === null || params === null) return reply;
      return sendDownload(deps, actor, params.id, request, reply);
    });

    scope.get('/api/v1/ocs/:id/attachments', async (request, reply) => {
      const actor = await analyst(request, reply);
      const params = actor === null ? null : parseOr400(reply, IdParams, request.params);
      if (actor === null || params === null) return reply;
      const listed = await listOcAttachments(deps, actor.who, params.id);
      return isDomainError(listed) ? sendAttachmentError(reply, listed) : { attachments: listed };
    });
  });
};
