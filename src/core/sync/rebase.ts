import { z } from 'zod';
import { Attachment } from '../../shared/domain/attachment';
import { Analyst, CatalogItem, Contact, Customer, Interaction, isDomainError, OcEvent, Ocorrencia, PlannedVersion, Recado, Release, SlaConfig } from '../../shared/domain';
import { isMutatorName } from '../../shared/mutators/registry';
import type { Change, EntityTable } from '../../shared/mutators/types';
import type { PulledChange, PullResponse, SyncTable } from '../../shared/sync/protocol';
import { putAttachmentRow } from '../db/attachments';
import type { Db } from '../db/connection';
import { dropLocalEvents, insertEvents } from '../db/events';
import { setMeta } from '../db/meta';
import { confirmUpTo, pendingMutations, takeBases } from '../db/outbox';
import { deleteRow, getRow, putRow, rowidOf } from '../db/rows';
import { indexOcText, unindexRow } from '../db/search';
import { writeChanges } from '../db/writer';
import { applyLocal, type LocalStoreDeps } from '../store/local-store';
import { dropLocalEvent, hasLocalEvents } from '../db/sync-events';

// Pulled rows are parsed with the domain schemas before they touch the replica (zod at every boundary).
export const ROW_SCHEMAS: Record<SyncTable, z.ZodType> = {
  ocorrencia: Ocorrencia,
  interaction: Interaction,
  customer: Customer,
  contact: Contact,
  analyst: Analyst,
  recado: Recado,
  release: Release,
  planned_version: PlannedVersion,
  catalog: CatalogItem,
  sla_config: SlaConfig,
  oc_event: OcEvent,
  attachment: Attachment,
};

export const META_CURSOR = 'sync.cursor';
export const META_LAST_MUTATION = 'sync.lastMutationId';

export interface PageResult {
  tables: Set<string>;
  ocIds: Set<string>;
  /** Pending mutations that no longer apply on the server's state (the server will refuse them too). */
  replayFailures: number;
}

/**
 * The server is authoritative and ran the same mutators, so a row that does not match its schema is a bug in
 * shared code: it is reported (onSchemaMismatch) and still written as the server holds it — refusing it would
 * leave this replica diverged from every other one for good.
 */
export const parseChange = (change: PulledChange, onSchemaMismatch: (message: string) => void): { table: SyncTable; version: number; row: unknown } => {
  const parsed = ROW_SCHEMAS[change.table].safeParse(change.row);
  if (parsed.success) return { table: change.table, version: change.version, row: parsed.data };
  const issue = parsed.error.issues[0];
  onSchemaMismatch(`pulled ${change.table} row (version ${change.version}) does not match its schema: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  return { table: change.table, version: change.version, row: change.row };
};

/**
 * Applies one pulled page in ONE SQLite transaction (SPEC §6 rebase): the rows changed optimistically go back
 * to their saved server version, unconfirmed events are dropped, the server's rows and events are written with
 * their versions, the outbox is confirmed up to lastMutationId (only on the last page, whose snapshot contains
 * every confirmed effect), the still-pending mutations are replayed on top, and SLA columns are recomputed.
 */
export const applyPullPage = (deps: LocalStoreDeps, page: PullResponse, now: number, onSchemaMismatch: (message: string) => void = () => undefined): PageResult => {
  const { db } = deps;
  const changes = page.changes.map((change) => parseChange(change, onSchemaMismatch));
  const run = db.transaction((): PageResult => {
    const touched = new Set<string>();
    const tables = new Set<string>();
    const rebasing = restoreBases(db, touched, tables);
    const localEventsLeft = !rebasing && hasLocalEvents(db);
    if (rebasing) for (const ocId of dropLocalEvents(db)) touched.add(ocId);
    const events: OcEvent[] = [];
    for (const change of changes) {
      tables.add(change.table);
      if (change.table === 'oc_event') {
        const event = change.row as OcEvent;
        if (localEventsLeft) dropLocalEvent(db, event.ocId, event.id);
        insertEvents(db, [event], false, change.version);
        events.push(event);
        touched.add(event.ocId);
      } else if (change.table === 'attachment') {
        // Metadata only (the bytes are read on demand); never changed optimistically, so never rebased.
        const row = change.row as Attachment;
        putAttachmentRow(db, row, change.version);
        if (row.ocId !== null) touched.add(row.ocId);
      } else {
        for (const ocId of writeChanges(db, [{ table: change.table, row: change.row } as Change], { optimistic: false, serverVersion: change.version })) touched.add(ocId);
      }
    }
    setMeta(db, META_CURSOR, String(page.cursor));
    if (!page.hasMore) {
      confirmUpTo(db, page.lastMutationId);
      setMeta(db, META_LAST_MUTATION, String(page.lastMutationId));
    }
    const replayFailures = rebasing ? replayPending(deps, touched, tables) : 0;
    deps.deriveSla(db, touched, now);
    return { tables, ocIds: touched, replayFailures };
  });
  return run();
};

/** Puts back the server version of every row changed optimistically; returns whether there was any. */
const restoreBases = (db: Db, touched: Set<string>, tables: Set<string>): boolean => {
  const bases = takeBases(db);
  const pending = pendingMutations(db, 1).length > 0;
  for (const base of bases) {
    tables.add(base.table);
    const key = base.table === 'sla_config' ? Number(base.id) : base.id;
    if (base.doc === null) {
      // Created optimistically: gone until the server's copy (or the replay) writes it again.
      const before = base.table === 'interaction' ? getRow(db, 'interaction', base.id) : undefined;
      if (base.table === 'interaction' || base.table === 'ocorrencia') {
        const rowid = rowidOf(db, base.table, base.id);
        if (rowid !== undefined) unindexRow(db, base.table, rowid);
      }
      deleteRow(db, base.table as EntityTable, key);
      if (base.table === 'ocorrencia') touched.add(base.id);
      if (before?.ocId != null) touched.add(before.ocId);
      continue;
    }
    const row = JSON.parse(base.doc) as Change['row'];
    const rowid = putRow(db, { table: base.table, row } as Change, base.serverVersion);
    if (base.table === 'ocorrencia') {
      indexOcText(db, row as Ocorrencia, rowid);
      touched.add(base.id);
    }
  }
  return bases.length > 0 || pending;
};

/**
 * Replays the outbox on the pulled state, with each mutation's own id and time (deterministic event ids, so the
 * optimistic copy and the server copy are the same rows). A mutation that now fails is left in the outbox: the
 * server refuses it on push and the reason reaches its author as a notice.
 */
const replayPending = (deps: LocalStoreDeps, touched: Set<string>, tables: Set<string>): number => {
  let failures = 0;
  for (const entry of pendingMutations(deps.db)) {
    const actor = getRow(deps.db, 'analyst', entry.actorId);
    if (actor === undefined || !isMutatorName(entry.name)) {
      failures += 1;
      continue;
    }
    const result = applyLocal(deps, entry.name, entry.args, actor, { mutationId: entry.mutationId, clientTime: entry.clientTime });
    if (isDomainError(result)) {
      failures += 1;
      continue;
    }
    for (const change of result.changes) {
      tables.add(change.table);
      if (change.table === 'ocorrencia') touched.add(change.row.id);
    }
    for (const event of result.events) touched.add(event.ocId);
  }
  return failures;
};
