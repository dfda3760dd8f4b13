import type { Contact, Customer } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';
import { assertExtranetContract } from './openapi-contract';

// The Extranet intake API as the customer portal calls it (docs/extranet-openapi.yaml). Every answer is checked
// against the generated OpenAPI document (openapi-contract.ts): a response the document does not describe fails
// the test that received it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
export type Body = Record<string, any>;

export const extranetCall = async (server: RunningServer, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as Body;
  assertExtranetContract(method, path, response.status, response.headers.get('content-type'), answer);
  return { status: response.status, body: answer };
};

/** A multipart/form-data request (files with an OC, a reply, or alone), checked against the document too. */
export const extranetForm = async (server: RunningServer, path: string, form: FormData, token?: string): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: token === undefined ? {} : { authorization: `Bearer ${token}` }, body: form });
  const answer = (await response.json()) as Body;
  assertExtranetContract('POST', path, response.status, response.headers.get('content-type'), answer);
  return { status: response.status, body: answer };
};

/** A download: the bytes and headers, its status checked against the document (an error body against its schema). */
export const extranetDownload = async (server: RunningServer, path: string, token: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; headers: Headers }> => {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type');
  assertExtranetContract('GET', path, response.status, type, type?.startsWith('application/json') === true && response.status >= 400 ? JSON.parse(bytes.toString('utf8')) : null);
  return { status: response.status, bytes, headers: response.headers };
};

/** The project managers (Extranet contacts with a password) of eligible customers, one per customer. */
export const eligibleManagers = async (server: RunningServer, count: number): Promise<Array<{ contact: Contact; customer: Customer }>> => {
  const { rows } = await server.db.query<{ contact: Contact; customer: Customer }>(`SELECT k.doc AS contact, c.doc AS customer FROM contact k JOIN customer c ON c.id = k.customer_id
    WHERE k.doc->>'role' = 'gerente_projeto' AND c.doc->>'implantacaoTermSignedAt' IS NOT NULL AND c.doc->>'eadExtranetCompletedAt' IS NOT NULL
      AND c.doc->>'slaAcknowledgedAt' IS NOT NULL AND k.email IN (SELECT login FROM credential WHERE kind = 'contact')
    ORDER BY c.id LIMIT $1`, [count]);
  if (rows.length < count) throw new Error(`only ${rows.length} eligible customers with an Extranet manager`);
  return rows;
};

export const contactToken = async (server: RunningServer, contact: Contact): Promise<string> => {
  const answer = await extranetCall(server, 'POST', '/extranet/v1/login', { email: contact.email, password: 'demo' });
  if (answer.status !== 200) throw new Error(`contact login: ${answer.status}`);
  return answer.body.token as string;
};

export const openExtranetOc = (server: RunningServer, token: string, customer: Customer, extra: Record<string, unknown> = {}) =>
  extranetCall(server, 'POST', '/extranet/v1/ocs', { module: customer.modules[0], criticidade: 'alta', kind: 'erro', subject: 'Não consigo emitir boletos', description: 'Erro 42 ao gerar a remessa.', ...extra }, token);
