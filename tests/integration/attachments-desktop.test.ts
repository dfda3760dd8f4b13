import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentProgress, AttachmentSlice, AttachmentView } from '../../src/shared/api/attachments';
import type { QueueRow } from '../../src/shared/api/views';
import type { RunningServer } from '../../src/server/app';
import { pngBytes, xmlBytes } from '../fixtures/attachment-files';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// Issue 16 end to end: a desktop attaches files offline, the bytes go up before the note, another desktop pulls the
// metadata and reads the same bytes; the same file twice is stored once.

let storage: TestStorage;
let server: RunningServer;
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('attachments-desktop');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 30, seed: 4, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const draft = async (d: TestDesktop, ocId: string, name: string, bytes: Uint8Array): Promise<string> => {
  const { id } = await d.invoke<{ id: string }>('attachment.begin', { ocId, name, size: bytes.length });
  const slice = 64 * 1024;
  for (let at = 0; at < bytes.length; at += slice) await d.invoke('attachment.append', { id, offset: at, data: b64(bytes.subarray(at, at + slice)) });
  await d.invoke('attachment.finish', { id });
  return id;
};

const readAll = async (d: TestDesktop, id: string): Promise<Buffer> => {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const slice = await d.invoke<AttachmentSlice>('attachment.read', { id, offset, length: 100_000 });
    const bytes = Buffer.from(slice.data, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= slice.size) break;
  }
  return Buffer.concat(parts);
};

describe('attachments between desktops', () => {
  it('A attaches a PNG and an XML to a note offline; online, the bytes then the note arrive; B reads the same bytes', async () => {
    const a = await startDesktop(server.url, 'ana');
    const b = await startDesktop(server.url, 'rafael');
    desktops.push(a, b);
    const oc = (await a.invoke<QueueRow[]>('queue.list', { openOnly: true, limit: 1 }))[0] as QueueRow;
    const png = pngBytes(300_000, 3);
    const xml = xmlBytes();
    const progress: AttachmentProgress[] = [];
    a.core.events.on('attachment.progress', (p) => progress.push(p));

    // Offline (no sync yet): drafts, then the note that carries them.
    const pngId = await draft(a, oc.id, 'rejeição 225.png', png);
    const xmlId = await draft(a, oc.id, 'nfe.xml', xml);
    await a.invoke('oc.note', { ocId: oc.id, body: 'Print e XML da rejeição.', attachmentIds: [pngId, xmlId] });
    const queued = await a.invoke<AttachmentView[]>('attachment.list', { ocId: oc.id });
    expect(queued.filter((v) => v.state === 'queued').map((v) => v.id).sort()).toEqual([pngId, xmlId].sort());
    const interactionId = queued[0]?.interactionId;
    expect(interactionId).toBeTruthy();

    await a.sync.syncNow();
    expect(progress.filter((p) => p.state === 'uploaded').map((p) => p.id).sort()).toEqual([pngId, xmlId].sort());
    expect(progress.some((p) => p.state === 'uploading' && p.id === pngId && p.sent > 0 && p.sent < png.length)).toBe(true);
    const { rows } = await server.db.query<{ id: string; interaction_id: string; sha256: string }>('SELECT id, interaction_id, sha256 FROM attachment WHERE oc_id = $1 ORDER BY id', [oc.id]);
    expect(rows.map((r) => r.id).sort()).toEqual([pngId, xmlId].sort());
    for (const r of rows) expect(r.interaction_id).toBe(interactionId);
    const note = await server.db.query('SELECT id FROM interaction WHERE id = $1', [interactionId]);
    expect(note.rows.length).toBe(1);
    // A's own list now shows the server's rows (uploaded), still readable offline from its cache.
    const mine = await a.invoke<AttachmentView[]>('attachment.list', { ocId: oc.id });
    expect(mine.filter((v) => v.id === pngId || v.id === xmlId).every((v) => v.state === 'uploaded' && v.cached)).toBe(true);

    const changed: string[][] = [];
    b.core.events.on('data.changed', (c) => changed.push(c.tables));
    await b.sync.syncNow();
    expect(changed.some((t) => t.includes('attachment'))).toBe(true);
    const listed = await b.invoke<AttachmentView[]>('attachment.list', { ocId: oc.id });
    const pngView = listed.find((v) => v.id === pngId);
    expect(pngView).toMatchObject({ name: 'rejeição 225.png', mediaType: 'image/png', kind: 'image', size: png.length, sha256: sha(png), state: 'uploaded', cached: false, interactionId });
    expect(listed.find((v) => v.id === xmlId)).toMatchObject({ mediaType: 'application/xml', kind: 'xml', size: xml.length });
    expect(await readAll(b, pngId)).toEqual(Buffer.from(png));
    expect(await readAll(b, xmlId)).toEqual(Buffer.from(xml));
    expect((await b.invoke<AttachmentView[]>('attachment.list', { ocId: oc.id })).find((v) => v.id === pngId)?.cached).toBe(true);
  });

  it('the same file twice is stored once on the server (and once in the cache)', async () => {
    const [a] = desktops as [TestDesktop];
    const oc = (await a.invoke<QueueRow[]>('queue.list', { openOnly: true, limit: 2 }))[1] as QueueRow;
    const png = pngBytes(20_000, 9);
    const first = await draft(a, oc.id, 'a.png', png);
    await a.invoke('oc.note', { ocId: oc.id, body: 'Primeiro.', attachmentIds: [first] });
    const second = await draft(a, oc.id, 'b.png', png);
    await a.invoke('oc.note', { ocId: oc.id, body: 'Segundo, mesmo print.', attachmentIds: [second] });
    await a.sync.syncNow();
    const rows = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment WHERE sha256 = $1', [sha(png)]);
    expect(rows.rows[0]?.n).toBe(2);
    const blobs = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_blob WHERE sha256 = $1', [sha(png)]);
    expect(blobs.rows[0]?.n).toBe(1);
    expect(await readAll(a, second)).toEqual(Buffer.from(png));
  });
});

describe('the lead\'s prefetch', () => {
  it('fetches the bytes of every open OC\'s attachments into the cache now and after each pull; analysts may not', async () => {
    const [a] = desktops as [TestDesktop];
    const lead = await startDesktop(server.url, 'beatriz');
    desktops.push(lead);
    expect((await a.refusal('attachment.prefetch', { enabled: true })).code).toBe('FORBIDDEN_ROLE');
    const openIds = (await lead.invoke<QueueRow[]>('queue.list', { openOnly: true, limit: 100 })).map((r) => r.id);
    const views = (await Promise.all(openIds.map((ocId) => lead.invoke<AttachmentView[]>('attachment.list', { ocId })))).flat();
    const distinct = new Map(views.map((v) => [v.sha256, v.size]));
    expect(distinct.size).toBeGreaterThanOrEqual(3);
    expect(views.every((v) => !v.cached)).toBe(true);
    const counts = await lead.invoke<{ files: number; bytes: number }>('attachment.prefetch', { enabled: true });
    // Bytes shared by two attachments are fetched once.
    expect(counts).toEqual({ files: distinct.size, bytes: [...distinct.values()].reduce((n, size) => n + size, 0) });
    for (const ocId of openIds) for (const v of await lead.invoke<AttachmentView[]>('attachment.list', { ocId })) expect(v.cached).toBe(true);

    // A new file on an open OC arrives in the lead's cache with the next pull.
    const ocId = openIds[0] as string;
    const png = pngBytes(15_000, 21);
    const fresh = await draft(a, ocId, 'novo.png', png);
    await a.invoke('oc.note', { ocId, body: 'Mais um print.', attachmentIds: [fresh] });
    await a.sync.syncNow();
    await lead.sync.syncNow();
    expect((await lead.invoke<AttachmentView[]>('attachment.list', { ocId })).find((v) => v.id === fresh)?.cached).toBe(true);
    expect(await lead.invoke('attachment.prefetch', { enabled: false })).toEqual({ files: 0, bytes: 0 });
  });
});

describe('a file the server refuses for good', () => {
  let small: RunningServer;
  let smallStorage: TestStorage;
  beforeAll(async () => {
    smallStorage = await testStorage('attachments-desktop-small');
    small = await startTestServer(await smallStorage.fresh(), { demo: { ocs: 10, seed: 6, now: DEMO_NOW }, attachments: { maxFileBytes: 50_000 } });
  }, 120_000);
  afterAll(async () => {
    await small?.stop();
    smallStorage?.stop();
  });

  it('is marked refused with the server\'s reason and a notice; the note and the outbox go on', async () => {
    const a = await startDesktop(small.url, 'ana');
    desktops.push(a);
    const oc = (await a.invoke<QueueRow[]>('queue.list', { openOnly: true, limit: 1 }))[0] as QueueRow;
    const big = await draft(a, oc.id, 'grande.png', pngBytes(80_000, 2));
    await a.invoke('oc.note', { ocId: oc.id, body: 'Print grande.', attachmentIds: [big] });
    await a.invoke('oc.note', { ocId: oc.id, body: 'Depois do print.' });
    await a.sync.syncNow();
    const view = (await a.invoke<AttachmentView[]>('attachment.list', { ocId: oc.id })).find((v) => v.id === big);
    expect(view?.state).toBe('refused');
    expect(view?.refusal?.['pt-BR']).toContain('limite');
    const notices = await a.invoke<Array<{ name: string; ocId: string | null; error: { code: string } }>>('sync.notices', {});
    expect(notices.find((n) => n.name === 'attachment.upload')).toMatchObject({ ocId: oc.id, error: { code: 'ATTACHMENT_TOO_LARGE' } });
    expect(a.sync.state().pending).toBe(0);
    const notes = await small.db.query<{ n: number }>("SELECT count(*)::int AS n FROM interaction WHERE oc_id = $1 AND doc->>'body' IN ('Print grande.', 'Depois do print.')", [oc.id]);
    expect(notes.rows[0]?.n).toBe(2);
    const rows = await small.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment WHERE id = $1', [big]);
    expect(rows.rows[0]?.n).toBe(0);
  });
});
