import { z } from 'zod';
import { Id, Line } from '../domain';
import { mutators, type MutatorName, type Mutators } from '../mutators/registry';
import type { MutatorDef } from '../mutators/types';
import { LoginRequest, SetPasswordRequest } from '../sync/protocol';
import { AttachmentIds, AttachmentProgress, attachmentQueries, isAttachingMutator, type AttachingMutator } from './attachments';
import { customerAdminQueries } from './customer-admin';
import { customerHistoryQueries } from './customer-history';
import { leadQueries } from './lead-views';
import { QueueColumns } from './queue-columns';
import { SearchArgs, SearchResult } from './search';
import { DataChanged, RejectedNotice, SlaAlert, SyncState } from './notices';
import { CallEntry, CustomerCard, CustomerSummary, Directory, MutationAck, MyQueue, OcDetail, QueueFilter, QueueRow, Session } from './views';
import { versionQueries } from './versions';
import { CustomerPenalties, KbSuggestArgs, N0Article, OcPresence, Prefs, PrefsPutArgs, PresenceSetArgs, QueueRowsArgs } from './workspace';

// The API contract: method name → zod args → zod result, plus the events the core emits. Electron IPC, the
// browser-shell WebSocket, the preload surface and the renderer's client are all derived from this one object.

const none = z.object({}).strict();

export const queries = {
  'session.login': { args: LoginRequest.pick({ login: true, password: true }), result: Session },
  'session.current': { args: none, result: Session.nullable() },
  'session.logout': { args: none, result: z.null() },
  'directory.get': { args: none, result: Directory },
  'queue.mine': { args: none, result: MyQueue },
  'queue.list': { args: QueueFilter, result: z.array(QueueRow) },
  /** The same rows as queue.list, compact (queue-columns.ts): the team view's whole load. */
  'queue.view': { args: QueueFilter, result: QueueColumns },
  /** How many OCs the view holds, whatever its limit: the team page shows it while the rows arrive. */
  'queue.count': { args: QueueFilter, result: z.number().int().min(0) },
  'queue.takeNext': { args: none, result: z.object({ ocId: Id.nullable() }) },
  'oc.get': { args: z.object({ id: Id }), result: OcDetail },
  'oc.search': { args: z.object({ text: Line().trim().min(1).max(200), limit: z.number().int().min(1).max(500).default(50) }), result: z.array(QueueRow) },
  /** The search page: every field of an OC, filters, honest totals and why each result matched (api/search.ts). */
  'search.run': { args: SearchArgs, result: SearchResult },
  'customer.search': { args: z.object({ text: Line().trim().min(1).max(120) }), result: z.array(CustomerSummary) },
  'customer.card': { args: z.object({ id: Id }), result: CustomerCard },
  /** The customer's latest calls, with or without an OC (the phone screen's "recent calls"). */
  'customer.calls': { args: z.object({ customerId: Id, limit: z.number().int().min(1).max(50).default(10) }).strict(), result: z.array(CallEntry) },
  'sync.state': { args: none, result: SyncState },
  'sync.notices': { args: none, result: z.array(RejectedNotice) },
  'sync.dismissNotice': { args: z.object({ id: Id }), result: z.null() },
  // Analyst workspace (src/shared/api/workspace.ts).
  'queue.rows': { args: QueueRowsArgs, result: z.array(QueueRow) },
  'kb.suggest': { args: KbSuggestArgs, result: z.array(N0Article) },
  'customer.penalties': { args: z.object({ customerId: Id }), result: CustomerPenalties },
  'prefs.get': { args: none, result: Prefs },
  'prefs.put': { args: PrefsPutArgs, result: z.null() },
  'presence.set': { args: PresenceSetArgs, result: z.null() },
  'presence.get': { args: z.object({ ocId: Id }), result: OcPresence },
  // Passwords are set online only, never through the outbox (lead: Extranet contacts; admin: analysts).
  'people.setPassword': {
    args: z.object({ kind: z.enum(['analyst', 'contact']), id: Id, password: SetPasswordRequest.shape.password }),
    result: z.null(),
  },
  // Team lead: board, reports, configuration reads (src/shared/api/lead-views.ts).
  ...leadQueries,
  // Team lead: the customer register (src/shared/api/customer-admin.ts).
  ...customerAdminQueries,
  // Attachments: drafts in the spool, slices in and out, the lead's prefetch (src/shared/api/attachments.ts).
  ...attachmentQueries,
  // Planned versions and the release preview (src/shared/api/versions.ts).
  ...versionQueries,
  // The customer's page: OCs, calls, recados and SLA this month (src/shared/api/customer-history.ts).
  ...customerHistoryQueries,
} as const;

/** Mutators an analyst's desktop may call (the customer's reply comes only through the Extranet API). */
const DESKTOP_MUTATORS = (Object.keys(mutators) as MutatorName[]).filter((name) => name !== 'oc.customerReply');
export type DesktopMutatorName = Exclude<MutatorName, 'oc.customerReply'>;

/**
 * The client may omit generated ids; the core fills them before the mutation is recorded. A mutation that creates
 * an interaction also takes the finished drafts it carries (`attachmentIds`: the core binds them and strips them
 * from what it records; the server never sees them).
 */
const clientArgs = (name: MutatorName, def: MutatorDef): z.ZodType => {
  const schema = def.args as unknown as z.ZodObject<z.ZodRawShape>;
  const withFiles = isAttachingMutator(name) ? schema.extend({ attachmentIds: AttachmentIds.optional() }) : schema;
  if (def.generatedIds.length === 0) return withFiles;
  const mask = Object.fromEntries(def.generatedIds.map((k) => [k, true])) as Record<string, true>;
  return withFiles.partial(mask);
};

type ClientArgs<D> = D extends MutatorDef<infer A, infer G>
  ? Omit<z.input<A>, G> & Partial<Pick<z.input<A>, G & keyof z.input<A>>>
  : never;
type WithFiles<K, T> = K extends AttachingMutator ? T & { attachmentIds?: string[] } : T;

export type MutationMethods = {
  [K in DesktopMutatorName]: {
    args: z.ZodType<WithFiles<K, z.output<Mutators[K]['args']>>, WithFiles<K, ClientArgs<Mutators[K]>>>;
    result: typeof MutationAck;
  };
};

export const mutationMethods = Object.fromEntries(
  DESKTOP_MUTATORS.map((name) => [name, { args: clientArgs(name, mutators[name] as MutatorDef), result: MutationAck }]),
) as unknown as MutationMethods;

export const contract = { ...queries, ...mutationMethods };
export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
export const isMutationMethod = (name: MethodName): name is DesktopMutatorName => Object.hasOwn(mutationMethods, name);

/** Events the core emits to every window. */
export const events = {
  'data.changed': DataChanged,
  'sla.alert': SlaAlert,
  'sync.state': SyncState,
  'mutation.rejected': RejectedNotice,
  /** Who else views or replies to an OC changed (collision notice, SPEC §4). */
  'presence.changed': OcPresence,
  /** An attachment's upload moved on (bytes sent, done, refused). */
  'attachment.progress': AttachmentProgress,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
