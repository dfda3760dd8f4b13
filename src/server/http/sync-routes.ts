import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isDomainError, type Analyst } from '../../shared/domain';
import { can } from '../../shared/oc/permissions';
import { LoginRequest, MIN_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION, PullRequest, PushRequest, type HelloResponse } from '../../shared/sync/protocol';
import { audit } from '../audit';
import { passwordLogin } from '../auth/login';
import { hashPassword } from '../auth/password';
import { bearerToken, sessionOf, type ServerContext } from '../context';
import { pullChanges } from '../sync/pull';
import { pushMutations } from '../sync/push';
import { forbidden, parseOr400, protocolAccepted, protocolOf, sendError, unauthorized, updateRequired } from './errors';

/** The desktop sync API (SPEC §6–7): hello, login, logout, push, pull; every call but hello names its protocol. */
export const registerSyncRoutes = (app: FastifyInstance, ctx: ServerContext): void => {
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

  app.post('/api/v1/push', async (request, reply) => {
    const session = await sessionOf(ctx, request, 'analyst');
    if (session === null) return sendError(reply, 401, unauthorized());
    const body = parseOr400(reply, PushRequest, request.body);
    if (body === null) return reply;
    const response = await pushMutations(ctx, session.subjectId, body);
    if (isDomainError(response)) return sendError(reply, 409, response);
    return response;
  });

  app.post('/api/v1/pull', async (request, reply) => {
    const session = await sessionOf(ctx, request, 'analyst');
    if (session === null) return sendError(reply, 401, unauthorized());
    const body = parseOr400(reply, PullRequest, request.body);
    if (body === null) return reply;
    const page = await pullChanges(ctx.db, ctx.clock, body.clientId, body.cursor, body.limit);
    return reply.type('application/json; charset=utf-8').send(page.body);
  });

  // A lead or admin sets the Extranet password of a customer's contact (the contact then logs in by e-mail).
  app.put('/api/v1/contacts/:id/password', async (request, reply) => {
    const session = await sessionOf(ctx, request, 'analyst');
    if (session === null) return sendError(reply, 401, unauthorized());
    const params = parseOr400(reply, z.object({ id: z.string().min(1).max(64) }), request.params);
    const body = parseOr400(reply, z.object({ password: z.string().min(8).max(200) }), request.body);
    if (params === null || body === null) return reply;
    const { rows } = await ctx.db.query<{ doc: Analyst }>('SELECT doc FROM analyst WHERE id = $1', [session.subjectId]);
    const lead = rows[0]?.doc;
    const now = ctx.clock.now();
    if (lead === undefined || !lead.active || !can(lead, 'configure')) {
      await audit(ctx.db, { at: now, actorKind: 'analyst', actorId: session.subjectId, action: 'contact.setPassword', target: params.id, outcome: 'denied', source: request.ip });
      return sendError(reply, 403, forbidden());
    }
    const contact = await ctx.db.query<{ email: string }>('SELECT email FROM contact WHERE id = $1', [params.id]);
    const email = contact.rows[0]?.email;
    if (email === undefined) return sendError(reply, 404, { kind: 'domain_error', code: 'NOT_FOUND', message: { 'pt-BR': 'Contato não encontrado.', en: 'Contact not found.' } });
    await ctx.db.query(`INSERT INTO credential (kind, login, subject_id, hash, updated_at) VALUES ('contact', $1, $2, $3, $4)
      ON CONFLICT (kind, login) DO UPDATE SET subject_id = excluded.subject_id, hash = excluded.hash, updated_at = excluded.updated_at`,
    [email, params.id, await hashPassword(body.password), now]);
    await audit(ctx.db, { at: now, actorKind: 'analyst', actorId: session.subjectId, action: 'contact.setPassword', target: params.id, outcome: 'ok', source: request.ip });
    return { ok: true };
  });
};
