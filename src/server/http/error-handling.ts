import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainError, type DomainError } from '../../shared/domain';
import { sendError } from './errors';

// SPEC §7: no input ever yields a 5xx. Whatever goes wrong before or inside a route — a URL that does not decode,
// a parameter too long, a body that is not JSON, too large, too deep, of the wrong type, a header the HTTP
// parser refuses, a value the database refuses — the client gets a 4xx with the one error body of
// ARCHITECTURE.md style 4. Fastify's own hooks do it (frameworkErrors, setErrorHandler, setNotFoundHandler,
// clientErrorHandler, the JSON content-type parser), so no route needs a try/catch of its own.
// A 5xx is left only for what is not the client's doing: a bug (500, logged) or a database that is down (503).

export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** Deeper JSON than any message of the API (a push's mutation arguments are a few levels deep). */
export const MAX_JSON_DEPTH = 64;

const fail = (code: string, pt: string, en: string, details?: Record<string, unknown>): DomainError => domainError(code, { 'pt-BR': pt, en }, details);

const badUrl = (): DomainError =>
  fail('BAD_URL', 'O endereço da requisição é inválido (codificação com % malformada ou caractere não permitido).',
    'The request address is invalid (a malformed % escape or a character that is not allowed).');
const urlTooLong = (): DomainError => fail('URL_TOO_LONG', 'Um trecho do endereço da requisição é longo demais.', 'A part of the request address is too long.');
const badJson = (): DomainError => fail('BAD_JSON', 'O corpo da requisição não é um JSON válido.', 'The request body is not valid JSON.');
const tooDeep = (): DomainError =>
  fail('BAD_JSON', `O corpo da requisição tem mais de ${MAX_JSON_DEPTH} níveis de aninhamento.`, `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
const bodyTooLarge = (): DomainError =>
  fail('BODY_TOO_LARGE', `O corpo da requisição passa de ${BODY_LIMIT_BYTES / 1024 / 1024} MB.`, `The request body exceeds ${BODY_LIMIT_BYTES / 1024 / 1024} MB.`, { limitBytes: BODY_LIMIT_BYTES });
const unsupportedMedia = (): DomainError =>
  fail('UNSUPPORTED_MEDIA_TYPE', 'Envie o corpo como application/json.', 'Send the body as application/json.');
const badRequest = (): DomainError => fail('BAD_REQUEST', 'Requisição inválida.', 'Bad request.');
const notFound = (): DomainError => fail('NOT_FOUND', 'Endereço não encontrado neste servidor.', 'No such address on this server.');
const storageRefused = (): DomainError =>
  fail('INVALID_INPUT', 'Um valor da requisição não pode ser guardado (caractere ou formato inválido).', 'A value of the request cannot be stored (an invalid character or format).');
const conflict = (): DomainError => fail('CONFLICT', 'A alteração conflita com dados já existentes.', 'The change conflicts with existing data.');
const unavailable = (): DomainError => fail('UNAVAILABLE', 'O servidor está sem acesso ao banco de dados; tente de novo em instantes.', 'The server cannot reach its database; try again shortly.');
const internal = (): DomainError => fail('INTERNAL', 'Erro interno do servidor.', 'Internal server error.');

const JSON_TOO_DEEP = 'SOE_JSON_TOO_DEEP';

/** The status and domain error of a fastify error raised before a route ran (routing, body parsing). */
const frameworkError = (error: FastifyError): [number, DomainError] | null => {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return [400, badUrl()];
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return [414, urlTooLong()];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [413, bodyTooLarge()];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return [415, unsupportedMedia()];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return [400, badJson()];
    case JSON_TOO_DEEP:
      return [400, tooDeep()];
    default:
      return null;
  }
};

/**
 * A database error caused by a value the client sent (SQLSTATE class 22, data exception: a character the
 * encoding refuses, a number out of range; class 23, a constraint; class 54, a value over a limit), or by the
 * database being unreachable (08, 53, 57).
 */
const databaseError = (error: unknown): [number, DomainError] | null => {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (typeof code !== 'string' || typeof severity !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code.startsWith('22') || code.startsWith('54')) return [400, storageRefused()];
  if (code.startsWith('23')) return [409, conflict()];
  if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57')) return [503, unavailable()];
  return null;
};

export const classifyError = (error: unknown): [number, DomainError] => {
  const framework = frameworkError(error as FastifyError);
  if (framework !== null) return framework;
  const database = databaseError(error);
  if (database !== null) return database;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return [status, status === 413 ? bodyTooLarge() : status === 415 ? unsupportedMedia() : badRequest()];
  return [500, internal()];
};

/** Fastify's `frameworkErrors` option: a URL that does not decode, a parameter over maxParamLength. */
export const frameworkErrors = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
  const [status, domain] = classifyError(error);
  void sendError(reply, status, domain);
};

/** Fastify's `clientErrorHandler`: what the HTTP parser refuses (a header with NUL, headers over the limit, a timeout). */
export const clientErrorHandler = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, domain] = error.code === 'HPE_HEADER_OVERFLOW'
    ? [431, fail('HEADERS_TOO_LARGE', 'Os cabeçalhos da requisição são grandes demais.', 'The request headers are too large.')] as const
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, fail('REQUEST_TIMEOUT', 'A requisição demorou demais para chegar.', 'The request took too long to arrive.')] as const
      : [400, fail('BAD_REQUEST', 'Requisição HTTP malformada (cabeçalho ou linha de requisição inválidos).', 'Malformed HTTP request (an invalid header or request line).')] as const;
  const body = JSON.stringify({ error: { code: domain.code, message: domain.message } });
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
};

/** Whether a parsed JSON value nests deeper than `limit` (iterative: a hostile body cannot overflow the stack). */
export const nestedDeeperThan = (value: unknown, limit: number): boolean => {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
};

/** Installs the error, not-found and JSON handling on the app (before its routes). */
export const installErrorHandling = (app: FastifyInstance): void => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error !== null) done(error, undefined);
      else if (nestedDeeperThan(value, MAX_JSON_DEPTH)) done(Object.assign(new Error('JSON nested too deep'), { statusCode: 400, code: JSON_TOO_DEEP }), undefined);
      else done(null, value);
    });
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, notFound()));
  app.setErrorHandler((error, request, reply) => {
    const [status, domain] = classifyError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ err: error }, 'request refused');
    return sendError(reply, status, domain);
  });
};
