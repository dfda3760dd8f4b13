import type { FastifyInstance } from 'fastify';
import { isDomainError } from '../../shared/domain';
import { LoginRequest, MIN_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION, PullRequest, PushRequest, type HelloResponse } from '../../shared/sync/protocol';
import { passwordLogin } from '../auth/login';
import { authenticate, bearerToken, type ServerContext } from '../context';
import { hashClientSecret } from '../sync/client-identity';
import type { PullPages } from '../sync/pull';
import { pushMutations } from '../sync/push';
import { registerClientRoutes } from './client-routes';
import { parseOr400, protocolAccepted, protocolOf, sendError, updateRequired } from './errors';

/** The desktop sync API (SPEC §6–7): hello, login, logout, push, pull; every call but hello names its protocol. */
/** What the pull route reports to, so the poke hub can pace pokes by the pulls they cause. */
export interface PullObserver {
  pullStarted(): void;
  pullEnded(): void;
}

export const registerSyncRoutes = (app: FastifyInstance, ctx: ServerContext, pulls: PullPages, observer: PullObserver): void => {
  app.get('/api/v1/hello', async (): Promise<HelloResponse> => ({
    protocol: PROTOCOL_VERSION,
    minProtocol: MIN_PROTOCOL_VERSION,
    serverTime: ctx.clock.now(),
    node: ctx.node,
  }));

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || request.url.startsWith('/api/v1/hello')) return;
    const version = protocolOf(request.headers[PROTOCOL_HEADER]) ?? protocolOf((request.query as Record<string, string> | undefined)?.protocol);
    if (!protocolAccepted(version)) return sendError(reply, 426, updateRequired(version));
    return undefined;
  });

  app.post('/api/v1/login', async (request, reply) => {
    const body = parseOr400(reply, LoginRequest, request.body);
    if (body === null) return reply;
    const outcome = await passwordLogin(ctx, 'analyst', body.login, body.password, request.ip);
    if (!outcome.ok) return sendError(reply, outcome.status, outcome.error);
    return { token: outcome.token, expiresAt: outcome.expiresAt, analyst: outcome.subject, serverTime: ctx.clock.now() };
  });

  app.post('/api/v1/logout', async (request) => {
    const token = bearerToken(request);
    if (token !== null) await ctx.sessions.revoke(token);
    return { ok: true };
  });

  registerClientRoutes(app, ctx);

  app.post('/api/v1/push', async (request, reply) => {
    const session = await authenticate(ctx, request, 'analyst');
    if (isDomainError(session)) return sendError(reply, 401, session);
    const body = parseOr400(reply, PushRequest, request.body);
    if (body === null) return reply;
    const response = await pushMutations(ctx, session.subjectId, body);
    if (isDomainError(response)) return sendError(reply, response.code === 'MUTATION_GAP' ? 409 : 403, response);
    return response;
  });

  app.post('/api/v1/pull', async (request, reply) => {
    const session = await authenticate(ctx, request, 'analyst');
    if (isDomainError(session)) return sendError(reply, 401, session);
    const body = parseOr400(reply, PullRequest, request.body);
    if (body === null) return reply;
    observer.pullStarted();
    try {
      const page = await pulls.pull(body.clientId, hashClientSecret(body.clientSecret), body.cursor, body.limit);
      if (isDomainError(page)) return sendError(reply, 403, page);
      return reply.type('application/json; charset=utf-8').send(page.body);
    } finally {
      observer.pullEnded();
    }
  });
};
