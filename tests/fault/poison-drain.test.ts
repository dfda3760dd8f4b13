import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOutbox } from '../../src/core/db/outbox';
import type { RejectedNotice } from '../../src/shared/api/notices';
import { localDocs } from '../support/fixtures';
import { openSpec } from '../support/legacy-history';
import { freePort } from '../support/pg-cluster';
import { DEMO_NOW, startDesktop, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';
import { runTs, type Child } from './support/processes';

// SPEC §6 and issue 15: a change that can never apply — its OC cancelled by a lead meanwhile, or text the
// database cannot store that an older desktop acknowledged — is refused with its reason and leaves the outbox,
// even when the server dies in the middle of the drain; everything after it still goes out, exactly once.

let storage: TestStorage;
const children: Child[] = [];
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('fault:poison-drain');
}, 60_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  for (const c of children) await c.kill();
  storage?.stop();
});

const startNode = async (spec: { databaseUrl?: string; dataDir?: string }, port: number, extra: Record<string, unknown> = {}): Promise<{ url: string; child: Child }> => {
  const child = runTs('./server-main.ts', { SOE_FAULT_SERVER: JSON.stringify({ ...spec, port, mailDir: mkdtempSync(join(tmpdir(), 'soe-fault-mail-')), ...extra }) });
  children.push(child);
  return { url: (await child.waitFor(/^READY /, 90_000)).slice('READY '.length), child };
};

describe('a poison mutation in the outbox', () => {
  it('its OC cancelled meanwhile, or its text unstorable: refused with the reason and drained, across a server crash', async () => {
    const spec = await storage.fresh();
    const port = await freePort();
    // The node dies right after committing the change queued after the poison.
    const first = await startNode(spec, port, { demo: { ocs: 20, seed: 17, now: DEMO_NOW }, fault: 'after-commit', match: 'Depois do veneno' });
    const lead = await startDesktop(first.url, 'beatriz', { sync: { requestTimeoutMs: 5_000 } });
    const ana = await startDesktop(first.url, 'ana', { sync: { requestTimeoutMs: 5_000 } });
    desktops.push(lead, ana);
    const open = ana.core.db.prepare("SELECT id FROM ocorrencia WHERE status = 'nova' AND json_extract(doc, '$.contactId') IS NOT NULL AND json_extract(doc, '$.level') = 'n1' ORDER BY id LIMIT 2").all() as Array<{ id: string }>;
    const [doomed, other] = open.map((r) => r.id) as [string, string];
    await ana.invoke('oc.take', { ocId: doomed });
    await ana.sync.syncNow();
    await lead.sync.syncNow();

    // Ana, offline: a reply and a pause on the OC she holds; a note an older app acknowledged with a NUL in it;
    // then ordinary notes.
    await ana.invoke('oc.reply', { ocId: doomed, body: 'Estou verificando o erro.' });
    await ana.invoke('oc.pause', { ocId: doomed });
    const anaId = (ana.core.db.prepare("SELECT id FROM analyst WHERE login = 'ana'").get() as { id: string }).id;
    const poison = appendOutbox(ana.core.db, { name: 'oc.note', args: { ocId: other, interactionId: 'poison-note-1', body: 'Colado do \u0000 sistema antigo' }, clientTime: Date.now(), actorId: anaId }, Date.now());
    await ana.invoke('oc.note', { ocId: other, body: 'Depois do veneno' });
    await ana.invoke('oc.note', { ocId: other, body: 'Última nota' });
    expect(ana.sync.state().pending).toBe(5);
    // Meanwhile a lead cancels the OC as a duplicate... of nothing: invalid.
    await lead.invoke('oc.cancel', { ocId: doomed, reason: 'invalida' });
    await lead.sync.syncNow();

    await ana.sync.syncNow();
    expect(await Promise.race([first.child.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))])).toBeNull();
    expect(ana.sync.state().status).toBe('offline');
    expect(ana.sync.state().pending).toBeGreaterThan(0);

    const second = await startNode(spec, port);
    await ana.sync.syncNow();
    await lead.sync.syncNow();
    expect(ana.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
    const notices = await ana.invoke<RejectedNotice[]>('sync.notices');
    const refused = new Map(notices.map((n) => [n.mutationId, n]));
    expect([...refused.values()].map((n) => n.name).sort()).toEqual(['oc.note', 'oc.pause', 'oc.reply']);
    // The server's shared Text type refuses the NUL before any write, naming the field (the database's own refusal,
    // UNSTORABLE_TEXT, is the second line; the hardening integration cases cover it).
    expect(refused.get(poison)?.error.code).toBe('INVALID_ARGS');
    expect(refused.get(poison)?.error.message.en).toMatch(/body: holds the null character/);
    for (const n of notices) if (n.ocId === doomed) expect(n.error.message['pt-BR']).toMatch(/cancelad/i);
    await second.child.kill('SIGTERM');

    const db = await openSpec(spec);
    try {
      const notes = await db.query<{ body: string }>("SELECT doc->>'body' AS body FROM interaction WHERE oc_id = $1 ORDER BY version", [other]);
      expect(notes.rows.map((r) => r.body).filter((b) => b === 'Depois do veneno' || b === 'Última nota')).toEqual(['Depois do veneno', 'Última nota']);
      expect((await db.query("SELECT 1 FROM interaction WHERE id = 'poison-note-1'")).rows).toHaveLength(0);
      // The refused reply was never a public reply: no e-mail copy to the customer.
      expect((await db.query("SELECT 1 FROM interaction WHERE oc_id = $1 AND kind = 'public_reply'", [doomed])).rows).toHaveLength(0);
      expect((await db.query('SELECT 1 FROM mail_outbox WHERE oc_id = $1', [doomed])).rows).toHaveLength(0);
      const clientId = (ana.core.db.prepare("SELECT value FROM meta WHERE key = 'clientId'").get() as { value: string }).value;
      const state = await db.query<{ n: number }>('SELECT last_mutation_id AS n FROM client_state WHERE client_id = $1', [clientId]);
      expect(state.rows[0]?.n).toBe(poison + 2);
      // Both replicas hold what the server holds.
      for (const table of ['ocorrencia', 'interaction']) {
        const { rows } = await db.query<{ id: string; doc: unknown }>(`SELECT id, doc FROM ${table}`);
        const truth = new Map(rows.map((r) => [r.id, r.doc]));
        expect(localDocs(ana, table), `ana ${table}`).toEqual(truth);
        expect(localDocs(lead, table), `lead ${table}`).toEqual(truth);
      }
    } finally {
      await db.close();
    }
  }, 150_000);
});
