import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentProgress, AttachmentSlice } from '../../src/shared/api/attachments';
import type { QueueRow } from '../../src/shared/api/views';
import { pngBytes } from '../fixtures/attachment-files';
import { freePort } from '../support/pg-cluster';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';
import { runTs, type Child } from './support/processes';

// Issue 16 under faults: the bytes and the note that names them arrive once, whatever dies in between.

let storage: TestStorage;
const children: Child[] = [];

beforeAll(async () => {
  storage = await testStorage('fault:attachments');
}, 60_000);

afterAll(async () => {
  for (const c of children) await c.kill();
  storage?.stop();
});

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('attachments when something dies', () => {
  it('desktop core killed between the note and the upload: after the restart the bytes, then the note, arrive once', async () => {
    const server = await startTestServer(await storage.fresh(), { demo: { ocs: 10, seed: 13, now: DEMO_NOW } });
    try {
      const probe = await startDesktop(server.url, 'ana');
      const ocId = ((await probe.invoke<QueueRow[]>('queue.list', { openOnly: true, limit: 1 }))[0] as QueueRow).id;
      await probe.close();
      const png = pngBytes(200_000, 5);
      const dir = mkdtempSync(join(tmpdir(), 'soe-fault-attach-'));
      const file = join(mkdtempSync(join(tmpdir(), 'soe-fault-file-')), 'print.png');
      writeFileSync(file, png);
      const child = runTs('./attach-desktop-main.ts', { SOE_FAULT_ATTACH: JSON.stringify({ serverUrl: server.url, dir, login: 'ana', ocId, file }) });
      children.push(child);
      const [, interactionId, attachmentId] = (await child.waitFor(/^ACK /, 60_000)).split(' ') as [string, string, string];
      await child.kill('SIGKILL');
      expect((await server.db.query('SELECT 1 FROM attachment WHERE id = $1', [attachmentId])).rows).toHaveLength(0);

      const again = await startDesktop(server.url, 'ana', { dir });
      try {
        expect(again.sync.state().pending).toBe(0);
        await again.sync.syncNow();
        const rows = await server.db.query<{ interaction_id: string; sha256: string }>('SELECT interaction_id, sha256 FROM attachment WHERE id = $1', [attachmentId]);
        expect(rows.rows).toEqual([{ interaction_id: interactionId, sha256: sha(png) }]);
        expect((await server.db.query('SELECT 1 FROM interaction WHERE id = $1', [interactionId])).rows).toHaveLength(1);
        const view = await again.invoke<Array<{ id: string; state: string }>>('attachment.list', { ocId });
        expect(view.find((v) => v.id === attachmentId)?.state).toBe('uploaded');
      } finally {
        await again.close();
      }
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('server killed mid-upload: the upload resumes from the offset the server holds', async () => {
    const spec = await storage.fresh();
    const port = await freePort();
    const mailDir = mkdtempSync(join(tmpdir(), 'soe-fault-mail-'));
    const start = async (extra: Record<string, unknown>): Promise<{ url: string; child: Child }> => {
      const child = runTs('./server-main.ts', { SOE_FAULT_SERVER: JSON.stringify({ ...spec, port, mailDir, ...extra }) });
      children.push(child);
      const line = await child.waitFor(/^READY /, 90_000);
      return { url: line.slice('READY '.length), child };
    };
    // Dies right after the third 1 MiB chunk of the upload committed.
    const first = await start({ demo: { ocs: 10, seed: 8, now: DEMO_NOW }, fault: 'mid-upload', chunks: 3 });
    const desktop = await startDesktop(first.url, 'ana', { sync: { requestTimeoutMs: 5_000 } });
    try {
      const ocId = ((await desktop.invoke<QueueRow[]>('queue.list', { openOnly: true, limit: 1 }))[0] as QueueRow).id;
      const png = pngBytes(6 * 1024 * 1024, 7);
      const { id } = await desktop.invoke<{ id: string }>('attachment.begin', { ocId, name: 'grande.png', size: png.length });
      const slice = 512 * 1024;
      for (let at = 0; at < png.length; at += slice) await desktop.invoke('attachment.append', { id, offset: at, data: Buffer.from(png.subarray(at, at + slice)).toString('base64') });
      await desktop.invoke('attachment.finish', { id });
      await desktop.invoke('oc.note', { ocId, body: 'Print grande.', attachmentIds: [id] });

      await desktop.sync.syncNow();
      expect(await first.child.exited).toBeNull();
      expect(desktop.sync.state()).toMatchObject({ status: 'offline', pending: 1 });

      const progress: AttachmentProgress[] = [];
      desktop.core.events.on('attachment.progress', (p) => progress.push(p));
      const second = await start({});
      await desktop.sync.syncNow();
      expect(desktop.sync.state()).toMatchObject({ status: 'online', pending: 0 });
      // The second attempt started where the server's stored chunks end, not at 0.
      const resumedAt = progress.find((p) => p.state === 'uploading')?.sent;
      expect(resumedAt).toBe(3 * 1024 * 1024);
      expect(progress.at(-1)).toMatchObject({ id, state: 'uploaded', sent: png.length });
      const b = await startDesktop(second.url, 'rafael');
      try {
        const read = await b.invoke<AttachmentSlice>('attachment.read', { id, offset: png.length - 1000, length: 1000 });
        expect(Buffer.from(read.data, 'base64')).toEqual(Buffer.from(png.subarray(png.length - 1000)));
      } finally {
        await b.close();
      }
      await second.child.kill('SIGTERM');
    } finally {
      await desktop.close();
    }
  }, 180_000);
});
