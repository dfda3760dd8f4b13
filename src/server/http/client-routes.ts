import type { FastifyInstance } from 'fastify';
import { isDomainError } from '../../shared/domain';
import { RegisterClientRequest, type RegisterClientResponse } from '../../shared/sync/protocol';
import { audit } from '../audit';
import { authenticate, type ServerContext } from '../context';
import { hashClientSecret, registerClient } from '../sync/client-identity';
import { parseOr400, sendError } from './errors';

/** A desktop binds its client id to its secret, once, under an analyst's session (sync/client-identity.ts). */
export const registerClientRoutes = (app: FastifyInstance, ctx: ServerContext): void => {
  app.post('/api/v1/clients', async (request, reply) => {
    const session = await authenticate(ctx, request, 'analyst');
    if (isDomainError(session)) return sendError(reply, 401, session);
    const body = parseOr400(reply, RegisterClientRequest, request.body);
    if (body === null) return reply;
    const now = ctx.clock.now();
    const outcome = await registerClient(ctx.db, body.clientId, hashClientSecret(body.clientSecret), session.subjectId, now);
    await audit(ctx.db, {
      at: now, actorKind: 'analyst', actorId: session.subjectId, action: 'client.register', target: body.clientId,
      outcome: isDomainError(outcome) ? 'denied' : 'ok', detail: { outcome: isDomainError(outcome) ? outcome.code : outcome }, source: request.ip,
    });
    if (isDomainError(outcome)) return sendError(reply, 403, outcome);
    return { clientId: body.clientId, outcome, serverTime: ctx.clock.now() } satisfies RegisterClientResponse;
  });
};
