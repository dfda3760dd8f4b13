import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { domainError, type DomainError } from '../../shared/domain';
import { invalidArgs } from '../../shared/mutators/run';
import { describeIssues } from '../../shared/validation';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../shared/sync/protocol';

// Every error answer is `{ error: { code, message: { pt-BR, en }, details? } }` (ARCHITECTURE.md style 4).

export const sendError = (reply: FastifyReply, status: number, error: DomainError): FastifyReply => {
  // A 429 says when to come back (RFC 9110 Retry-After, in seconds), for clients that read headers only.
  const retryAfter = error.details?.retryAfterSeconds;
  if (status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return reply.code(status).send({ error: error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details } });
};

/** Parses a request part with zod; on failure answers 400 with the issues named, and returns null. */
export const parseOr400 = <S extends z.ZodType>(reply: FastifyReply, schema: S, value: unknown): z.output<S> | null => {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  void sendError(reply, 400, invalidArgs(describeIssues(parsed.error.issues)));
  return null;
};

export const unauthorized = (): DomainError =>
  domainError('UNAUTHORIZED', { 'pt-BR': 'Sessão inválida ou expirada; faça login novamente.', en: 'Invalid or expired session; log in again.' });

export const forbidden = (): DomainError =>
  domainError('FORBIDDEN_ROLE', { 'pt-BR': 'Seu perfil não permite esta ação.', en: 'Your role does not allow this action.' });

export const tooManyRequests = (seconds: number): DomainError =>
  domainError('RATE_LIMITED', {
    'pt-BR': `Muitas tentativas; tente de novo em ${seconds} s.`,
    en: `Too many attempts; try again in ${seconds} s.`,
  }, { retryAfterSeconds: seconds });

export const updateRequired = (clientVersion: number | null): DomainError =>
  clientVersion !== null && clientVersion > PROTOCOL_VERSION
    ? domainError('SERVER_OUTDATED', {
        'pt-BR': `O servidor (protocolo ${PROTOCOL_VERSION}) é mais antigo que este aplicativo (protocolo ${clientVersion}). Peça ao administrador para atualizar o servidor.`,
        en: `The server (protocol ${PROTOCOL_VERSION}) is older than this app (protocol ${clientVersion}). Ask the administrator to update the server.`,
      }, { serverProtocol: PROTOCOL_VERSION, minProtocol: MIN_PROTOCOL_VERSION })
    : domainError('UPDATE_REQUIRED', {
        'pt-BR': `Atualize o aplicativo: o servidor aceita o protocolo ${MIN_PROTOCOL_VERSION}–${PROTOCOL_VERSION}${clientVersion === null ? '' : `, este aplicativo usa o ${clientVersion}`}.`,
        en: `Update the app: the server accepts protocol ${MIN_PROTOCOL_VERSION}–${PROTOCOL_VERSION}${clientVersion === null ? '' : `, this app speaks ${clientVersion}`}.`,
      }, { serverProtocol: PROTOCOL_VERSION, minProtocol: MIN_PROTOCOL_VERSION });

export const protocolOf = (header: string | string[] | undefined): number | null => {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,4}$/.test(value)) return null;
  return Number(value);
};

export const protocolAccepted = (version: number | null): boolean =>
  version !== null && version >= MIN_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
