import { IN_HAND_STATUSES, type Ocorrencia, type SlaConfig } from '../../shared/domain';
import { emptyState, type MutationState, type Needs } from '../../shared/mutators/types';
import type { Db } from './connection';
import { docs, getRow } from './rows';
import { stmt } from './statements';

const IN_HAND_SQL = IN_HAND_STATUSES.map((s) => `'${s}'`).join(', ');

const parsedConfigs = new WeakMap<Db, SlaConfig>();

/** The current SLA configuration: the highest version this replica knows (versions are immutable, so cached). */
export const currentSlaConfig = (db: Db): SlaConfig | undefined => {
  const latest = stmt(db, 'SELECT MAX(version) AS version FROM sla_config').get() as { version: number | null };
  if (latest.version === null) return undefined;
  const cached = parsedConfigs.get(db);
  if (cached?.version === latest.version) return cached;
  const config = slaConfigVersion(db, latest.version);
  if (config !== undefined) parsedConfigs.set(db, config);
  return config;
};

export const slaConfigVersion = (db: Db, version: number): SlaConfig | undefined => getRow(db, 'sla_config', version);

export const loadOfAnalyst = (db: Db, analystId: string): number =>
  (stmt(db, `SELECT COUNT(*) AS n FROM ocorrencia WHERE assignee_id = ? AND is_open = 1 AND status IN (${IN_HAND_SQL})`).get(analystId) as { n: number }).n;

const into = <T extends { id: string }>(target: Record<string, T>, row: T | undefined): void => {
  if (row !== undefined) target[row.id] = row;
};

/** Loads what a mutator declared in `needs` (plus the customers and analysts its OCs refer to). */
export const loadState = (db: Db, needs: Needs, slaConfig: SlaConfig): MutationState => {
  const state = emptyState(slaConfig);
  for (const id of needs.ocorrencias ?? []) into(state.ocorrencias, getRow(db, 'ocorrencia', id));
  const ocs: Ocorrencia[] = Object.values(state.ocorrencias);
  for (const id of needs.customers ?? []) into(state.customers, getRow(db, 'customer', id));
  for (const oc of ocs) if (state.customers[oc.customerId] === undefined) into(state.customers, getRow(db, 'customer', oc.customerId));
  const analystIds = new Set(needs.analysts ?? []);
  for (const oc of ocs) for (const id of [oc.assigneeId, oc.preferredAnalystId, oc.escalatedById]) if (id !== null) analystIds.add(id);
  for (const id of analystIds) into(state.analysts, getRow(db, 'analyst', id));
  for (const id of needs.contacts ?? []) into(state.contacts, getRow(db, 'contact', id));
  for (const id of needs.recados ?? []) into(state.recados, getRow(db, 'recado', id));
  for (const id of needs.interactions ?? []) into(state.interactions, getRow(db, 'interaction', id));
  for (const id of needs.loadOf ?? []) state.loadOf[id] = loadOfAnalyst(db, id);
  if (needs.ocsAwaitingVersion !== undefined) {
    state.ocsAwaitingVersion = docs<Ocorrencia>(stmt(db, "SELECT doc FROM ocorrencia WHERE status = 'aguardando_versao'").all() as { doc: string }[])
      .filter((oc) => oc.targetVersion === needs.ocsAwaitingVersion);
  }
  if (needs.openOcsOfCustomer !== undefined) {
    state.openOcsOfCustomer = docs(stmt(db, 'SELECT doc FROM ocorrencia WHERE customer_id = ? AND is_open = 1').all(needs.openOcsOfCustomer) as { doc: string }[]);
  }
  if (needs.contactsOfCustomer !== undefined) {
    state.contactsOfCustomer = docs(stmt(db, 'SELECT doc FROM contact WHERE customer_id = ?').all(needs.contactsOfCustomer) as { doc: string }[]);
  }
  if (needs.releaseVersion !== undefined) {
    const row = stmt(db, 'SELECT doc FROM release WHERE version = ?').get(needs.releaseVersion) as { doc: string } | undefined;
    state.release = row === undefined ? null : JSON.parse(row.doc);
  }
  if (needs.plannedVersion !== undefined) {
    const row = stmt(db, 'SELECT doc FROM planned_version WHERE version = ?').get(needs.plannedVersion) as { doc: string } | undefined;
    state.plannedVersion = row === undefined ? null : JSON.parse(row.doc);
  }
  if (needs.allOpenOcs === true) state.allOpenOcs = docs(stmt(db, 'SELECT doc FROM ocorrencia WHERE is_open = 1').all() as { doc: string }[]);
  if (needs.catalog === true) state.catalog = docs(stmt(db, 'SELECT doc FROM catalog ORDER BY kind, id').all() as { doc: string }[]);
  if (needs.analystLogin !== undefined) state.analystsWithLogin = docs(stmt(db, 'SELECT doc FROM analyst WHERE login = ?').all(needs.analystLogin) as { doc: string }[]);
  if (needs.customerCnpj !== undefined) state.customersWithCnpj = docs(stmt(db, 'SELECT doc FROM customer WHERE cnpj = ?').all(needs.customerCnpj) as { doc: string }[]);
  return state;
};
