import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import type { Contact, Customer } from '../../src/shared/domain';
import { DEMO_NOW, startDesktop, type TestDesktop } from '../support/sync-harness';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';

// Issue 15, item 8: without SMTP the e-mail copy of each public reply is an .eml file. Replies `X.x` and `X_x`
// on two customers' OCs once folded to one file name, so customer A's copy was replaced by customer B's.

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are asserted field by field

describe.each(STORAGE_KINDS)('e-mail copies as .eml files (%s)', (kind) => {
  let cluster: Cluster;
  let server: RunningServer & { mailDir: string };
  let lead: TestDesktop;

  beforeAll(async () => {
    cluster = await openCluster(kind);
    server = (await cluster.nodes(1, { demo: { ocs: 10, seed: 13, now: DEMO_NOW } }))[0] as RunningServer & { mailDir: string };
    lead = await startDesktop(server.url, 'beatriz');
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
    // Nothing half-written is left next to them.
    expect(readdirSync(server.mailDir).filter((f) => !f.endsWith('.eml'))).toEqual([]);
  });
});
