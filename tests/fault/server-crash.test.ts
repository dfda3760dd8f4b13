import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import type { Database } from '../../src/server/db/database';
import { freePort } from '../support/pg-cluster';
import { registerClient } from '../support/raw-client';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';
import { runTs, type Child } from './support/processes';

// SPEC §6: nothing acknowledged is lost and nothing is applied twice when the server dies at the worst moment.

let storage: TestStorage;
const children: Child[] = [];

beforeAll(async () => {
  storage = await testStorage('fault:server-crash');
}, 60_000);

afterAll(async () => {
  for (const c of children) await c.kill();
  storage?.stop();
});

interface Node {
  url: string;
  child: Child;
}

const startNode = async (spec: { databaseUrl?: string; dataDir?: string }, port: number, mailDir: string, extra: Record<string, unknown> = {}): Promise<Node> => {
  const child = runTs('./server-main.ts', { SOE_FAULT_SERVER: JSON.stringify({ ...spec, port, mailDir, ...extra }) });
  children.push(child);
  const line = await child.waitFor(/^READY /, 90_000);
  return { url: line.slice('READY '.length), child };
};

const inspect = async <T>(spec: { databaseUrl?: string; dataDir?: string }, read: (db: Database) => Promise<T>): Promise<T> => {
  const db = spec.databaseUrl !== undefined ? await openPostgres({ connectionString: spec.databaseUrl }) : await openPglite(spec.dataDir);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
};

const waitFor = async (check: () => boolean, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const crashCase = (fault: 'after-commit' | 'mid-transaction') => async () => {
  const spec = await storage.fresh();
  const port = await freePort();
  const mailDir = mkdtempSync(join(tmpdir(), 'soe-fault-mail-'));
  const first = await startNode(spec, port, mailDir, { demo: { ocs: 20, seed: 8, now: DEMO_NOW }, fault });
  const lead = await startDesktop(first.url, 'beatriz', { sync: { requestTimeoutMs: 5_000 } });
  try {
    // An open OC with an Extranet contact, so the reply has someone to e-mail.
    const ocId = (lead.core.db.prepare("SELECT id FROM ocorrencia WHERE status IN ('nova', 'em_atendimento') AND json_extract(doc, '$.contactId') IS NOT NULL ORDER BY id LIMIT 1").get() as { id: string }).id;
    await lead.invoke('oc.take', { ocId });
    const reply = await lead.invoke<{ id: string }>('oc.reply', { ocId, body: 'Correção aplicada; confira, por favor.' });
    const interactionId = (lead.core.db.prepare("SELECT id FROM interaction WHERE oc_id = ? AND kind = 'public_reply' ORDER BY created_at DESC LIMIT 1").get(ocId) as { id: string }).id;
    expect(reply.id).toBe(ocId);

    await lead.sync.syncNow();
    expect(await Promise.race([first.child.exited, new Promise((r) => setTimeout(() => r('still running'), 60_000))])).toBeNull();
    expect(lead.sync.state().status).toBe('offline');
    expect(lead.sync.state().pending).toBe(2);
    if (fault === 'mid-transaction') {
      const written = await inspect(spec, (db) => db.query('SELECT 1 FROM interaction WHERE id = $1', [interactionId]));
      expect(written.rows).toHaveLength(0);
    }

    const second = await startNode(spec, port, mailDir);
    await lead.sync.syncNow();
    expect(lead.sync.state()).toMatchObject({ status: 'online', pending: 0 });
    await waitFor(() => readdirSync(mailDir).some((f) => f.endsWith('.eml')), 15_000);
    await new Promise((r) => setTimeout(r, 300));
    await second.child.kill('SIGTERM');

    const facts = await inspect(spec, async (db) => ({
      replies: (await db.query("SELECT id FROM interaction WHERE oc_id = $1 AND kind = 'public_reply' AND id = $2", [ocId, interactionId])).rows.length,
      events: (await db.query("SELECT id FROM oc_event WHERE doc->'data'->>'interactionId' = $1", [interactionId])).rows.length,
      mails: (await db.query<{ status: string }>('SELECT status FROM mail_outbox WHERE interaction_id = $1', [interactionId])).rows.map((r) => r.status),
      applied: (await db.query("SELECT 1 FROM audit_log WHERE action = 'oc.reply' AND outcome = 'applied'")).rows.length,
    }));
    expect(facts).toEqual({ replies: 1, events: 1, mails: ['sent'], applied: 1 });
    expect(readdirSync(mailDir).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  } finally {
    await lead.close();
  }
};

describe('server killed at the worst moment', () => {
  it('killed after commit, before replying: the retry applies one change and sends one e-mail', crashCase('after-commit'), 90_000);
  it('killed mid-transaction: nothing half-written, the retry applies the change once', crashCase('mid-transaction'), 90_000);

  it('duplicate concurrent pushes of the same mutations apply each once', async () => {
    const server = await startTestServer(await storage.fresh(), { demo: { ocs: 10, seed: 6, now: DEMO_NOW } });
    try {
      const login = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION) }, body: JSON.stringify({ login: 'beatriz', password: 'demo' }) });
      const { token } = (await login.json()) as { token: string };
      const { rows } = await server.db.query<{ id: string }>('SELECT id FROM ocorrencia ORDER BY id LIMIT 1');
      const ocId = rows[0]?.id as string;
      const clientSecret = await registerClient(server.url, token, 'duplicate-client-1');
      const mutations = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, name: 'oc.note', args: { ocId, interactionId: `dup-note-${i + 1}`, body: `Nota ${i + 1}` }, clientTime: Date.now() }));
      const push = (batch: typeof mutations) => fetch(`${server.url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION), authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId: 'duplicate-client-1', clientSecret, mutations: batch }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { results?: Array<{ id: number; ok: boolean }> } }));
      const answers = await Promise.all([push(mutations), push(mutations), push(mutations.slice(0, 3)), push(mutations), push(mutations.slice(0, 4)), push(mutations), push(mutations.slice(0, 2)), push(mutations)]);
      for (const answer of answers) {
        // A push that raced ahead of a missing id is told about the gap; everything it got back is "applied".
        if (answer.status === 200) expect(answer.body.results?.every((r) => r.ok)).toBe(true);
        else expect(answer.status).toBe(409);
      }
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
      const notes = await server.db.query('SELECT id FROM interaction WHERE id LIKE $1', ['dup-note-%']);
      expect(notes.rows).toHaveLength(6);
      const events = await server.db.query("SELECT id FROM oc_event WHERE id LIKE 'duplicate-client-1:%'");
      expect(events.rows).toHaveLength(6);
      const state = await server.db.query<{ last_mutation_id: number }>("SELECT last_mutation_id FROM client_state WHERE client_id = 'duplicate-client-1'");
      expect(state.rows[0]?.last_mutation_id).toBe(6);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
