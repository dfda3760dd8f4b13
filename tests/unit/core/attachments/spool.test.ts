import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_SLICE_BYTES } from '../../../../src/shared/api/attachments';
import { pendingMutations } from '../../../../src/core/db/outbox';
import { seededCore, type TestCore } from '../../../fixtures/core';
import { pngBytes, xmlBytes } from '../../../fixtures/attachment-files';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('attachment drafts in the core spool', () => {
  let t: TestCore;
  let ocId: string;
  let otherOcId: string;

  beforeAll(async () => {
    t = await seededCore(40, 5);
    await t.call('session.login', { login: 'ana', password: 'demo' });
    const rows = await t.call('queue.list', { openOnly: true, limit: 2 });
    ocId = rows[0]?.id as string;
    otherOcId = rows[1]?.id as string;
  });
  afterAll(async () => t.close());

  /** A finished draft of `bytes` sent in slices of `slice` bytes. */
  const upload = async (bytes: Uint8Array, name: string, oc = ocId, slice = 1000): Promise<string> => {
    const { id } = await t.call('attachment.begin', { ocId: oc, name, size: bytes.length });
    for (let at = 0; at < bytes.length; at += slice) await t.call('attachment.append', { id, offset: at, data: b64(bytes.subarray(at, at + slice)) });
    await t.call('attachment.finish', { id });
    return id;
  };

  it('takes slices at their offset, ignores a repeat, refuses a gap and bytes past the size; finish hashes and types by content', async () => {
    const png = pngBytes(5000);
    const { id } = await t.call('attachment.begin', { ocId, name: 'print.txt', size: png.length });
    expect(await t.call('attachment.append', { id, offset: 0, data: b64(png.subarray(0, 2000)) })).toEqual({ received: 2000 });
    // Repeated: ignored; overlapping: only its new end is written.
    expect(await t.call('attachment.append', { id, offset: 0, data: b64(png.subarray(0, 2000)) })).toEqual({ received: 2000 });
    expect(await t.call('attachment.append', { id, offset: 1500, data: b64(png.subarray(1500, 3000)) })).toEqual({ received: 3000 });
    const gap = await t.fail('attachment.append', { id, offset: 3500, data: b64(png.subarray(3500, 4000)) });
    expect(gap.code).toBe('ATTACHMENT_BAD_OFFSET');
    expect(gap.message['pt-BR']).toContain('3000');
    const tooEarly = await t.fail('attachment.finish', { id });
    expect(tooEarly.code).toBe('ATTACHMENT_INCOMPLETE');
    const past = await t.fail('attachment.append', { id, offset: 3000, data: b64(new Uint8Array(2001)) });
    expect(past.code).toBe('ATTACHMENT_SIZE_MISMATCH');
    await t.call('attachment.append', { id, offset: 3000, data: b64(png.subarray(3000)) });
    const view = await t.call('attachment.finish', { id });
    expect(view).toMatchObject({ id, ocId, state: 'draft', mediaType: 'image/png', kind: 'image', size: png.length, sha256: sha(png), cached: true });
    const slice = await t.call('attachment.read', { id, offset: 10, length: 100 });
    expect(Buffer.from(slice.data, 'base64')).toEqual(Buffer.from(png.subarray(10, 110)));
    expect(slice).toMatchObject({ offset: 10, size: png.length, mediaType: 'image/png' });
    expect((await t.call('attachment.list', { ocId })).map((a) => a.id)).toContain(id);
  });

  it('refuses base64 garbage and slices over the limit at the boundary', async () => {
    const { id } = await t.call('attachment.begin', { ocId, name: 'x.xml', size: 10 });
    expect((await t.fail('attachment.append', { id, offset: 0, data: '@@not base64!!' })).code).toBe('INVALID_ARGS');
    expect((await t.fail('attachment.append', { id, offset: 0, data: 'A'.repeat(Math.ceil(ATTACHMENT_SLICE_BYTES / 3) * 4 + 4) })).code).toBe('INVALID_ARGS');
    await t.call('attachment.discard', { id });
  });

  it('refuses empty files, SVG and HTML by content, whatever their name, and drops the draft', async () => {
    expect((await t.fail('attachment.begin', { ocId, name: 'vazio.png', size: 0 })).code).toBe('INVALID_ARGS');
    for (const [name, text] of [
      ['nota.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['nota.xml', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      const { id } = await t.call('attachment.begin', { ocId, name, size: bytes.length });
      await t.call('attachment.append', { id, offset: 0, data: b64(bytes) });
      const refused = await t.fail('attachment.finish', { id });
      expect(refused.code).toBe('ATTACHMENT_TYPE_REFUSED');
      expect(refused.message['pt-BR'].length).toBeGreaterThan(10);
      expect(refused.message.en.length).toBeGreaterThan(10);
      expect((await t.fail('attachment.append', { id, offset: 0, data: b64(bytes) })).code).toBe('ATTACHMENT_NOT_FOUND');
    }
  });

  it('refuses file names with NUL or bidi overrides', async () => {
    expect((await t.fail('attachment.begin', { ocId, name: 'nota\u0000.xml', size: 10 })).code).toBe('INVALID_ARGS');
    expect((await t.fail('attachment.begin', { ocId, name: 'fatura\u202Efdp.exe', size: 10 })).code).toBe('INVALID_ARGS');
  });

  it('discard removes the draft and its file', async () => {
    const id = await upload(xmlBytes(), 'nfe.xml');
    const path = (t.core.db.prepare('SELECT path FROM attachment_spool WHERE id = ?').get(id) as { path: string }).path;
    expect(existsSync(path)).toBe(true);
    await t.call('attachment.discard', { id });
    expect(existsSync(path)).toBe(false);
    expect((await t.call('attachment.list', { ocId })).map((a) => a.id)).not.toContain(id);
  });

  it('a note binds its finished drafts in its own transaction; foreign, other-OC and unknown drafts record nothing', async () => {
    const png = pngBytes(3000);
    const mine = await upload(png, 'print.png');
    const elsewhere = await upload(xmlBytes(), 'nfe.xml', otherOcId);
    const outbox = () => pendingMutations(t.core.db).length;
    const before = outbox();
    expect((await t.fail('oc.note', { ocId, body: 'Segue o print.', attachmentIds: ['nope'] })).code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await t.fail('oc.note', { ocId, body: 'Segue o print.', attachmentIds: [mine, elsewhere] })).code).toBe('ATTACHMENT_OTHER_OC');
    expect((await t.fail('oc.note', { ocId, body: 'Segue o print.', attachmentIds: [mine, mine] })).code).toBe('INVALID_ARGS');
    expect(outbox()).toBe(before);
    // The binding of `mine` was rolled back with the refused note.
    expect((await t.call('attachment.list', { ocId })).find((a) => a.id === mine)?.state).toBe('draft');

    // Another analyst on the same desktop cannot use ana's draft.
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'rafael', password: 'demo' });
    expect((await t.fail('oc.note', { ocId, body: 'Segue o print.', attachmentIds: [mine] })).code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await t.call('attachment.list', { ocId })).map((a) => a.id)).not.toContain(mine);
    expect(outbox()).toBe(before);
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'ana', password: 'demo' });

    const ack = await t.call('oc.note', { ocId, body: 'Segue o print.', attachmentIds: [mine] });
    expect(outbox()).toBe(before + 1);
    const recorded = pendingMutations(t.core.db).at(-1);
    expect(recorded?.args).not.toHaveProperty('attachmentIds');
    const interactionId = (recorded?.args as { interactionId: string }).interactionId;
    const listed = (await t.call('attachment.list', { ocId })).find((a) => a.id === mine);
    expect(listed).toMatchObject({ state: 'queued', interactionId, sha256: sha(png) });
    expect(ack.mutationId).not.toBeNull();
    // Bound: no longer a draft (cannot be discarded, appended or bound again).
    expect((await t.fail('attachment.discard', { id: mine })).code).toBe('ATTACHMENT_NOT_DRAFT');
    expect((await t.fail('oc.note', { ocId, body: 'De novo.', attachmentIds: [mine] })).code).toBe('ATTACHMENT_NOT_DRAFT');
    expect(readFileSync(listed ? (t.core.db.prepare('SELECT path FROM attachment_spool WHERE id = ?').get(mine) as { path: string }).path : '')).toEqual(Buffer.from(png));
  });

  it('a draft never sent is let go after a day, with its file', async () => {
    const { id } = await t.call('attachment.begin', { ocId, name: 'velho.xml', size: 10 });
    const path = (t.core.db.prepare('SELECT path FROM attachment_spool WHERE id = ?').get(id) as { path: string }).path;
    const bound = (t.core.db.prepare("SELECT count(*) AS n FROM attachment_spool WHERE state = 'queued'").get() as { n: number }).n;
    t.clock.t += 25 * 3_600_000;
    try {
      await t.call('attachment.begin', { ocId, name: 'novo.xml', size: 10 });
      expect((await t.fail('attachment.append', { id, offset: 0, data: 'AAAA' })).code).toBe('ATTACHMENT_NOT_FOUND');
      expect(existsSync(path)).toBe(false);
      // Bound files are not drafts: they stay until uploaded.
      expect((t.core.db.prepare("SELECT count(*) AS n FROM attachment_spool WHERE state = 'queued'").get() as { n: number }).n).toBe(bound);
    } finally {
      t.clock.t -= 25 * 3_600_000;
    }
  });

  it('offline and never cached: a clear error', async () => {
    t.core.db.prepare('INSERT INTO attachment (id, oc_id, interaction_id, sha256, created_at, doc, server_version) VALUES (?, ?, NULL, ?, 1, ?, 5)').run(
      'srv-1', ocId, 'a'.repeat(64), JSON.stringify({ id: 'srv-1', ocId, interactionId: null, name: 'x.png', mediaType: 'image/png', size: 10, sha256: 'a'.repeat(64), uploadedBy: { kind: 'analyst', id: 'x' }, createdAt: 1 }));
    expect((await t.call('attachment.list', { ocId })).find((a) => a.id === 'srv-1')).toMatchObject({ state: 'uploaded', cached: false });
    const error = await t.fail('attachment.read', { id: 'srv-1' });
    expect(error.code).toBe('ATTACHMENT_OFFLINE');
    expect(error.message['pt-BR']).toContain('servidor');
  });
});
