import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { domainError, Id, isDomainError, type Analyst } from '../../shared/domain';
import { can, type Permission } from '../../shared/oc/permissions';
import { SetPasswordRequest } from '../../shared/sync/protocol';
import { audit } from '../audit';
import { hashPassword } from '../auth/password';
import { authenticate, type ServerContext } from '../context';
import { forbidden, parseOr400, sendError } from './errors';

// Passwords never travel through the sync outbox: they are set online, by the people SPEC §8 allows —
// a lead or admin for a customer's Extranet contact, an admin for an analyst (users and roles).
const Params = z.object({ id: Id });

const notFound = (what: 'contact' | 'analyst') =>
  domainError('NOT_FOUND', what === 'contact'
    ? { 'pt-BR': 'Contato não encontrado.', en: 'Contact not found.' }
    : { 'pt-BR': 'Analista não encontrado.', en: 'Analyst not found.' });

const setPassword = (ctx: ServerContext, kind: 'contact' | 'analyst', permission: Permission) =>
  async (request: FastifyRequest, reply: FastifyReply) => {
    const session = await authenticate(ctx, request, 'analyst');
    if (isDomainError(session)) return sendError(reply, 401, session);
    const params = parseOr400(reply, Params, request.params);
    const body = params === null ? null : parseOr400(reply, SetPasswordRequest, request.body);
    if (params === null || body === null) return reply;
    const action = `${kind}.setPassword`;
    const now = ctx.clock.now();
    const { rows } = await ctx.db.query<{ doc: Analyst }>('SELECT doc FROM analyst WHERE id = $1', [session.subjectId]);
    const actor = rows[0]?.doc;
    if (actor === undefined || !actor.active || !can(actor, permission)) {
      await audit(ctx.db, { at: now, actorKind: 'analyst', actorId: session.subjectId, action, target: params.id, outcome: 'denied', source: request.ip });
      return sendError(reply, 403, forbidden());
    }
    // Contacts log in to the Extranet by e-mail, analysts to the desktop by login.
    const found = await ctx.db.query<{ login: string }>(
      kind === 'contact' ? "SELECT doc->>'email' AS login FROM contact WHERE id = $1" : "SELECT doc->>'login' AS login FROM analyst WHERE id = $1",
      [params.id],
    );
    const login = found.rows[0]?.login;
    if (login === undefined) return sendError(reply, 404, notFound(kind));
    const hash = await hashPassword(body.password);
    // A reset ends the person's sessions everywhere (SPEC §7), in the same transaction — except the session of an
    // admin resetting their own password, who stays logged in.
    await ctx.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO credential (kind, login, subject_id, hash, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (kind, login) DO UPDATE SET subject_id = excluded.subject_id, hash = excluded.hash, updated_at = excluded.updated_at`,
      [kind, login, params.id, hash, now]);
      await ctx.sessions.endAll(tx, kind, params.id, 'password_reset', kind === 'analyst' && params.id === session.subjectId ? session.tokenHash : null);
    });
    await audit(ctx.db, { at: now, actorKind: 'analyst', actorId: session.subjectId, action, target: params.id, outcome: 'ok', source: request.ip });
    return { ok: true };
  };

export const registerPasswordRoutes = (app: FastifyInstance, ctx: ServerContext): void => {
  app.put('/api/v1/contacts/:id/password', setPassword(ctx, 'contact', 'configure'));
  app.put('/api/v1/analysts/:id/password', setPassword(ctx, 'analyst', 'manage_users'));
};
