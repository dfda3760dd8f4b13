import { domainError, type Analyst, type Contact, type DomainError } from '../../shared/domain';
import { unstorableCharacter, unstorableMessage } from '../../shared/domain/text';
import { invalidArgs } from '../../shared/mutators/run';
import { audit } from '../audit';
import type { ServerContext } from '../context';
import { tooManyRequests } from '../http/errors';
import { decoyHash, verifyPassword } from './password';
import type { SubjectKind } from './sessions';

const badLogin = (): DomainError => domainError('BAD_LOGIN', { 'pt-BR': 'Usuário ou senha incorretos.', en: 'Wrong user or password.' });

export type LoginOutcome<T> = { ok: true; subject: T; token: string; expiresAt: number } | { ok: false; status: number; error: DomainError };

type Subject<K extends SubjectKind> = K extends 'analyst' ? Analyst : Contact;

const usable = (kind: SubjectKind, subject: Analyst | Contact | null): boolean =>
  subject !== null && subject.active && (kind === 'analyst' || (subject as Contact).extranetAccess);

/**
 * Password login for analysts (by login) and Extranet contacts (by e-mail): throttled per (login, address) and
 * per login (auth/login-throttle.ts), guarded per address against spraying many logins, constant work for
 * unknown logins, audited either way. The session is written in a transaction that holds the credential and the
 * person's row (FOR SHARE), so a password reset or a deactivation committed while the password was being
 * checked either waits for this login and then ends its session, or is seen by it and refuses it.
 */
export const passwordLogin = async <K extends SubjectKind>(
  ctx: ServerContext,
  kind: K,
  login: string,
  password: string,
  address: string,
): Promise<LoginOutcome<Subject<K>>> => {
  // No stored login holds such a character: say so instead of asking the database (which refuses NUL).
  const unstorable = unstorableCharacter(login);
  if (unstorable !== null) {
    const why = unstorableMessage(unstorable);
    const field = kind === 'analyst' ? 'login' : 'email';
    return { ok: false, status: 400, error: invalidArgs({ 'pt-BR': `${field}: ${why['pt-BR']}`, en: `${field}: ${why.en}` }) };
  }
  const now = ctx.clock.now();
  const denied = async (reason: string, wait: number): Promise<LoginOutcome<Subject<K>>> => {
    await audit(ctx.db, { at: now, actorKind: 'anonymous', actorId: null, action: `${kind}.login`, target: login, outcome: 'denied', detail: { reason }, source: address });
    return { ok: false, status: 429, error: tooManyRequests(wait) };
  };
  const sprayWait = ctx.limits.loginPerAddress.take(address);
  if (sprayWait > 0) return denied('rate_limited_address', sprayWait);
  const admission = await ctx.loginThrottle.admit(kind, login, address);
  if (admission.kind === 'wait') return denied('rate_limited', Math.ceil(admission.retryAfterMs / 1_000));
  if (admission.holdMs > 0) await ctx.sleep(admission.holdMs);

  const table = kind === 'analyst' ? 'analyst' : 'contact';
  const { rows } = await ctx.db.query<{ subject_id: string; hash: string; doc: Analyst | Contact | null }>(
    `SELECT c.subject_id, c.hash, s.doc FROM credential c LEFT JOIN ${table} s ON s.id = c.subject_id WHERE c.kind = $1 AND c.login = $2`, [kind, login]);
  const row = rows[0];
  const valid = await verifyPassword(password, row?.hash ?? (await decoyHash()));
  if (!valid || row === undefined || !usable(kind, row.doc)) {
    await audit(ctx.db, { at: now, actorKind: 'anonymous', actorId: null, action: `${kind}.login`, target: login, outcome: 'denied', source: address });
    return { ok: false, status: 401, error: badLogin() };
  }
  const session = await ctx.db.transaction(async (tx) => {
    const locked = await tx.query<{ hash: string; doc: Analyst | Contact }>(
      `SELECT c.hash, s.doc FROM credential c JOIN ${table} s ON s.id = c.subject_id WHERE c.kind = $1 AND c.login = $2 FOR SHARE OF c, s`, [kind, login]);
    const still = locked.rows[0];
    if (still === undefined || still.hash !== row.hash || !usable(kind, still.doc)) return null;
    return { subject: still.doc, ...(await ctx.sessions.create(kind, row.subject_id, tx)) };
  });
  if (session === null) {
    await audit(ctx.db, { at: now, actorKind: 'anonymous', actorId: null, action: `${kind}.login`, target: login, outcome: 'denied', detail: { reason: 'changed_meanwhile' }, source: address });
    return { ok: false, status: 401, error: badLogin() };
  }
  await ctx.loginThrottle.succeeded(kind, login, address);
  await audit(ctx.db, { at: now, actorKind: kind, actorId: row.subject_id, action: `${kind}.login`, target: login, outcome: 'ok', source: address });
  return { ok: true, subject: session.subject as Subject<K>, token: session.token, expiresAt: session.expiresAt };
};
