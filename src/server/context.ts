import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Clock } from '../shared/time';
import type { RateLimiter } from './auth/rate-limit';
import type { AuthSession, SessionStore } from './auth/sessions';
import type { Database } from './db/database';

/** What the routes and jobs of one server node share; built once by app.ts (the composition root's helper). */
export interface ServerContext {
  db: Database;
  clock: Clock;
  timeZone: string;
  node: string;
  sessions: SessionStore;
  limits: { login: RateLimiter; loginPerAddress: RateLimiter; intake: RateLimiter };
  log: FastifyBaseLogger;
}

export const bearerToken = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (header !== undefined && header.startsWith('Bearer ')) return header.slice(7).trim();
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : null;
};

export const sessionOf = async (ctx: ServerContext, request: FastifyRequest, kind: AuthSession['kind']): Promise<AuthSession | null> => {
  const token = bearerToken(request);
  if (token === null || token.length < 20 || token.length > 200) return null;
  const session = await ctx.sessions.check(token);
  return session !== null && session.kind === kind ? session : null;
};
