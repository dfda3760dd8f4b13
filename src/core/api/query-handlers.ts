import { encodeQueueColumns, type QueueColumns } from '../../shared/api/queue-columns';
import type { CallEntry, Directory, MyQueue, OcDetail, QueueFilter, QueueRow } from '../../shared/api/views';
import { displayNumber, DomainFailure, type Analyst } from '../../shared/domain';
import { allAnalysts, allCatalog, customerCard, interactionsOf, plannedVersions, recentCalls, recentReleases, searchCustomers } from '../db/directory';
import { eventsOf } from '../db/events';
import { currentSlaConfig } from '../db/loader';
import { getRow, getRowWithVersion } from '../db/rows';
import { availableFor, assignedTo, countQueue, directedTo, listQueue, listQueueColumns, openRecadosFor } from '../db/queue';
import type { Ocorrencia } from '../../shared/domain';
import type { CoreDeps } from './deps';
import { customerNotFound, notLoggedIn, ocNotFound } from './errors';

export const requireAnalyst = (deps: CoreDeps): Analyst => {
  const analyst = deps.session.current();
  if (analyst === null) throw new DomainFailure(notLoggedIn());
  return analyst;
};

/** How many unassigned OCs "Minha fila" shows; the rest is reached through team views and take-next. */
export const AVAILABLE_LIMIT = 500;

export const myQueue = (deps: CoreDeps): MyQueue => {
  const me = requireAnalyst(deps);
  const mine = assignedTo(deps.db, me.id);
  const directed = directedTo(deps.db, me.id);
  const directedIds = new Set(directed.map((r) => r.id));
  return {
    available: availableFor(deps.db, me, AVAILABLE_LIMIT).filter((r) => !directedIds.has(r.id)),
    mine,
    directed,
    recados: openRecadosFor(deps.db, me.id),
    warnFromPct: Math.min(100, ...(currentSlaConfig(deps.db)?.warnThresholdsPct ?? [])),
  };
};

export const teamQueue = (deps: CoreDeps, filter: QueueFilter): QueueRow[] => {
  requireAnalyst(deps);
  return listQueue(deps.db, filter, deps.clock.now());
};

export const teamQueueView = (deps: CoreDeps, filter: QueueFilter): QueueColumns => {
  requireAnalyst(deps);
  return encodeQueueColumns(listQueueColumns(deps.db, filter, deps.clock.now()));
};

export const teamQueueCount = (deps: CoreDeps, filter: QueueFilter): number => {
  requireAnalyst(deps);
  return countQueue(deps.db, filter, deps.clock.now());
};

export const directory = (deps: CoreDeps): Directory => {
  requireAnalyst(deps);
  return { analysts: allAnalysts(deps.db), catalog: allCatalog(deps.db), releases: recentReleases(deps.db), plannedVersions: plannedVersions(deps.db) };
};

export const ocDetail = (deps: CoreDeps, id: string): OcDetail => {
  requireAnalyst(deps);
  const row = getRowWithVersion(deps.db, 'ocorrencia', id);
  if (row === undefined) throw new DomainFailure(ocNotFound(id));
  const oc = JSON.parse(row.doc) as Ocorrencia;
  const card = customerCard(deps.db, oc.customerId);
  if (card === undefined) throw new DomainFailure(customerNotFound(oc.customerId));
  const events = eventsOf(deps.db, id);
  return {
    oc,
    displayNumber: displayNumber(oc),
    customer: card,
    interactions: interactionsOf(deps.db, id),
    events,
    sla: deps.slaClocks(events, deps.clock.now()),
    pending: row.server_version === 0,
  };
};

export const findCustomers = (deps: CoreDeps, text: string) => {
  requireAnalyst(deps);
  return searchCustomers(deps.db, text);
};

export const customerCardOf = (deps: CoreDeps, id: string) => {
  requireAnalyst(deps);
  const card = customerCard(deps.db, id);
  if (card === undefined) throw new DomainFailure(customerNotFound(id));
  return card;
};

/** The customer's latest calls, each with its OC's number when it was logged on one. */
export const customerCalls = (deps: CoreDeps, customerId: string, limit: number): CallEntry[] => {
  requireAnalyst(deps);
  if (getRow(deps.db, 'customer', customerId) === undefined) throw new DomainFailure(customerNotFound(customerId));
  return recentCalls(deps.db, customerId, limit).flatMap((i) => {
    if (i.call === null) return [];
    const oc = i.ocId === null ? undefined : getRow(deps.db, 'ocorrencia', i.ocId);
    return [{ id: i.id, ocId: i.ocId, authorName: i.authorName, body: i.body, createdAt: i.createdAt, call: i.call, displayNumber: oc === undefined ? null : displayNumber(oc) }];
  });
};
