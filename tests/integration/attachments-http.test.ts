import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Customer, Interaction, InteractionKind } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';
import { apiHeaders, loginToken } from '../support/raw-client';
import { contactToken, eligibleManagers, extranetCall, extranetDownload, extranetForm, type Body } from '../support/extranet-client';
import { extranetOpenApi } from '../../src/server/http/extranet-openapi';
import { DEMO_NOW } from '../support/sync-harness';
import * as f from '../unit/server/attachments/fixtures';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';

// The attachment routes (issue 16) over HTTP, on both storages: the desktop's resumable upload and download, the
// Extranet's multipart intake, who reads what (another customer's contact: 404; an N1: everything), hostile files,
// and the headers every download carries.

const KIB = 1024;
const LIMITS = { maxFileBytes: 256 * KIB, maxOcBytes: 2048 * KIB, chunkBytes: 64 * KIB };
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe.each(STORAGE_KINDS)('attachment routes on %s', (kind) => {
  let cluster: Cluster;
  let server: RunningServer;
  let shift = 0;
  const clock = { now: () => Date.now() + shift };
  let ana: string;
  let a: { contact: Contact; customer: Customer; token: string };
  let b: { contact: Contact; customer: Customer; token: string };
  let ocA: string;

  const api = (path: string, init: RequestInit & { token?: string; extra?: Record<string, string> } = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...apiHeaders(init.token ?? ana), ...(init.extra ?? {}) };
    if (init.body === undefined || init.body instanceof FormData) delete headers['content-type'];
    return fetch(`${server.url}${path}`, { ...init, headers });
  };
  const json = async (response: Response): Promise<Body> => (await response.json()) as Body;

  const begin = async (input: Record<string, unknown>): Promise<{ status: number; body: Body }> => {
    const r = await api('/api/v1/attachments/uploads', { method: 'POST', body: JSON.stringify(input) });
    return { status: r.status, body: await json(r) };
  };
  const append = async (id: string, offset: number, bytes: Buffer): Promise<{ status: number; body: Body; offset: string | null }> => {
    const r = await api(`/api/v1/attachments/uploads/${id}`, { method: 'PATCH', body: bytes, extra: { 'content-type': 'application/octet-stream', 'upload-offset': String(offset) } });
    return { status: r.status, body: await json(r), offset: r.headers.get('upload-offset') };
  };
  const desktopUpload = async (input: Record<string, unknown>, bytes: Buffer): Promise<Body> => {
    const begun = await begin({ ...input, size: bytes.length });
    expect(begun.status, JSON.stringify(begun.body)).toBe(200);
    const sent = await append(input.id as string, 0, bytes);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.state).toBe('complete');
    return sent.body.attachment as Body;
  };
  const form = (fields: Record<string, string>, files: Array<[string, Buffer]>): FormData => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    for (const [name, bytes] of files) data.append('file', new Blob([bytes]), name);
    return data;
  };
  const extranetMultipart = (path: string, token: string, data: FormData): Promise<{ status: number; body: Body }> => extranetForm(server, path, data, token);
  const download = async (path: string, token: string, extra: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; headers: Headers }> => {
    if (path.startsWith('/extranet/')) return extranetDownload(server, path, token, extra);
    const r = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...(path.startsWith('/api/') ? { 'x-soe-protocol': apiHeaders()['x-soe-protocol'] as string } : {}), ...extra } });
    return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()), headers: r.headers };
  };
  const expectSafeHeaders = (headers: Headers): void => {
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  };
  const addInteraction = async (id: string, kind: InteractionKind): Promise<void> => {
    const row: Interaction = {
      id, ocId: ocA, customerId: a.customer.id, kind, authorId: 'analyst-ana', authorName: 'Ana', body: 'Segue em anexo.', call: null, simulation: null, createdAt: DEMO_NOW,
    };
    await server.db.query('SELECT soe_write($1::jsonb)', [JSON.stringify({ changes: [{ table: 'interaction', row }], events: [], mail: false })]);
  };

  beforeAll(async () => {
    cluster = await openCluster(kind);
    server = (await cluster.nodes(1, { demo: { ocs: 30, seed: 11, now: DEMO_NOW }, attachments: LIMITS, clock }))[0] as RunningServer;
    ana = await loginToken(server.url, 'ana');
    const [ma, mb] = (await eligibleManagers(server, 2)) as [{ contact: Contact; customer: Customer }, { contact: Contact; customer: Customer }];
    a = { ...ma, token: await contactToken(server, ma.contact) };
    b = { ...mb, token: await contactToken(server, mb.contact) };
    const opened = await extranetCall(server, 'POST', '/extranet/v1/ocs', { module: a.customer.modules[0], criticidade: 'alta', kind: 'erro', subject: 'Boleto com erro', description: 'Segue o print.' }, a.token);
    expect(opened.status).toBe(201);
    ocA = opened.body.ocorrencia.id as string;
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('desktop: uploads, lists and downloads (whole and a Range), with the safe headers', async () => {
    const bytes = f.png(40);
    const attachment = await desktopUpload({ id: `print-${kind}`, ocId: ocA, name: 'tela.png' }, bytes);
    expect(attachment).toMatchObject({ id: `print-${kind}`, ocId: ocA, mediaType: 'image/png', size: bytes.length, sha256: sha(bytes) });
    const whole = await download(`/api/v1/attachments/print-${kind}`, ana);
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(bytes)).toBe(true);
    expectSafeHeaders(whole.headers);
    expect(whole.headers.get('content-type')).toBe('image/png');
    const part = await download(`/api/v1/attachments/print-${kind}`, ana, { range: 'bytes=8-15' });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(bytes.subarray(8, 16))).toBe(true);
    expect(part.headers.get('content-range')).toBe(`bytes 8-15/${bytes.length}`);
    expectSafeHeaders(part.headers);
    const outside = await download(`/api/v1/attachments/print-${kind}`, ana, { range: `bytes=${bytes.length}-` });
    expect(outside.status).toBe(416);
    const listed = await json(await api(`/api/v1/ocs/${ocA}/attachments`));
    expect((listed.attachments as Body[]).map((x) => x.id)).toContain(`print-${kind}`);
    // The same id again answers the attachment it made; nothing is stored twice.
    const again = await begin({ id: `print-${kind}`, ocId: ocA, name: 'tela.png', size: bytes.length });
    expect(again.body).toMatchObject({ state: 'complete', deduplicated: true });
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment WHERE id = $1', [`print-${kind}`]);
    expect(rows[0]?.n).toBe(1);
  });

  it('desktop: an interrupted upload resumes from the server\'s offset and nothing is duplicated', async () => {
    const bytes = f.randomBytesSeeded(200 * KIB, 5);
    const file = Buffer.concat([f.pdf(), bytes]);
    const id = `resumed-${kind}`;
    expect((await begin({ id, ocId: ocA, name: 'relatorio.pdf', size: file.length, sha256: sha(file) })).body).toMatchObject({ state: 'receiving', received: 0 });
    // Half the file, then the connection drops.
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${server.url}/api/v1/attachments/uploads/${id}`, {
        method: 'PATCH', headers: { ...apiHeaders(ana), 'content-type': 'application/octet-stream', 'upload-offset': '0', 'content-length': String(file.length) },
      });
      req.on('error', () => resolve());
      req.write(file.subarray(0, 150 * KIB), () => setTimeout(() => { req.destroy(); resolve(); }, 200));
    });
    let done: Body | null = null;
    let resumedFrom = -1;
    for (let attempt = 0; attempt < 100 && done === null; attempt += 1) {
      const status = await json(await api(`/api/v1/attachments/uploads/${id}`));
      expect(status.state).toBe('receiving');
      const received = status.received as number;
      expect(received).toBeLessThanOrEqual(150 * KIB);
      const sent = await append(id, received, file.subarray(received));
      if (sent.status === 200) {
        done = sent.body;
        resumedFrom = received;
      } else {
        // The dropped request may still be writing its last chunk: the server names where it stands.
        expect(sent.status).toBe(409);
        expect(sent.body.error.code).toBe('UPLOAD_OFFSET_MISMATCH');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(done).toMatchObject({ state: 'complete', attachment: { size: file.length, sha256: sha(file), mediaType: 'application/pdf' } });
    expect(resumedFrom).toBeGreaterThan(0);
    const back = await download(`/api/v1/attachments/${id}`, ana);
    expect(back.bytes.equals(file)).toBe(true);
    const { rows } = await server.db.query<{ attachments: number; blobs: number; stored: number }>(
      `SELECT (SELECT count(*)::int FROM attachment WHERE id = $1) AS attachments, (SELECT count(*)::int FROM attachment_blob WHERE sha256 = $2) AS blobs,
              (SELECT coalesce(sum(length(c.data)), 0)::int FROM attachment_chunk c JOIN attachment_blob b ON b.content_id = c.content_id WHERE b.sha256 = $2) AS stored`, [id, sha(file)]);
    expect(rows[0]).toEqual({ attachments: 1, blobs: 1, stored: file.length });
  });

  it('desktop: a wrong offset, a missing offset and a body over the limit are 4xx, and the connection stays usable', async () => {
    const id = `big-${kind}`;
    expect((await begin({ id, ocId: ocA, name: 'grande.log' })).status).toBe(200);
    const wrong = await append(id, 10, Buffer.from('x'));
    expect([wrong.status, wrong.body.error.code, wrong.body.error.details.receivedBytes]).toEqual([409, 'UPLOAD_OFFSET_MISMATCH', 0]);
    const noOffset = await api(`/api/v1/attachments/uploads/${id}`, { method: 'PATCH', body: Buffer.from('x'), extra: { 'content-type': 'application/octet-stream' } });
    expect(noOffset.status).toBe(400);
    const over = await append(id, 0, Buffer.alloc(LIMITS.maxFileBytes + 64 * KIB, 0x61));
    expect([over.status, over.body.error.code]).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
    expect(over.body.error.message.en).toContain('0.3 MB');
    // The refused upload is gone; its id is free to begin again.
    expect((await api(`/api/v1/attachments/uploads/${id}`)).status).toBe(404);
    const cancelled = await begin({ id: `cancel-${kind}`, ocId: ocA, name: 'x.txt' });
    expect(cancelled.status).toBe(200);
    expect((await api(`/api/v1/attachments/uploads/cancel-${kind}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/v1/attachments/uploads/cancel-${kind}`)).status).toBe(404);
    expect((await api('/api/v1/attachments/nao-existe')).status).toBe(404);
  });

  it('desktop routes need an analyst session and the protocol header', async () => {
    expect((await fetch(`${server.url}/api/v1/attachments/print-${kind}`, { headers: { authorization: `Bearer ${ana}` } })).status).toBe(426);
    expect((await api(`/api/v1/attachments/print-${kind}`, { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await api(`/api/v1/attachments/print-${kind}`, { token: a.token })).status).toBe(401);
  });

  it('extranet: files with a new OC, with a reply, and alone then referenced; an N1 reads them all', async () => {
    const withOc = await extranetMultipart('/extranet/v1/ocs', a.token, form(
      { module: a.customer.modules[0] as string, criticidade: 'media', kind: 'duvida', subject: 'Nota rejeitada', description: 'XML e print anexos.' },
      [['NF-e 1234.xml', f.nfeXml()], ['print.png', f.png(2)]]));
    expect(withOc.status, JSON.stringify(withOc.body)).toBe(201);
    const ocId = withOc.body.ocorrencia.id as string;
    expect((withOc.body.attachments as Body[]).map((x) => [x.name, x.mediaType, x.ocId])).toEqual([['NF-e 1234.xml', 'application/xml', ocId], ['print.png', 'image/png', ocId]]);
    expect(withOc.body.attachments[0].uploadedBy).toBeUndefined();

    const withReply = await extranetMultipart(`/extranet/v1/ocs/${ocId}/replies`, a.token, form({ body: 'Mais um log.' }, [['erro.log', f.utf8Log()]]));
    expect(withReply.status, JSON.stringify(withReply.body)).toBe(201);
    expect(withReply.body.attachments[0]).toMatchObject({ interactionId: withReply.body.interaction.id, mediaType: 'text/plain; charset=utf-8' });

    const loose = await extranetMultipart('/extranet/v1/attachments', a.token, form({ id: `loose-${kind}` }, [['planilha.csv', f.csv()]]));
    expect(loose.status, JSON.stringify(loose.body)).toBe(201);
    expect(loose.body.attachment).toMatchObject({ id: `loose-${kind}`, ocId: null, interactionId: null, mediaType: 'text/csv; charset=utf-8' });
    // Another customer's contact cannot put it on their OC: it does not exist for them.
    const stolen = await extranetCall(server, 'POST', '/extranet/v1/ocs', { module: b.customer.modules[0], criticidade: 'alta', kind: 'erro', subject: 'Roubo', description: 'x', attachmentIds: [`loose-${kind}`] }, b.token);
    expect([stolen.status, stolen.body.error.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    const referenced = await extranetCall(server, 'POST', `/extranet/v1/ocs/${ocId}/replies`, { body: 'A planilha.', attachmentIds: [`loose-${kind}`] }, a.token);
    expect(referenced.status).toBe(201);
    expect(referenced.body.attachments[0]).toMatchObject({ id: `loose-${kind}`, ocId, interactionId: referenced.body.interaction.id });
    const twice = await extranetCall(server, 'POST', `/extranet/v1/ocs/${ocId}/replies`, { body: 'De novo.', attachmentIds: [`loose-${kind}`] }, a.token);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ATTACHMENT_ALREADY_REFERENCED']);

    const listed = await extranetCall(server, 'GET', `/extranet/v1/ocs/${ocId}/attachments`, undefined, a.token);
    expect(listed.status).toBe(200);
    expect((listed.body.attachments as Body[])).toHaveLength(4);
    const csv = await download(`/extranet/v1/attachments/loose-${kind}`, a.token);
    expect(csv.status).toBe(200);
    expect(csv.bytes.equals(f.csv())).toBe(true);
    expectSafeHeaders(csv.headers);

    // Another customer's contact: 404 for the list and for every file, like ids that do not exist.
    expect((await extranetCall(server, 'GET', `/extranet/v1/ocs/${ocId}/attachments`, undefined, b.token)).status).toBe(404);
    for (const x of listed.body.attachments as Body[]) expect((await download(`/extranet/v1/attachments/${x.id as string}`, b.token)).status).toBe(404);
    // An N1 analyst reads them all through the desktop API.
    const n1 = await json(await api(`/api/v1/ocs/${ocId}/attachments`));
    expect((n1.attachments as Body[])).toHaveLength(4);
    for (const x of n1.attachments as Body[]) {
      const got = await download(`/api/v1/attachments/${x.id as string}`, ana);
      expect([got.status, got.bytes.length]).toEqual([200, x.size]);
      expect(sha(got.bytes)).toBe(x.sha256);
    }
  });

  it('extranet: an internal note\'s file is never shown to the contact; a public reply\'s is', async () => {
    await addInteraction(`note-${kind}`, 'internal_note');
    await addInteraction(`public-${kind}`, 'public_reply');
    await desktopUpload({ id: `on-note-${kind}`, ocId: ocA, interactionId: `note-${kind}`, name: 'interno.txt' }, f.utf8Log());
    await desktopUpload({ id: `on-public-${kind}`, ocId: ocA, interactionId: `public-${kind}`, name: 'resposta.pdf' }, f.pdf());
    const listed = await extranetCall(server, 'GET', `/extranet/v1/ocs/${ocA}/attachments`, undefined, a.token);
    const ids = (listed.body.attachments as Body[]).map((x) => x.id);
    expect(ids).toContain(`on-public-${kind}`);
    expect(ids).not.toContain(`on-note-${kind}`);
    expect(ids).not.toContain(`print-${kind}`); // an analyst's file on no interaction: not on a customer-visible one
    expect((await download(`/extranet/v1/attachments/on-note-${kind}`, a.token)).status).toBe(404);
    const pub = await download(`/extranet/v1/attachments/on-public-${kind}`, a.token);
    expect([pub.status, pub.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await json(await api(`/api/v1/ocs/${ocA}/attachments`))).attachments.map((x: Body) => x.id)).toContain(`on-note-${kind}`);
  });

  it.each([
    ['a lying extension is stored as what the bytes are', 'foto.png', () => f.pdf(), 201, 'application/pdf', 'foto.png.pdf'],
    ['text named .html is stored as text and downloads as .txt', 'pagina.html', () => Buffer.from('apenas texto, nenhuma marcação\n'), 201, 'text/plain; charset=utf-8', 'pagina.html.txt'],
    ['a zip bomb is a ZIP typed by its header, never expanded', '42.zip', () => f.zipBomb(), 201, 'application/zip', '42.zip'],
    ['zero bytes', 'vazio.txt', () => Buffer.alloc(0), 422, 'ATTACHMENT_EMPTY', null],
    ['over the per-file limit', 'grande.png', () => Buffer.concat([f.png(), Buffer.alloc(LIMITS.maxFileBytes)]), 413, 'ATTACHMENT_TOO_LARGE', null],
    ['HTML', 'pagina.html', () => f.html(), 415, 'ATTACHMENT_TYPE_REFUSED', null],
    ['SVG', 'logo.svg', () => f.svg(), 415, 'ATTACHMENT_TYPE_REFUSED', null],
    ['an executable named .pdf', 'boleto.pdf', () => f.exe(), 415, 'ATTACHMENT_TYPE_REFUSED', null],
  ])('extranet hostile upload: %s', async (_case, name, make, status, expected, downloadName) => {
    const sent = await extranetMultipart('/extranet/v1/attachments', a.token, form({}, [[name, make()]]));
    expect(sent.status, JSON.stringify(sent.body)).toBe(status);
    if (status !== 201) {
      expect(sent.body.error.code).toBe(expected);
      expect(sent.body.error.message.en).toEqual(expect.any(String));
      return;
    }
    expect(sent.body.attachment.mediaType).toBe(expected);
    const got = await download(`/extranet/v1/attachments/${sent.body.attachment.id as string}`, a.token);
    expect(got.status).toBe(200);
    expectSafeHeaders(got.headers);
    expect(got.headers.get('content-disposition')).toContain(`filename="${downloadName as string}"`);
    expect(got.bytes.equals(make())).toBe(true);
  });

  it('extranet: a malformed multipart body, no file, or a session of no contact are 4xx', async () => {
    const malformed = await fetch(`${server.url}/extranet/v1/attachments`, {
      method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
    });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect((await json(malformed)).error.code).toEqual(expect.any(String));
    const none = await extranetMultipart('/extranet/v1/attachments', a.token, form({ id: 'sem-arquivo' }, []));
    expect(none.status).toBe(400);
    const asAnalyst = await extranetMultipart('/extranet/v1/attachments', ana, form({}, [['a.txt', Buffer.from('oi\n')]]));
    expect(asAnalyst.status).toBe(401);
  });

  it('serves its OpenAPI document, which names every Extranet route with an operationId', async () => {
    const served = await fetch(`${server.url}/extranet/v1/openapi.json`);
    expect(served.status).toBe(200);
    const document = (await served.json()) as Body;
    expect(document).toEqual(extranetOpenApi());
    const documented = Object.entries(document.paths as Body).flatMap(([path, methods]) => Object.entries(methods as Body).map(([method, op]) => {
      expect((op as Body).operationId).toEqual(expect.any(String));
      return `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
    }));
    const registered = server.routes.filter((r) => r.url.startsWith('/extranet/')).map((r) => `${r.method} ${r.url}`);
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it('the maintenance job sweeps uploads nobody continued', async () => {
    expect((await begin({ id: `stale-${kind}`, ocId: ocA, name: 'parado.txt' })).status).toBe(200);
    const before = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_upload WHERE id = $1', [`stale-${kind}`]);
    expect(before.rows[0]?.n).toBe(1);
    shift += 25 * 3_600_000;
    await server.maintenance.runOnce();
    const after = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_upload WHERE id = $1', [`stale-${kind}`]);
    expect(after.rows[0]?.n).toBe(0);
  });
});
