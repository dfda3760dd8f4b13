import { foldText, isOpenStatus, type Analyst, type CatalogItem, type Contact, type Customer, type Interaction, type Ocorrencia, type PlannedVersion, type Recado, type Release, type SlaConfig } from '../../shared/domain';
import type { Attachment } from '../../shared/domain/attachment';
import type { Change, EntityTable } from '../../shared/mutators/types';

// How each entity maps to its table: the key column and the query columns next to the JSON doc.
type Columns = Record<string, string | number | null>;

interface TableCodec<T> {
  key: string;
  keyOf(row: T): string | number;
  columns(row: T): Columns;
}

const bool = (value: boolean): number => (value ? 1 : 0);

export const CODECS: { [K in EntityTable]: TableCodec<Extract<Change, { table: K }>['row']> } = {
  catalog: { key: 'id', keyOf: (r: CatalogItem) => r.id, columns: (r: CatalogItem) => ({ kind: r.kind, name: r.name, active: bool(r.active) }) },
  customer: {
    key: 'id',
    keyOf: (r: Customer) => r.id,
    columns: (r: Customer) => ({ name: r.name, folded_name: foldText(r.name), cnpj: r.cnpj, plan: r.plan, segment: r.segment }),
  },
  contact: { key: 'id', keyOf: (r: Contact) => r.id, columns: (r: Contact) => ({ customer_id: r.customerId }) },
  analyst: {
    key: 'id',
    keyOf: (r: Analyst) => r.id,
    columns: (r: Analyst) => ({ login: r.login, name: r.name, level: r.level, role: r.role, active: bool(r.active) }),
  },
  ocorrencia: {
    key: 'id',
    keyOf: (r: Ocorrencia) => r.id,
    columns: (r: Ocorrencia) => ({
      number: r.number,
      customer_id: r.customerId,
      module: r.module,
      segment: r.segment,
      level: r.level,
      status: r.status,
      is_open: bool(isOpenStatus(r.status)),
      plan: r.plan,
      criticidade: r.criticidade,
      kind: r.kind,
      channel: r.channel,
      assignee_id: r.assigneeId,
      preferred_analyst_id: r.preferredAnalystId,
      subject: r.subject,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    }),
  },
  interaction: {
    key: 'id',
    keyOf: (r: Interaction) => r.id,
    columns: (r: Interaction) => ({ oc_id: r.ocId, customer_id: r.customerId, kind: r.kind, created_at: r.createdAt }),
  },
  recado: {
    key: 'id',
    keyOf: (r: Recado) => r.id,
    columns: (r: Recado) => ({ for_analyst_id: r.forAnalystId, done_at: r.doneAt, created_at: r.createdAt }),
  },
  release: { key: 'id', keyOf: (r: Release) => r.id, columns: (r: Release) => ({ version: r.version, released_at: r.releasedAt }) },
  planned_version: {
    key: 'id',
    keyOf: (r: PlannedVersion) => r.id,
    columns: (r: PlannedVersion) => ({ version: r.version, planned_for: r.plannedFor, status: r.status }),
  },
  sla_config: { key: 'version', keyOf: (r: SlaConfig) => r.version, columns: (r: SlaConfig) => ({ effective_from: r.effectiveFrom }) },
};

export const ENTITY_TABLES = Object.keys(CODECS) as EntityTable[];

/** The pulled attachment rows (issue 16): synced, never written by a mutator (the server makes them on upload). */
export const ATTACHMENT_CODEC: TableCodec<Attachment> = {
  key: 'id',
  keyOf: (r: Attachment) => r.id,
  columns: (r: Attachment) => ({ oc_id: r.ocId, interaction_id: r.interactionId, sha256: r.sha256, created_at: r.createdAt }),
};
