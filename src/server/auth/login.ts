import { domainError, type Analyst, type Contact, type DomainError } from '../../shared/domain';
import { audit } from '../audit';
import type { ServerContext } from '../context';
import { tooManyRequests } from '../http/errors';
import { decoyHash, verifyPassword } from './password';
import type { SubjectKind } from './sessions';

const badLogin = (): DomainError => domainError('BAD_LOGIN', { 'pt-BR': 'Usuário ou senha incorretos.', en: 'Wrong user or password.' });

export type LoginOutcome<T> = { ok: true; subject: T; token: string; expiresAt: number } | { ok: false; status: number; error: DomainError };

/**
 * Password login for analysts (by login) and Extranet contacts (by e-mail): rate-limited per address and per
 * login, constant work for unknown logins, audited either way.
 */
export const passwordLogin = async <K extends SubjectKind>(
  ctx: ServerContext,
  kind: K,
  login: string,
  password: string,
  address: string,
): Promise<LoginOutcome<K extends 'analyst' ? Analyst : Contact>> => {
  const wait = Math.max(ctx.limits.loginPerAddress.take(address), ctx.limits.login.take(`${kind}:${login}`));
  const now = ctx.clock.now();
  if (wait > 0) {
    await audit(ctx.db, { at: now, actorKind: 'anonymous', actorId: null, action: `${kind}.login`, target: login, outcome: 'denied', detail: { reason: 'rate_limited' }, source: address });
    return { ok: false, status: 429, error: tooManyRequests(wait) };
  }
  const { rows } = await ctx.db.query<{ subject_id: string; hash: string; doc: Analyst | Contact | null }>(
    `SELECT c.subject_id, c.hash, s.doc FROM credential c LEFT JOIN ${kind === 'analyst' ? 'analyst' : 'contact'} s ON s.id = c.subject_id
     WHERE c.kind = $1 AND c.login = $2`, [kind, login]);
  const row = rows[0];
  const valid = await verifyPassword(password, row?.hash ?? (await decoyHash()));
  const subject = row?.doc ?? null;
  const usable = subject !== null && subject.active && (kind === 'analyst' || (subject as Contact).extranetAccess);
  if (!valid || row === undefined || !usable) {
    await audit(ctx.db, { at: now, actorKind: 'anonymous', actorId: null, action: `${kind}.login`, target: login, outcome: 'denied', source: address });
    return { ok: false, status: 401, error: badLogin() };
  }
  const session = await ctx.sessions.create(kind, row.subject_id);
  await audit(ctx.db, { at: now, actorKind: kind, actorId: row.subject_id, action: `${kind}.login`, target: login, outcome: 'ok', source: address });
  return { ok: true, subject: subject as K extends 'analyst' ? Analyst : Contact, token: session.token, expiresAt: session.expiresAt };
};
