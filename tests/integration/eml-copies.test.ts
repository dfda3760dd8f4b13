import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import type { Actor } from '../../src/server/attachments/context';
import { appendUpload, beginUpload, uploadWhole } from '../../src/server/attachments/uploads';
import { mailFileName } from '../../src/server/mail/mail-attachments';
import { emlFileName } from '../../src/server/mail/transport';
import { isDomainError, type Contact, type Customer } from '../../src/shared/domain';
import { parseEml, type Eml } from '../support/eml';
import { DEMO_NOW, startDesktop, type TestDesktop } from '../support/sync-harness';
import * as f from '../unit/server/attachments/fixtures';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';

// Issue 15, item 8: without SMTP the e-mail copy of each public reply is an .eml file. Replies `X.x` and `X_x`
// on two customers' OCs once folded to one file name, so customer A's copy was replaced by customer B's.
// Issue 16, item 5: the copy lists the reply's files and carries those within the e-mail allowance (set low here:
// 256 KiB, with 64 KiB chunks, so a file attached spans several chunk rows), the others named as on the Extranet.

const KIB = 1024;
const MAIL_ALLOWANCE = 256 * KIB;

/** An NF-e with `items` product lines (accents included): ~150 KiB for 1500, more than two chunks. */
const bigNfe = (items: number): Buffer => Buffer.from(f.nfeXml().toString('utf8').replace('</ide>',
  `</ide>${Array.from({ length: items }, (_v, i) => `<det nItem="${i + 1}"><prod><xProd>Produto ${i + 1} — ação, pão e maçã</xProd></prod></det>\n`).join('')}`), 'utf8');

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are asserted field by field

describe.each(STORAGE_KINDS)('e-mail copies as .eml files (%s)', (kind) => {
  let cluster: Cluster;
  let server: RunningServer & { mailDir: string };
  let lead: TestDesktop;
  let analyst: Actor;

  beforeAll(async () => {
    cluster = await openCluster(kind);
    server = (await cluster.nodes(1, { demo: { ocs: 10, seed: 13, now: DEMO_NOW }, attachments: { chunkBytes: 64 * KIB, mailAttachBytes: MAIL_ALLOWANCE } }))[0] as RunningServer & { mailDir: string };
    lead = await startDesktop(server.url, 'beatriz');
    const { rows } = await server.db.query<{ id: string }>("SELECT id FROM analyst WHERE login = 'beatriz'");
    analyst = { who: { kind: 'analyst', id: (rows[0] as { id: string }).id }, source: 'desktop:test' };
  }, 180_000);

  afterAll(async () => {
    await lead?.close();
    await cluster?.stop();
  });

  const http = async (method: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: Body }> => {
    const answer = await server.app.inject({ method: method as 'POST', url: path, headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }, payload: JSON.stringify(body) });
    return { status: answer.statusCode, body: answer.json() as Body };
  };

  /** An OC opened through the Extranet by an eligible customer's manager (so its copies have a recipient). */
  const openThroughExtranet = async (offset: number): Promise<{ contact: Contact; ocId: string }> => {
    const { rows } = await server.db.query<{ contact: Contact; customer: Customer }>(`SELECT k.doc AS contact, c.doc AS customer FROM contact k JOIN customer c ON c.id = k.customer_id
      WHERE k.doc->>'role' = 'gerente_projeto' AND c.doc->>'implantacaoTermSignedAt' IS NOT NULL AND c.doc->>'eadExtranetCompletedAt' IS NOT NULL
        AND c.doc->>'slaAcknowledgedAt' IS NOT NULL AND k.email IN (SELECT login FROM credential WHERE kind = 'contact') ORDER BY c.id OFFSET $1 LIMIT 1`, [offset]);
    const { contact, customer } = rows[0] as { contact: Contact; customer: Customer };
    const login = await http('POST', '/extranet/v1/login', { email: contact.email, password: 'demo' });
    const opened = await http('POST', '/extranet/v1/ocs', { module: customer.modules[0], criticidade: 'media', kind: 'duvida', subject: `Dúvida de ${customer.name}`, description: 'Como emitir a nota?' }, login.body.token as string);
    expect(opened.status).toBe(201);
    return { contact, ocId: opened.body.ocorrencia.id as string };
  };

  it('replies X.x and X_x on two customers\' OCs give two files, each with its own customer\'s copy', async () => {
    const a = await openThroughExtranet(0);
    const b = await openThroughExtranet(1);
    expect(a.contact.customerId).not.toBe(b.contact.customerId);
    await lead.sync.syncNow();
    for (const [{ ocId }, interactionId, body] of [[a, 'X.x', 'Resposta para o cliente A.'], [b, 'X_x', 'Resposta para o cliente B.']] as const) {
      await lead.invoke('oc.take', { ocId });
      await lead.invoke('oc.reply', { ocId, interactionId, body });
    }
    await lead.sync.syncNow();
    expect(await lead.invoke<unknown[]>('sync.notices')).toEqual([]);
    await server.mail?.flush();
    const copies = readdirSync(server.mailDir).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(server.mailDir, f), 'utf8'));
    expect(copies).toHaveLength(2);
    const forA = copies.filter((text) => text.includes(a.contact.email));
    const forB = copies.filter((text) => text.includes(b.contact.email));
    expect(forA).toHaveLength(1);
    expect(forB).toHaveLength(1);
    expect(forA[0]).toContain('Resposta para o cliente A.');
    expect(forA[0]).not.toContain('Resposta para o cliente B.');
    expect(forB[0]).toContain('Resposta para o cliente B.');
    // A reply without files: the copy as before, one text/plain body, no list of files.
    for (const copy of copies) {
      const eml = parseEml(copy);
      expect(eml.contentType).toBe('text/plain');
      expect(eml.parts).toEqual([]);
      expect(eml.text).not.toContain('Anexos');
      expect(eml.text).toContain('respostas a este e-mail não são registradas.');
    }
    // Nothing half-written is left next to them.
    expect(readdirSync(server.mailDir).filter((f) => !f.endsWith('.eml'))).toEqual([]);
  });

  /** A reply on a fresh Extranet OC, with files the desktop uploaded first (as it does), and its copy parsed. */
  const replyWithFiles = async (offset: number, interactionId: string, files: ReadonlyArray<{ id: string; name: string; bytes: Buffer }>): Promise<{ eml: Eml; raw: string; contact: Contact }> => {
    const { contact, ocId } = await openThroughExtranet(offset);
    await lead.sync.syncNow();
    await lead.invoke('oc.take', { ocId });
    for (const file of files) {
      const uploaded = await uploadWhole(server.attachments, analyst, { id: file.id, ocId, interactionId, name: file.name, size: file.bytes.length }, f.generatedStreamOf(file.bytes));
      expect(!isDomainError(uploaded) && uploaded.state).toBe('complete');
    }
    await lead.invoke('oc.reply', { ocId, interactionId, body: 'Segue em anexo o print e o XML.' });
    await lead.sync.syncNow();
    expect(await lead.invoke<unknown[]>('sync.notices')).toEqual([]);
    await server.mail?.flush();
    const raw = readFileSync(join(server.mailDir, emlFileName(interactionId)), 'utf8');
    return { eml: parseEml(raw), raw, contact };
  };

  const attachedParts = (eml: Eml) => eml.parts.filter((p) => p.disposition === 'attachment');

  it('a reply with a PNG and an NF-e XML: both listed with their sizes and types, both attached byte for byte', async () => {
    const print = f.png(300);
    const xml = bigNfe(1500);
    expect(xml.length).toBeGreaterThan(128 * KIB); // more than two chunk rows: the stream crosses them
    const { eml, contact } = await replyWithFiles(2, 'reply-with-files', [
      { id: 'att-print', name: 'print da tela.png', bytes: print },
      { id: 'att-nfe', name: 'NF-e 1234 rejeição.xml', bytes: xml },
    ]);
    expect(eml.headers.get('to')).toContain(contact.email);
    expect(eml.contentType).toBe('multipart/mixed');
    const parts = attachedParts(eml);
    expect(parts.map((p) => [p.filename, p.contentType])).toEqual([['print da tela.png', 'image/png'], ['NF-e 1234 rejeição.xml', 'application/xml']]);
    expect(parts[0]?.body.equals(print)).toBe(true);
    expect(parts[1]?.body.equals(xml)).toBe(true);
    const xmlSize = new Intl.NumberFormat('pt-BR', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(xml.length / KIB);
    expect(eml.text).toContain('Anexos (2):');
    expect(eml.text).toContain(`- print da tela.png (${print.length} bytes, image/png) — anexado a este e-mail`);
    expect(eml.text).toContain(`- NF-e 1234 rejeição.xml (${xmlSize}, application/xml) — anexado a este e-mail`);
    expect(xmlSize).toMatch(/^\d+,\d kB$/); // written as Portuguese writes it: a decimal comma
    expect(eml.text).not.toContain('disponível na Extranet');
  });

  it('files beyond the allowance are listed as on the Extranet, not attached, with no link to their bytes; a smaller one after them still goes', async () => {
    const log = Buffer.from(`${'2026-03-02T10:00:01 ERRO Falha na comunicação com a SEFAZ (cStat 108)\n'.repeat(5000)}`, 'utf8');
    const big = bigNfe(1800);
    const print = f.png(40);
    expect(log.length + big.length).toBeGreaterThan(MAIL_ALLOWANCE);
    const { eml, raw } = await replyWithFiles(3, 'reply-over-allowance', [
      { id: 'att-log-big', name: 'sefaz.log', bytes: log },
      { id: 'att-nfe-big', name: 'nfe-grande.xml', bytes: big },
      { id: 'att-print-small', name: 'print.png', bytes: print },
    ]);
    expect(log.length).toBeGreaterThan(MAIL_ALLOWANCE); // the first does not fit at all
    const parts = attachedParts(eml);
    expect(parts.map((p) => p.filename)).toEqual(['nfe-grande.xml', 'print.png']);
    expect(parts[0]?.body.equals(big)).toBe(true);
    expect(parts[1]?.body.equals(print)).toBe(true);
    expect(eml.text).toMatch(/- sefaz\.log \(\d+,\d kB, text\/plain; charset=utf-8\) — disponível na Extranet/);
    expect(eml.text).toContain('baixe-os na ocorrência, na Extranet');
    expect(eml.text).toContain('1 of its files is too large for e-mail and can be downloaded on the Extranet.');
    // Whoever reads the e-mail (a forward, a shared mailbox) gets no way to the bytes: no URL, no attachment id.
    expect(raw).not.toMatch(/https?:\/\//);
    expect(raw).not.toContain('att-log-big');
    expect(raw).not.toContain('/attachments');
  });

  it('a copy waits for a file still uploading onto its reply, then carries it', async () => {
    const { ocId } = await openThroughExtranet(4);
    await lead.sync.syncNow();
    await lead.invoke('oc.take', { ocId });
    const xml = bigNfe(900);
    const half = xml.length >> 1;
    const begun = await beginUpload(server.attachments, analyst, { id: 'att-late', ocId, interactionId: 'reply-late-file', name: 'nota.xml', size: xml.length });
    expect(!isDomainError(begun) && begun.state).toBe('receiving');
    // The link dropped half-way: the reply reached the server before its file did.
    const partial = await appendUpload(server.attachments, analyst, 'att-late', 0, Readable.from([xml.subarray(0, half)]));
    expect(!isDomainError(partial) && partial.state).toBe('receiving');
    await lead.invoke('oc.reply', { ocId, interactionId: 'reply-late-file', body: 'Segue a nota.' });
    await lead.sync.syncNow();
    await server.mail?.flush();
    expect(existsSync(join(server.mailDir, emlFileName('reply-late-file')))).toBe(false);
    const { rows } = await server.db.query<{ status: string }>("SELECT status FROM mail_outbox WHERE interaction_id = 'reply-late-file'");
    expect(rows[0]?.status).toBe('pending');
    const done = await appendUpload(server.attachments, analyst, 'att-late', half, Readable.from([xml.subarray(half)]));
    expect(!isDomainError(done) && done.state).toBe('complete');
    await server.mail?.flush();
    const eml = parseEml(readFileSync(join(server.mailDir, emlFileName('reply-late-file')), 'utf8'));
    const parts = attachedParts(eml);
    expect(parts.map((p) => p.filename)).toEqual(['nota.xml']);
    expect(parts[0]?.body.equals(xml)).toBe(true);
  });

  it('an upload abandoned half-way (standing still for two minutes) does not hold the copy back', async () => {
    const { ocId } = await openThroughExtranet(6);
    await lead.sync.syncNow();
    await lead.invoke('oc.take', { ocId });
    const print = f.png(8);
    const sent = await uploadWhole(server.attachments, analyst, { id: 'att-kept', ocId, interactionId: 'reply-abandoned', name: 'print.png' }, f.generatedStreamOf(print));
    expect(!isDomainError(sent) && sent.state).toBe('complete');
    const xml = bigNfe(900);
    await beginUpload(server.attachments, analyst, { id: 'att-abandoned', ocId, interactionId: 'reply-abandoned', name: 'nota.xml', size: xml.length });
    await appendUpload(server.attachments, analyst, 'att-abandoned', 0, Readable.from([xml.subarray(0, 1000)]));
    // Its last byte came three minutes ago (the server's clock, not the reply's).
    const ago = Date.now() - 180_000;
    await server.db.query("UPDATE attachment_upload SET updated_at = $1 WHERE id = 'att-abandoned'", [ago]);
    await server.db.query("UPDATE attachment_staging SET updated_at = $1 WHERE key = 'att-abandoned'", [ago]);
    await lead.invoke('oc.reply', { ocId, interactionId: 'reply-abandoned', body: 'Segue o print.' });
    await lead.sync.syncNow();
    await server.mail?.flush();
    const eml = parseEml(readFileSync(join(server.mailDir, emlFileName('reply-abandoned')), 'utf8'));
    expect(attachedParts(eml).map((p) => p.filename)).toEqual(['print.png']);
    expect(eml.text).not.toContain('nota.xml');
  });

  it('hostile file names (quotes, CR/LF, a header-looking tail, emoji, 255 bytes, a bidi override) break no header', async () => {
    const injected = 'Relatório "final"; filename=evil.exe\r\nX-Injected: sim\r\n\r\n<script>.png';
    const long = `${'ç'.repeat(125)}.xml`; // 254 bytes: at the limit of a name
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    const files = [
      { id: 'att-hostile-1', name: injected, bytes: f.png(2) },
      { id: 'att-hostile-2', name: '📎 print 🧾 =?UTF-8?B?ZXZpbC5leGU=?= %41.png', bytes: f.png(3) },
      { id: 'att-hostile-3', name: long, bytes: f.nfeXml() },
      { id: 'att-hostile-4', name: 'fatura.png', bytes: f.png(4) },
    ];
    const { ocId } = await openThroughExtranet(5);
    await lead.sync.syncNow();
    await lead.invoke('oc.take', { ocId });
    for (const file of files) {
      const uploaded = await uploadWhole(server.attachments, analyst, { id: file.id, ocId, interactionId: 'reply-hostile', name: file.name }, f.generatedStreamOf(file.bytes));
      expect(!isDomainError(uploaded) && uploaded.state).toBe('complete');
    }
    // A bidi override is refused at upload; a row holding one anyway (older data) must not reverse the copy's text.
    const bidi = 'fatura\u202Egnp.exe';
    await server.db.query("UPDATE attachment SET doc = jsonb_set(doc, '{name}', to_jsonb($2::text)) WHERE id = $1", ['att-hostile-4', bidi]);
    await lead.invoke('oc.reply', { ocId, interactionId: 'reply-hostile', body: 'Arquivos com nomes estranhos.' });
    await lead.sync.syncNow();
    await server.mail?.flush();
    const raw = readFileSync(join(server.mailDir, emlFileName('reply-hostile')), 'utf8');
    // Headers and bodies in 7-bit ASCII, no line longer than RFC 5322 allows, no header line forged by a name.
    expect([...raw].filter((c) => c !== '\t' && c !== '\n' && (c < ' ' || c > '~'))).toEqual([]);
    expect(Math.max(...raw.split('\n').map((l) => l.length))).toBeLessThanOrEqual(998);
    expect(raw).not.toMatch(/^X-Injected/im);
    const eml = parseEml(raw);
    expect(eml.headerLines.some((l) => /^x-injected/i.test(l))).toBe(false);
    const parts = attachedParts(eml);
    expect(parts).toHaveLength(4);
    for (const part of parts) expect(part.headerLines.some((l) => /^x-injected/i.test(l))).toBe(false);
    const names = [mailFileName({ name: injected, mediaType: 'image/png' }), '📎 print 🧾 =?UTF-8?B?ZXZpbC5leGU=?= %41.png', long, 'fatura gnp.exe.png'];
    expect(names[0]).toBe('Relatório "final"; filename=evil.exe  X-Injected: sim    <script>.png');
    expect(parts.map((p) => p.filename)).toEqual(names);
    parts.forEach((part, i) => expect(part.body.equals((files[i] as { bytes: Buffer }).bytes)).toBe(true));
    // The text lists them as the parts are named: a line each, no line break from a name, no bidi control.
    for (const name of names) expect(eml.text).toContain(`- ${name} (`);
    expect(eml.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(eml.text.split('\n').filter((l) => l.startsWith('X-Injected'))).toEqual([]);
  });
});
