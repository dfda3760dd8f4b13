import type { z } from 'zod';
import type {
  Analyst,
  CatalogItem,
  Contact,
  Customer,
  DomainError,
  Interaction,
  Ocorrencia,
  OcEvent,
  OcEventData,
  PlannedVersion,
  Recado,
  Release,
  SlaConfig,
} from '../domain';
import type { Actor } from '../oc/actor';
import { otherTimes } from './times';

// A mutator is the one place a domain change is written (ARCHITECTURE.md): pure, synchronous,
// `(state, args, ctx) => { changes, events } | DomainError`. The desktop core runs it optimistically on SQLite,
// the server runs it authoritatively on PostgreSQL, rebase replays it. What it reads is declared up front in
// `needs`, so an async store (PostgreSQL) can load the state before the pure function runs.

/** Rows a mutator may write; each is the whole new row (last writer by server order, history in events). */
export type Change =
  | { table: 'ocorrencia'; row: Ocorrencia }
  | { table: 'interaction'; row: Interaction }
  | { table: 'customer'; row: Customer }
  | { table: 'contact'; row: Contact }
  | { table: 'analyst'; row: Analyst }
  | { table: 'recado'; row: Recado }
  | { table: 'release'; row: Release }
  | { table: 'planned_version'; row: PlannedVersion }
  | { table: 'catalog'; row: CatalogItem }
  | { table: 'sla_config'; row: SlaConfig };

export type EntityTable = Change['table'];

/** An event before the runner gives it its deterministic id. */
export interface EventDraft {
  ocId: string;
  at: number;
  data: OcEventData;
}

export interface Needs {
  ocorrencias?: string[];
  customers?: string[];
  contacts?: string[];
  analysts?: string[];
  recados?: string[];
  interactions?: string[];
  /** Count of open OCs in hand, per analyst (capacity checks). */
  loadOf?: string[];
  /** Open OCs waiting for this version (release registration). */
  ocsAwaitingVersion?: string;
  /** Open OCs of a customer (plan changes). */
  openOcsOfCustomer?: string;
  /** All contacts of a customer (Extranet seat limits). */
  contactsOfCustomer?: string;
  /** An existing release with this version label (no duplicates). */
  releaseVersion?: string;
  /** The planned version with this (normalised) number, whatever its status. */
  plannedVersion?: string;
  /** Open OCs that an SLA recompute rebinds. */
  allOpenOcs?: boolean;
  /** Every module and segment (catalog edits check kinds and names). */
  catalog?: boolean;
  /** Analysts with this login (logins are unique: the mutator decides, not the database's constraint). */
  analystLogin?: string;
  /** Customers with this CNPJ (one customer per CNPJ). */
  customerCnpj?: string;
}

/**
 * What a mutator may read. Loaders fill only what `needs` asked for; customers of loaded OCs come along,
 * the acting analyst is always there (in `actor`), and the current SLA configuration is always present.
 */
export interface MutationState {
  ocorrencias: Record<string, Ocorrencia>;
  customers: Record<string, Customer>;
  contacts: Record<string, Contact>;
  analysts: Record<string, Analyst>;
  recados: Record<string, Recado>;
  interactions: Record<string, Interaction>;
  loadOf: Record<string, number>;
  ocsAwaitingVersion: Ocorrencia[];
  openOcsOfCustomer: Ocorrencia[];
  contactsOfCustomer: Contact[];
  release: Release | null;
  plannedVersion: PlannedVersion | null;
  allOpenOcs: Ocorrencia[];
  catalog: CatalogItem[];
  analystsWithLogin: Analyst[];
  customersWithCnpj: Customer[];
  slaConfig: SlaConfig;
}

export interface MutationContext {
  actor: Actor;
  /** When the action happened: the client's clock corrected by the measured server offset. */
  actedAt: number;
  /**
   * When a customer-visible action counts: the server's receipt (SPEC §3 rule 10). On the client's optimistic
   * run it equals actedAt; the authoritative value replaces it on the next pull.
   */
  receivedAt: number;
  /** Deterministic prefix of ids the runner derives for events: `${clientId}:${mutationId}`. */
  mutationRef: string;
  /** The OC number the server allocated for an `allocatesOcNumber` mutator; null on the client. */
  ocNumber: string | null;
  /** Time zone for messages ("taken at 10:42"). */
  timeZone: string;
}

export interface MutationOutcome {
  changes: Change[];
  events: EventDraft[];
}

export interface MutatorDef<A extends z.ZodType = z.ZodType, G extends string = string> {
  name: string;
  args: A;
  /** Id fields of args the client may omit; the core fills them with fresh ids before recording. */
  generatedIds: readonly G[];
  /** The server allocates an OC number before running this mutator. */
  allocatesOcNumber?: boolean;
  needs(args: z.output<A>, actor: Actor): Needs;
  apply(state: MutationState, args: z.output<A>, ctx: MutationContext): MutationOutcome | DomainError;
}

export const defineMutator = <A extends z.ZodType, const G extends keyof z.output<A> & string = never>(
  def: MutatorDef<A, G>,
): MutatorDef<A, G> => def;

export const emptyState = (slaConfig: SlaConfig): MutationState => ({
  ocorrencias: {},
  customers: {},
  contacts: {},
  analysts: {},
  recados: {},
  interactions: {},
  loadOf: {},
  ocsAwaitingVersion: [],
  openOcsOfCustomer: [],
  contactsOfCustomer: [],
  release: null,
  plannedVersion: null,
  allOpenOcs: [],
  catalog: [],
  analystsWithLogin: [],
  customersWithCnpj: [],
  slaConfig,
});

/** Gives drafted events their deterministic ids, so an optimistic event and its server copy are the same row. */
export const finalizeEvents = (drafts: readonly EventDraft[], ctx: MutationContext, actorIdValue: string, actorNameValue: string): OcEvent[] =>
  drafts.map((draft, index) => ({
    id: `${ctx.mutationRef}:${index}`,
    ocId: draft.ocId,
    at: draft.at,
    actorId: actorIdValue,
    actorName: actorNameValue,
    data: draft.data,
    ...otherTimes(draft.at, ctx),
  }));
