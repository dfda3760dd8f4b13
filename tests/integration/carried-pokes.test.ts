import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentView } from '../../src/shared/api/attachments';
import type { RunningServer } from '../../src/server/app';
import { pngBytes } from '../fixtures/attachment-files';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// A poke carries the changes when they are few (issue 14): a desktop with nothing of its own pending applies them
// without pulling — one read of the node's log serves every desktop — and ends exactly where a pull would have
// left it. A desktop with changes of its own still pulls (the pull confirms them).

let storage: TestStorage;
let server: RunningServer;
const desktops: TestDesktop[] = [];

const start = async (login: string): Promise<TestDesktop> => {
  const d = await startDesktop(server.url, login, { sync: { manual: false, periodicMs: 3_600_000 } });
  desktops.push(d);
  return d;
};

/** Counts a desktop's pulls from now on. */
const countPulls = (d: TestDesktop): { readonly count: number } => {
  const api = d.sync.api as { pull: (...args: never[]) => Promise<unknown> };
  const pull = api.pull.bind(api);
  const counter = { count: 0 };
  api.pull = (...args: never[]) => {
    counter.count += 1;
    return pull(...args);
  };
  return counter;
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

const hasInteraction = (d: TestDesktop, id: string): boolean => d.core.db.prepare('SELECT 1 FROM interaction WHERE id = ?').get(id) !== undefined;

beforeAll(async () => {
  storage = await testStorage('carried-pokes');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 60, seed: 9, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

describe('pokes that carry the changes', () => {
  it('bring a note to an idle desktop without a pull, leaving it where a pull would', async () => {
    const writer = await start('beatriz');
    const reader = await start('sergio');
    await until(() => writer.sync.socketConnected && reader.sync.socketConnected, 'the sockets');
    const ocId = (writer.core.db.prepare('SELECT id FROM ocorrencia WHERE is_open = 1 ORDER BY id LIMIT 1').get() as { id: string }).id;
    // A first change: the node's log starts, and the poke after it can carry what follows.
    await writer.invoke('oc.note', { ocId, interactionId: 'carry-warmup', body: 'Primeira nota.' });
    await until(() => hasInteraction(reader, 'carry-warmup'), 'the first note');
    await until(() => reader.sync.state().status === 'online' && writer.sync.state().pending === 0, 'both idle');

    const pulls = countPulls(reader);
    for (let i = 0; i < 5; i += 1) {
      await writer.invoke('oc.note', { ocId, interactionId: `carry-${i}`, body: `Nota levada pelo aviso ${i}.` });
      await until(() => hasInteraction(reader, `carry-${i}`), `note ${i}`);
      await new Promise((r) => setTimeout(r, 60));
    }
    expect(pulls.count).toBe(0);
    // Where a pull would have left it: the same rows as the writer, and a pull from its cursor brings nothing.
    const interactions = (d: TestDesktop) => d.core.db.prepare('SELECT id, doc, server_version FROM interaction WHERE oc_id = ? ORDER BY id').all(ocId);
    await until(() => writer.sync.state().pending === 0, 'the writer confirmed');
    expect(interactions(reader)).toEqual(interactions(writer));
    expect(reader.core.db.prepare('SELECT doc FROM ocorrencia WHERE id = ?').get(ocId)).toEqual(writer.core.db.prepare('SELECT doc FROM ocorrencia WHERE id = ?').get(ocId));
    await reader.sync.syncNow();
    expect(interactions(reader)).toEqual(interactions(writer));
  }, 60_000);

  it("bring a new file to a lead's prefetching desktop with its bytes", async () => {
    const [writer] = desktops as [TestDesktop];
    const lead = await start('beatriz');
    await until(() => lead.sync.socketConnected, 'the lead socket');
    await lead.invoke('attachment.prefetch', { enabled: true });
    const ocId = (writer.core.db.prepare('SELECT id FROM ocorrencia WHERE is_open = 1 ORDER BY id LIMIT 1 OFFSET 2').get() as { id: string }).id;
    const png = pngBytes(12_000, 5);
    const { id } = await writer.invoke<{ id: string }>('attachment.begin', { ocId, name: 'levado.png', size: png.length });
    await writer.invoke('attachment.append', { id, offset: 0, data: Buffer.from(png).toString('base64') });
    await writer.invoke('attachment.finish', { id });
    await writer.invoke('oc.note', { ocId, body: 'Print levado pelo aviso.', attachmentIds: [id] });
    const cached = async () => (await lead.invoke<AttachmentView[]>('attachment.list', { ocId })).find((v) => v.id === id)?.cached === true;
    const deadline = Date.now() + 10_000;
    while (!(await cached())) {
      if (Date.now() > deadline) throw new Error('the file never reached the lead cache');
      await new Promise((r) => setTimeout(r, 20));
    }
  }, 60_000);

  it('leave a desktop with changes of its own to pull, so they are confirmed', async () => {
    const [writer, reader] = desktops as [TestDesktop, TestDesktop];
    const ocId = (reader.core.db.prepare('SELECT id FROM ocorrencia WHERE is_open = 1 ORDER BY id LIMIT 1 OFFSET 1').get() as { id: string }).id;
    await reader.sync.stop();
    await reader.invoke('oc.note', { ocId, interactionId: 'reader-own', body: 'Nota do leitor, ainda não enviada.' });
    const pulls = countPulls(reader);
    reader.sync.start();
    await writer.invoke('oc.note', { ocId, interactionId: 'carry-while-pending', body: 'Nota enquanto o leitor tem pendências.' });
    await until(() => hasInteraction(reader, 'carry-while-pending') && reader.sync.state().pending === 0, 'the reader synced');
    expect(pulls.count).toBeGreaterThan(0);
    await until(() => hasInteraction(writer, 'reader-own'), 'the reader note on the writer');
  }, 60_000);
});
