import type { Contact, Customer } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';

// The Extranet intake API as the customer portal calls it (docs/extranet-openapi.yaml).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
export type Body = Record<string, any>;

export const extranetCall = async (server: RunningServer, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Body };
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
