import { IN_HAND_STATUSES, OPEN_STATUSES, type Analyst, type CatalogItem, type OcStatus, type Contact, type Customer, type Interaction, type OcEvent, type Ocorrencia, type PlannedVersion, type Recado, type Release, type SlaConfig } from '../domain';
import type { Change, MutationState, Needs } from './types';
import { emptyState } from './types';

/**
 * An in-memory replica: the same `needs` → state loading as the SQLite and PostgreSQL stores, over plain maps.
 * Used to generate demo histories by running the real mutators, and by pure tests.
 */
export class MemoryState {
  readonly ocorrencias = new Map<string, Ocorrencia>();
  readonly customers = new Map<string, Customer>();
  readonly contacts = new Map<string, Contact>();
  readonly analysts = new Map<string, Analyst>();
  readonly recados = new Map<string, Recado>();
  readonly interactions = new Map<string, Interaction>();
  readonly releases = new Map<string, Release>();
  readonly plannedVersions = new Map<string, PlannedVersion>();
  readonly catalog = new Map<string, CatalogItem>();
  readonly events: OcEvent[] = [];
  readonly slaConfigs = new Map<number, SlaConfig>();
  /** OCs in hand per analyst, kept as rows are written (capacity checks stay O(1)). */
  private readonly inHand = new Map<string, Set<string>>();
  /** OC ids per status, kept as rows are written (sweeps and release lookups stay cheap). */
  private readonly byStatus = new Map<OcStatus, Set<string>>();

  constructor(config: SlaConfig) {
    this.slaConfigs.set(config.version, config);
  }

  get slaConfig(): SlaConfig {
    return this.slaConfigs.get(Math.max(...this.slaConfigs.keys())) as SlaConfig;
  }

  load(needs: Needs): MutationState {
    const state = emptyState(this.slaConfig);
    const pick = <T extends { id: string }>(from: Map<string, T>, ids: readonly string[] | undefined, into: Record<string, T>): void => {
      for (const id of ids ?? []) {
        const row = from.get(id);
        if (row !== undefined) into[id] = row;
      }
    };
    pick(this.ocorrencias, needs.ocorrencias, state.ocorrencias);
    const ocs = Object.values(state.ocorrencias);
    pick(this.customers, [...(needs.customers ?? []), ...ocs.map((o) => o.customerId)], state.customers);
    const refs = ocs.flatMap((o) => [o.assigneeId, o.preferredAnalystId, o.escalatedById]).filter((x): x is string => x !== null);
    pick(this.analysts, [...(needs.analysts ?? []), ...refs], state.analysts);
    pick(this.contacts, needs.contacts, state.contacts);
    pick(this.recados, needs.recados, state.recados);
    pick(this.interactions, needs.interactions, state.interactions);
    for (const id of needs.loadOf ?? []) state.loadOf[id] = this.inHand.get(id)?.size ?? 0;
    const open = (): Ocorrencia[] => OPEN_STATUSES.flatMap((status) => this.withStatus(status));
    if (needs.ocsAwaitingVersion !== undefined) state.ocsAwaitingVersion = this.withStatus('aguardando_versao').filter((o) => o.targetVersion === needs.ocsAwaitingVersion);
    if (needs.openOcsOfCustomer !== undefined) state.openOcsOfCustomer = open().filter((o) => o.customerId === needs.openOcsOfCustomer);
    if (needs.contactsOfCustomer !== undefined) state.contactsOfCustomer = [...this.contacts.values()].filter((c) => c.customerId === needs.contactsOfCustomer);
    if (needs.releaseVersion !== undefined) state.release = [...this.releases.values()].find((r) => r.version === needs.releaseVersion) ?? null;
    if (needs.plannedVersion !== undefined) state.plannedVersion = [...this.plannedVersions.values()].find((v) => v.version === needs.plannedVersion) ?? null;
    if (needs.allOpenOcs === true) state.allOpenOcs = open();
    if (needs.catalog === true) state.catalog = [...this.catalog.values()];
    if (needs.analystLogin !== undefined) state.analystsWithLogin = [...this.analysts.values()].filter((a) => a.login === needs.analystLogin);
    if (needs.customerCnpj !== undefined) state.customersWithCnpj = [...this.customers.values()].filter((c) => c.cnpj === needs.customerCnpj);
    return state;
  }

  withStatus(status: OcStatus): Ocorrencia[] {
    return [...(this.byStatus.get(status) ?? [])].map((id) => this.ocorrencias.get(id) as Ocorrencia);
  }

  private putOc(oc: Ocorrencia): void {
    const before = this.ocorrencias.get(oc.id);
    if (before !== undefined) this.byStatus.get(before.status)?.delete(oc.id);
    let statusSet = this.byStatus.get(oc.status);
    if (statusSet === undefined) {
      statusSet = new Set();
      this.byStatus.set(oc.status, statusSet);
    }
    statusSet.add(oc.id);
    if (before?.assigneeId != null) this.inHand.get(before.assigneeId)?.delete(oc.id);
    if (oc.assigneeId !== null && IN_HAND_STATUSES.includes(oc.status)) {
      let set = this.inHand.get(oc.assigneeId);
      if (set === undefined) {
        set = new Set();
        this.inHand.set(oc.assigneeId, set);
      }
      set.add(oc.id);
    }
    this.ocorrencias.set(oc.id, oc);
  }

  write(changes: readonly Change[], events: readonly OcEvent[]): void {
    for (const change of changes) {
      switch (change.table) {
        case 'ocorrencia': this.putOc(change.row); break;
        case 'customer': this.customers.set(change.row.id, change.row); break;
        case 'contact': this.contacts.set(change.row.id, change.row); break;
        case 'analyst': this.analysts.set(change.row.id, change.row); break;
        case 'recado': this.recados.set(change.row.id, change.row); break;
        case 'interaction': this.interactions.set(change.row.id, change.row); break;
        case 'release': this.releases.set(change.row.id, change.row); break;
        case 'planned_version': this.plannedVersions.set(change.row.id, change.row); break;
        case 'sla_config': this.slaConfigs.set(change.row.version, change.row); break;
        case 'catalog': this.catalog.set(change.row.id, change.row); break;
      }
    }
    this.events.push(...events);
  }
}
