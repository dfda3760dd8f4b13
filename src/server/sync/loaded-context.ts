import { IN_HAND_STATUSES, OPEN_STATUSES, type Analyst, type Contact, type Ocorrencia, type SlaConfig } from '../../shared/domain';
import type { Change, MutationState, Needs } from '../../shared/mutators/types';
import { emptyState } from '../../shared/mutators/types';
import type { Database, Sql } from '../db/database';

/** What soe_load answers: the mutator's state plus the idempotency record and the actor's own row. */
export interface Loaded extends Omit<MutationState, 'slaConfig'> {
  slaConfig: SlaConfig | null;
  /** Of the request's first client (the one a mutation belongs to). */
  lastMutationId: number | null;
  lastMutationIds: Record<string, number | null>;
  /** Per client: the SHA-256 of its secret; null = a legacy id not bound yet; absent = no such client. */
  clientSecrets: Record<string, string | null>;
  actorAnalyst: Analyst | null;
  actorContact: Contact | null;
}

export interface LoadRequest {
  needs: Needs;
  /** Desktop clients whose last mutation id to read (none for the Extranet and jobs). */
  clientIds: readonly string[];
  actorAnalystId: string | null;
  actorContactId: string | null;
  /** Take the writers' lock for the session first (PostgreSQL; the caller releases it). */
  sessionLock?: number;
}

type Raw = Partial<Loaded> & {
  slaConfigVersion: number | null;
  slaConfig: SlaConfig | null;
  lastMutationIds?: Record<string, number> | null;
  clientSecrets?: Record<string, string | null> | null;
};

// The current SLA configuration is in every mutation's state but changes a few times a year: each node keeps the
// last document it read, per database, and soe_load sends it again only when its row's version moved.
const slaCache = new WeakMap<Database, { version: number; doc: SlaConfig }>();

/** One soe_load round trip (SPEC §6: the server loads what the mutator declared, then runs it). */
export const loadState = async (db: Database, sql: Sql, request: LoadRequest): Promise<Loaded> => {
  const cached = slaCache.get(db);
  const { rows } = await sql.query<{ state: Raw }>('SELECT soe_load($1::jsonb) AS state', [JSON.stringify({
    ...request.needs,
    ...(request.needs.loadOf === undefined ? {} : { inHandStatuses: IN_HAND_STATUSES }),
    ...(request.needs.openOcsOfCustomer === undefined && request.needs.allOpenOcs !== true ? {} : { openStatuses: OPEN_STATUSES }),
    ...(request.clientIds.length === 0 ? {} : { clientIds: request.clientIds }),
    ...(request.actorAnalystId === null ? {} : { actorAnalystId: request.actorAnalystId }),
    ...(request.actorContactId === null ? {} : { actorContactId: request.actorContactId }),
    ...(request.sessionLock === undefined ? {} : { sessionLock: request.sessionLock }),
    ...(cached === undefined ? {} : { slaKnownVersion: cached.version }),
  })]);
  const raw = (rows[0] as { state: Raw }).state;
  let slaConfig = raw.slaConfig;
  if (raw.slaConfigVersion === null) slaConfig = null;
  else if (slaConfig === null && cached?.version === raw.slaConfigVersion) slaConfig = cached.doc;
  else if (slaConfig !== null) slaCache.set(db, { version: raw.slaConfigVersion, doc: slaConfig });
  const empty = emptyState(null as unknown as SlaConfig);
  const lastMutationIds = Object.fromEntries(request.clientIds.map((id) => [id, raw.lastMutationIds?.[id] ?? null]));
  const secrets = raw.clientSecrets ?? {};
  const clientSecrets = Object.fromEntries(request.clientIds.filter((id) => Object.hasOwn(secrets, id)).map((id) => [id, secrets[id] ?? null]));
  return {
    ...empty,
    ...raw,
    slaConfig: slaConfig === null ? null : structuredClone(slaConfig),
    lastMutationIds,
    clientSecrets,
    lastMutationId: request.clientIds[0] === undefined ? null : (lastMutationIds[request.clientIds[0]] ?? null),
    actorAnalyst: raw.actorAnalyst ?? null,
    actorContact: raw.actorContact ?? null,
  };
};

type RowTable = 'ocorrencias' | 'customers' | 'analysts' | 'contacts' | 'recados' | 'interactions';
const ROW_TABLES: readonly RowTable[] = ['ocorrencias', 'customers', 'analysts', 'contacts', 'recados', 'interactions'];
const TABLE_OF: Partial<Record<Change['table'], RowTable>> = {
  ocorrencia: 'ocorrencias', customer: 'customers', analyst: 'analysts', contact: 'contacts', recado: 'recados', interaction: 'interactions',
};

const analystRefs = (oc: Ocorrencia): string[] =>
  [oc.assigneeId, oc.preferredAnalystId, oc.escalatedById].filter((id): id is string => typeof id === 'string');

const inHand = (oc: Ocorrencia | null | undefined, analystId: string): boolean =>
  oc != null && oc.assigneeId === analystId && IN_HAND_STATUSES.includes(oc.status);

/**
 * What the writer has read and written while it holds the writers' lock for a group of mutations (the pushes
 * that queued up meanwhile): nobody else writes in between, so a row read or written earlier in the group is
 * the database's row, and a later mutation that needs only such rows runs without another soe_load — each
 * mutation still commits on its own. The state handed to a mutator is exactly what soe_load would have answered (the same rows,
 * the customers and analysts of its OCs, fresh copies); anything the group cannot vouch for (lists, a row never
 * read) is loaded again.
 */
export class LoadedContext {
  /** Row by id; null = read and absent. A missing key = never read. */
  private readonly rows: Record<RowTable, Map<string, unknown>> = {
    ocorrencias: new Map(), customers: new Map(), analysts: new Map(), contacts: new Map(), recados: new Map(), interactions: new Map(),
  };
  private readonly loadOf = new Map<string, number>();
  private slaConfig: SlaConfig | null = null;
  /** Per desktop client: its last applied (or refused) mutation id; null = none yet. */
  private readonly lastMutationIds = new Map<string, number | null>();
  /** Per desktop client read: its secret's hash (read with its last id; registrations never happen in a hold). */
  private readonly clientSecrets = new Map<string, string | null | undefined>();

  /** Records what soe_load answered for `needs` (including what it found absent). */
  merge(loaded: Loaded, request: LoadRequest): void {
    const { needs } = request;
    for (const table of ROW_TABLES) {
      const found = loaded[table] as Record<string, unknown>;
      for (const id of needs[table] ?? []) this.rows[table].set(id, found[id] ?? null);
      for (const [id, row] of Object.entries(found)) this.rows[table].set(id, row);
    }
    // soe_load looked up the customers and analysts of the OCs it found: those it did not return are absent.
    for (const id of needs.ocorrencias ?? []) {
      const oc = loaded.ocorrencias[id];
      if (oc === undefined) continue;
      if (!this.rows.customers.has(oc.customerId)) this.rows.customers.set(oc.customerId, null);
      for (const ref of analystRefs(oc)) if (!this.rows.analysts.has(ref)) this.rows.analysts.set(ref, null);
    }
    for (const [analystId, count] of Object.entries(loaded.loadOf)) this.loadOf.set(analystId, count);
    if (request.actorAnalystId !== null) this.rows.analysts.set(request.actorAnalystId, loaded.actorAnalyst);
    if (request.actorContactId !== null) this.rows.contacts.set(request.actorContactId, loaded.actorContact);
    if (loaded.slaConfig !== null) this.slaConfig = loaded.slaConfig;
    for (const clientId of request.clientIds) {
      this.lastMutationIds.set(clientId, loaded.lastMutationIds[clientId] ?? null);
      this.clientSecrets.set(clientId, Object.hasOwn(loaded.clientSecrets, clientId) ? loaded.clientSecrets[clientId] : undefined);
    }
  }

  /** Whether `stateFor(request)` can answer without reading the database. */
  covers(request: LoadRequest): boolean {
    const { needs } = request;
    if (this.slaConfig === null) return false;
    if (request.clientIds.some((id) => !this.lastMutationIds.has(id))) return false;
    if (request.actorAnalystId !== null && !this.rows.analysts.has(request.actorAnalystId)) return false;
    if (request.actorContactId !== null && !this.rows.contacts.has(request.actorContactId)) return false;
    if (needs.ocsAwaitingVersion !== undefined || needs.openOcsOfCustomer !== undefined || needs.contactsOfCustomer !== undefined
      || needs.releaseVersion !== undefined || needs.plannedVersion !== undefined || needs.allOpenOcs === true || needs.catalog === true
      || needs.analystLogin !== undefined || needs.customerCnpj !== undefined) return false;
    for (const table of ROW_TABLES) for (const id of needs[table] ?? []) if (!this.rows[table].has(id)) return false;
    for (const id of needs.ocorrencias ?? []) {
      const oc = this.rows.ocorrencias.get(id) as Ocorrencia | null;
      if (oc === null) continue;
      if (!this.rows.customers.has(oc.customerId)) return false;
      if (analystRefs(oc).some((ref) => !this.rows.analysts.has(ref))) return false;
    }
    return (needs.loadOf ?? []).every((id) => this.loadOf.has(id));
  }

  /** The state soe_load would answer for `request`, from what the group holds (call only when `covers`). */
  stateFor(request: LoadRequest): Loaded {
    const { needs } = request;
    const pick = (table: RowTable, ids: Iterable<string>): Record<string, never> => {
      const out: Record<string, unknown> = {};
      for (const id of ids) {
        const row = this.rows[table].get(id);
        if (row != null) out[id] = structuredClone(row);
      }
      return out as Record<string, never>;
    };
    const ocorrencias = pick('ocorrencias', needs.ocorrencias ?? []) as Record<string, Ocorrencia>;
    const ocs = Object.values(ocorrencias);
    const actorAnalyst = request.actorAnalystId === null ? null : (this.rows.analysts.get(request.actorAnalystId) as Analyst | null);
    const actorContact = request.actorContactId === null ? null : (this.rows.contacts.get(request.actorContactId) as Contact | null);
    return {
      ...emptyState(null as unknown as SlaConfig),
      ocorrencias,
      customers: pick('customers', [...(needs.customers ?? []), ...ocs.map((oc) => oc.customerId)]),
      analysts: pick('analysts', [...(needs.analysts ?? []), ...ocs.flatMap(analystRefs)]),
      contacts: pick('contacts', needs.contacts ?? []),
      recados: pick('recados', needs.recados ?? []),
      interactions: pick('interactions', needs.interactions ?? []),
      loadOf: Object.fromEntries((needs.loadOf ?? []).map((id) => [id, this.loadOf.get(id) as number])),
      slaConfig: structuredClone(this.slaConfig),
      lastMutationIds: Object.fromEntries(request.clientIds.map((id) => [id, this.lastMutationIds.get(id) ?? null])),
      clientSecrets: Object.fromEntries(request.clientIds.flatMap((id) => {
        const secret = this.clientSecrets.get(id);
        return secret === undefined ? [] : [[id, secret]];
      })),
      lastMutationId: request.clientIds[0] === undefined ? null : (this.lastMutationIds.get(request.clientIds[0]) ?? null),
      actorAnalyst: actorAnalyst === null ? null : structuredClone(actorAnalyst),
      actorContact: actorContact === null ? null : structuredClone(actorContact),
    };
  }

  /** A mutation committed (or is about to, before anything is read again) these rows and, for its client, its id. */
  written(changes: readonly Change[], client: { id: string; mutationId: number } | null): void {
    for (const change of changes) {
      const row = JSON.parse(JSON.stringify(change.row)) as Record<string, unknown>;
      if (change.table === 'ocorrencia') this.countLoad(this.rows.ocorrencias.get(change.row.id) as Ocorrencia | null | undefined, row as Ocorrencia);
      if (change.table === 'sla_config') {
        // The current configuration is the one with the highest version (soe_load's ORDER BY config_version DESC).
        if (this.slaConfig === null || change.row.version >= this.slaConfig.version) this.slaConfig = row as SlaConfig;
        continue;
      }
      const table = TABLE_OF[change.table];
      if (table !== undefined) this.rows[table].set(change.row.id, row);
    }
    if (client !== null) this.lastMutationIds.set(client.id, client.mutationId);
  }

  /** Keeps the in-hand counts exact: from the OC's previous row when the group knows it, else forgets them. */
  private countLoad(before: Ocorrencia | null | undefined, after: Ocorrencia): void {
    if (before === undefined) {
      this.loadOf.clear();
      return;
    }
    for (const [analystId, count] of this.loadOf) {
      this.loadOf.set(analystId, count - (inHand(before, analystId) ? 1 : 0) + (inHand(after, analystId) ? 1 : 0));
    }
  }
}
