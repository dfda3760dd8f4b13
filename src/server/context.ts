import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { DomainError } from '../shared/domain';
import { accessEnded } from '../shared/sync/access-ended';
import type { Clock } from '../shared/time';
import type { LoginThrottle } from './auth/login-throttle';
import type { RateLimiter } from './auth/rate-limit';
import type { AuthSession, SessionStore } from './auth/sessions';
import type { Database } from './db/database';
import { unauthorized } from './http/errors';

/** What the routes and jobs of one server node share; built once by app.ts (the composition root's helper). */
export interface ServerContext {
  db: Database;
  clock: Clock;
  /** Waits (the login throttle's hold); injected like the clock. */
  sleep: (ms: number) => Promise<void>;
  timeZone: string;
  node: string;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  limits: { loginPerAddress: RateLimiter; intake: RateLimiter };
  log: FastifyBaseLogger;
}

/** A token as the clients send it: `Authorization: Bearer …`, or `?token=` (browsers cannot set headers on a WebSocket). */
export const bearerToken = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : null;
};

/** Tokens are 43 base64url characters; anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * The request's session of the given kind, or the error to answer with 401: ACCESS_ENDED (with its reason) for a
 * session the server ended, UNAUTHORIZED for a missing, malformed, expired or unknown token.
 */
export const authenticate = async (ctx: ServerContext, request: FastifyRequest, kind: AuthSession['kind']): Promise<AuthSession | DomainError> => {
  const token = bearerToken(request);
  if (token === null || !TOKEN_SHAPE.test(token)) return unauthorized();
  const checked = await ctx.sessions.check(token);
  if (checked.status === 'ended' && checked.kind === kind) return accessEnded(checked.reason);
  return checked.status === 'valid' && checked.session.kind === kind ? checked.session : unauthorized();
};
