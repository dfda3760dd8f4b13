import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type Interaction, type InteractionKind } from '../../src/shared/domain';
import type { Attachment } from '../../src/shared/domain/attachment';
import type { Actor, AttachmentDeps } from '../../src/server/attachments/context';
import { contactReader, listOcAttachments, openDownload } from '../../src/server/attachments/downloads';
import { referenceAttachment, sweepAttachments } from '../../src/server/attachments/references';
import { appendUpload, beginUpload, cancelUpload, uploadWhole } from '../../src/server/attachments/uploads';
import type { Database } from '../../src/server/db/database';
import * as f from '../unit/server/attachments/fixtures';
import { analystActor, count, depsFor, openStoreDatabase, readAll, STORAGES, stopClusters, testClock, type TestClock } from '../unit/server/attachments/harness';

// Who may read what (SPEC §2): analysts everything; a customer's authorised contacts what is on their own OCs'
// customer-visible interactions and what they uploaded themselves; anyone else "not found", like an id that does
// not exist. Every upload and download is in the audit log.

afterAll(() => stopClusters());

interface Party {
  actor: Actor;
  customerId: string;
  ocId: string;
}

/** An authorised Extranet contact of a customer that has an OC, for `n` different customers. */
const parties = async (db: Database, n: number): Promise<Party[]> => {
  const { rows } = await db.query<{ contact_id: string; customer_id: string; oc_id: string }>(`
    SELECT DISTINCT ON (k.customer_id) k.id AS contact_id, k.customer_id, o.id AS oc_id
    FROM contact k JOIN ocorrencia o ON o.customer_id = k.customer_id
    WHERE (k.doc->>'extranetAccess')::boolean AND (k.doc->>'active')::boolean AND k.doc->>'role' = 'gerente_projeto'
    ORDER BY k.customer_id, o.id`);
  const found: Party[] = [];
  for (const row of rows) {
    const reader = await contactReader(db, row.contact_id);
    if (reader === null) continue;
    found.push({ actor: { who: reader, source: 'extranet' }, customerId: row.customer_id, ocId: row.oc_id });
    if (found.length === n) return found;
  }
  throw new Error(`the demo data has ${found.length} authorised contacts with OCs, ${n} needed`);
};

const addInteraction = async (db: Database, party: Party, id: string, kind: InteractionKind): Promise<void> => {
  const row: Interaction = {
    id, ocId: party.ocId, customerId: party.customerId, kind, authorId: 'analyst-ana', authorName: 'Ana', body: 'Segue print em anexo.',
    call: null, simulation: null, createdAt: Date.parse('2026-03-02T13:00:00Z'),
  };
  await db.query('SELECT soe_write($1::jsonb)', [JSON.stringify({ changes: [{ table: 'interaction', row }], events: [], mail: false })]);
};

describe.each(STORAGES)('attachment access on %s', (kind) => {
  let db: Database;
  let clock: TestClock;
  let deps: AttachmentDeps;
  let a: Party;
  let b: Party;
  const ana = analystActor('analyst-ana');
  const ids = { reply: `on-reply-${kind}`, note: `on-note-${kind}`, loose: `loose-${kind}` };

  const upload = async (actor: Actor, input: Record<string, unknown>, bytes: Buffer): Promise<Attachment> => {
    const state = await uploadWhole(deps, actor, input, f.generatedStreamOf(bytes));
    if (isDomainError(state) || state.state !== 'complete') throw new Error(`upload refused: ${JSON.stringify(state)}`);
    return state.attachment;
  };

  const downloadCode = async (actor: Actor, id: string): Promise<string | number> => {
    const result = await openDownload(deps, actor, id);
    if ('error' in result) return result.error.code;
    await readAll(result.body);
    return result.status;
  };

  beforeAll(async () => {
    db = await openStoreDatabase(kind, `attachments-store-access/${kind}`);
    clock = testClock();
    deps = depsFor(db, clock);
    [a, b] = (await parties(db, 2)) as [Party, Party];
    await addInteraction(db, a, `reply-${kind}`, 'public_reply');
    await addInteraction(db, a, `note-${kind}`, 'internal_note');
    await upload(ana, { id: ids.reply, ocId: a.ocId, interactionId: `reply-${kind}`, name: 'resposta.png' }, f.png(3));
    await upload(ana, { id: ids.note, ocId: a.ocId, interactionId: `note-${kind}`, name: 'interno.xml' }, f.nfeXml());
    await upload(a.actor, { id: ids.loose, name: 'NF-e 1234.xml' }, f.nfeWithoutDeclaration());
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

  it('lets an analyst read every attachment', async () => {
    for (const id of Object.values(ids)) expect(await downloadCode(ana, id)).toBe(200);
    expect((await listOcAttachments(deps, ana.who, a.ocId) as Attachment[]).map((x) => x.id).sort()).toEqual([ids.note, ids.reply].sort());
  });

  it('lets the customer’s contact read what is on a public reply and their own uploads, not internal notes', async () => {
    expect(await downloadCode(a.actor, ids.reply)).toBe(200);
    expect(await downloadCode(a.actor, ids.loose)).toBe(200);
    expect(await downloadCode(a.actor, ids.note)).toBe('ATTACHMENT_NOT_FOUND');
    expect((await listOcAttachments(deps, a.actor.who, a.ocId) as Attachment[]).map((x) => x.id)).toEqual([ids.reply]);
  });

  it('answers another customer’s contact exactly as for an id that does not exist', async () => {
    const missing = await openDownload(deps, b.actor, 'no-such-attachment');
    for (const id of Object.values(ids)) expect(await openDownload(deps, b.actor, id)).toEqual(missing);
    expect(missing).toMatchObject({ status: 404, error: { code: 'ATTACHMENT_NOT_FOUND' } });
    expect(await listOcAttachments(deps, b.actor.who, a.ocId)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await beginUpload(deps, b.actor, { id: `intruder-${kind}`, ocId: a.ocId, name: 'x.png' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await beginUpload(deps, b.actor, { id: ids.reply, name: 'x.png' })).toMatchObject({ code: 'UPLOAD_ID_TAKEN' });
    // Nor can anyone hang a file on one customer's OC by pointing it at another OC's public reply.
    expect(await beginUpload(deps, ana, { id: `crossed-${kind}`, ocId: b.ocId, interactionId: `reply-${kind}`, name: 'x.png' })).toMatchObject({ code: 'ATTACHMENT_TARGET_MISMATCH' });
  });

  it('answers hostile ids and names with a 4xx value, never a database error', async () => {
    for (const id of ['a\u0000b', 'x\ud800', 'x'.repeat(1_000_000), '']) {
      expect(await openDownload(deps, a.actor, id)).toMatchObject({ status: 404, error: { code: 'ATTACHMENT_NOT_FOUND' } });
      expect(await beginUpload(deps, a.actor, { id, name: 'x.png' })).toMatchObject({ code: 'INVALID_ARGS' });
      expect(await appendUpload(deps, a.actor, id, 0, f.generatedStreamOf(f.png()))).toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
      expect(await referenceAttachment(deps, a.actor, id, { ocId: a.ocId })).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
      expect(await listOcAttachments(deps, a.actor.who, id)).toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const name of ['print\u0000.png', '../../etc/passwd', 'a'.repeat(1_000_000), 'fatura\u202Efdp.exe']) {
      expect(await beginUpload(deps, a.actor, { id: `hostile-name-${kind}`, name })).toMatchObject({ code: 'INVALID_ARGS' });
    }
    expect(await beginUpload(deps, a.actor, { id: `hostile-${kind}`, name: 'x.png', size: -1 })).toMatchObject({ code: 'INVALID_ARGS' });
    expect(await beginUpload(deps, a.actor, { id: `hostile-${kind}`, name: 'x.png', ownerId: 'analyst-ana' })).toMatchObject({ code: 'INVALID_ARGS' });
    expect(await count(db, 'attachment_upload WHERE uploader_id = $1', [a.actor.who.id])).toBe(0);
  });

  it('caps the uploads one person may have in progress', async () => {
    const capped = depsFor(db, clock, { maxPendingUploads: 2 });
    const who = analystActor(`analyst-busy-${kind}`);
    for (const n of [1, 2]) expect(await beginUpload(capped, who, { id: `pending-${n}-${kind}`, ocId: a.ocId, name: `${n}.pdf` })).toMatchObject({ state: 'receiving' });
    expect(await beginUpload(capped, who, { id: `pending-3-${kind}`, ocId: a.ocId, name: '3.pdf' })).toMatchObject({ code: 'UPLOADS_PENDING_LIMIT' });
    expect(await beginUpload(capped, who, { id: `pending-1-${kind}`, ocId: a.ocId, name: '1.pdf' })).toMatchObject({ state: 'receiving' }); // resuming is not a new one
    for (const n of [1, 2]) expect(await cancelUpload(capped, who, `pending-${n}-${kind}`)).toBeNull();
    expect(await beginUpload(capped, who, { id: `pending-3-${kind}`, ocId: a.ocId, name: '3.pdf' })).toMatchObject({ state: 'receiving' });
    expect(await cancelUpload(capped, who, `pending-3-${kind}`)).toBeNull();
  });

  it('refuses contacts who are not authorised on the Extranet', async () => {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM contact WHERE NOT (doc->>'extranetAccess')::boolean LIMIT 1");
    if (rows[0] !== undefined) expect(await contactReader(db, rows[0].id)).toBeNull();
    expect(await contactReader(db, 'no-such-contact')).toBeNull();
  });

  it('audits every upload and download, refusals included', async () => {
    expect(await count(db, "audit_log WHERE action = 'attachment.upload' AND outcome = 'ok' AND target = ANY($1)", [Object.values(ids)])).toBe(3);
    await downloadCode(b.actor, ids.reply);
    const { rows } = await db.query<{ actor_kind: string; actor_id: string; outcome: string; source: string; detail: { code?: string } }>(
      "SELECT actor_kind, actor_id, outcome, source, detail FROM audit_log WHERE action = 'attachment.download' AND target = $1 ORDER BY id DESC LIMIT 1", [ids.reply]);
    expect(rows[0]).toMatchObject({ actor_kind: 'contact', actor_id: b.actor.who.id, outcome: 'denied', source: 'extranet', detail: { code: 'ATTACHMENT_NOT_FOUND' } });
    expect(await count(db, "audit_log WHERE action = 'attachment.download' AND outcome = 'ok' AND actor_id = $1", [a.actor.who.id])).toBeGreaterThanOrEqual(2);
  });

  it('puts a loose upload on its uploader’s OC once, and nowhere else', async () => {
    const loose = `loose-ref-${kind}`;
    await upload(a.actor, { id: loose, name: 'tela.png' }, f.png(5));
    expect(await referenceAttachment(deps, b.actor, loose, { ocId: b.ocId })).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
    expect(await referenceAttachment(deps, a.actor, loose, { ocId: b.ocId })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await referenceAttachment(deps, a.actor, loose, { ocId: a.ocId, interactionId: `note-${kind}` })).toMatchObject({ ocId: a.ocId });
    expect(await referenceAttachment(deps, a.actor, loose, { ocId: a.ocId, interactionId: `note-${kind}` })).toMatchObject({ ocId: a.ocId });
    expect(await referenceAttachment(deps, a.actor, loose, { ocId: a.ocId, interactionId: `reply-${kind}` })).toMatchObject({ code: 'ATTACHMENT_ALREADY_REFERENCED' });
    expect(await referenceAttachment(deps, ana, ids.loose, { ocId: a.ocId })).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
    const { rows } = await db.query<{ oc_id: string; version: number; doc: Attachment }>('SELECT oc_id, version, doc FROM attachment WHERE id = $1', [loose]);
    expect(rows[0]).toMatchObject({ oc_id: a.ocId, doc: { ocId: a.ocId, interactionId: `note-${kind}` } });
    expect(rows[0]?.version).toBeGreaterThan(0);
  });

  it('gives every row a fresh version from the global sequence when it changes', async () => {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM attachment ORDER BY version');
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
    const { rows: head } = await db.query<{ last: number }>('SELECT last_value AS last FROM change_version');
    expect(Math.max(...rows.map((r) => r.version))).toBeLessThanOrEqual(Number(head[0]?.last));
  });

  it('sweeps uploads nobody continued and loose uploads nobody referenced, with their bytes', async () => {
    await beginUpload(deps, ana, { id: `stale-${kind}`, ocId: a.ocId, name: 'parado.pdf', size: 10 });
    await deps.blobs.writeStaged(`stale-${kind}`, 0, f.pdf().subarray(0, 5), clock.now());
    const abandoned = await upload(a.actor, { id: `abandoned-${kind}`, name: 'esquecido.txt' }, Buffer.from('ninguém referenciou'));
    clock.advance(8 * 24 * 3_600_000);
    const summary = await sweepAttachments(deps);
    expect(summary.uploads).toBe(1);
    expect(summary.looseAttachments).toBeGreaterThanOrEqual(2); // this one and the first loose upload
    expect(await count(db, 'attachment_upload WHERE id = $1', [`stale-${kind}`])).toBe(0);
    expect(await count(db, 'attachment_staging WHERE key = $1', [`stale-${kind}`])).toBe(0);
    expect(await deps.blobs.has(abandoned.sha256)).toBe(false);
    expect(await count(db, 'attachment WHERE oc_id IS NOT NULL')).toBe(3); // referenced ones stay
  });
});
