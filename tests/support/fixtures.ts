import type { Ocorrencia } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';
import type { TestDesktop } from './sync-harness';

export interface EligibleCustomer {
  id: string;
  module: string;
}

/** A customer that may open OCs (all three prerequisites met), with one licensed module. */
export const eligibleCustomer = async (server: RunningServer, offset = 0): Promise<EligibleCustomer> => {
  const { rows } = await server.db.query<{ id: string; module: string }>(`SELECT id, doc->'modules'->>0 AS module FROM customer
    WHERE doc->>'implantacaoTermSignedAt' IS NOT NULL AND doc->>'eadExtranetCompletedAt' IS NOT NULL AND doc->>'slaAcknowledgedAt' IS NOT NULL
    ORDER BY id OFFSET $1 LIMIT 1`, [offset]);
  const row = rows[0];
  if (row === undefined) throw new Error('no eligible customer in the demo data');
  return row;
};

/** Opens an OC by phone from a desktop (a lead's, usually) and syncs it to the server. */
export const openOc = async (desktop: TestDesktop, customer: EligibleCustomer, subject = 'Erro ao emitir NF-e'): Promise<string> => {
  const ack = await desktop.invoke<{ id: string }>('oc.create', {
    customerId: customer.id, channel: 'phone', module: customer.module, criticidade: 'alta', kind: 'erro',
    subject, description: 'Rejeição 539 ao transmitir a nota.',
  });
  await desktop.sync.syncNow();
  return ack.id;
};

export const serverOc = async (server: RunningServer, id: string): Promise<Ocorrencia> => {
  const { rows } = await server.db.query<{ doc: Ocorrencia }>('SELECT doc FROM ocorrencia WHERE id = $1', [id]);
  if (rows[0] === undefined) throw new Error(`OC ${id} is not on the server`);
  return rows[0].doc;
};

export const localOc = (desktop: TestDesktop, id: string): Ocorrencia | undefined => {
  const row = desktop.core.db.prepare('SELECT doc FROM ocorrencia WHERE id = ?').get(id) as { doc: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.doc) as Ocorrencia);
};

export const analystId = async (server: RunningServer, login: string): Promise<string> => {
  const { rows } = await server.db.query<{ id: string }>('SELECT id FROM analyst WHERE login = $1', [login]);
  if (rows[0] === undefined) throw new Error(`no analyst ${login}`);
  return rows[0].id;
};

/** Server rows of one table as id → doc, to compare replicas with the server. */
export const serverDocs = async (server: RunningServer, table: string): Promise<Map<string, unknown>> => {
  const key = table === 'sla_config' ? 'config_version' : 'id';
  const { rows } = await server.db.query<{ id: string; doc: unknown }>(`SELECT ${key}::text AS id, doc FROM ${table}`);
  return new Map(rows.map((r) => [r.id, r.doc]));
};

export const localDocs = (desktop: TestDesktop, table: string): Map<string, unknown> => {
  const key = table === 'sla_config' ? 'version' : 'id';
  const rows = desktop.core.db.prepare(`SELECT CAST(${key} AS TEXT) AS id, doc FROM ${table}`).all() as Array<{ id: string; doc: string }>;
  return new Map(rows.map((r) => [r.id, JSON.parse(r.doc)]));
};
