import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/app';
import { writeStep } from '../../../src/server/sync/pending-writes';
import { refusalOfWrite } from '../../../src/server/sync/write-refusal';
import { cnpjCheckDigits, type Analyst, type OcEvent, type Ocorrencia } from '../../../src/shared/domain';
import { DEMO_NOW, startDesktop, type TestDesktop } from '../../support/sync-harness';
import type { HardeningFixture } from './fixture';

// Issue 15 item 3: every conflict the database can raise is a domain error — decided by the mutator from the
// state it loads where the rule is the domain's (a login, a CNPJ, a release's version), mapped from the
// constraint otherwise — never a 500 on every retry with the author's outbox stuck behind it.
//
// The server schema's constraints (migrations 001–008): the primary keys of the synced tables are upserts
// (ON CONFLICT (id)), except oc_event's (an id already in the log: EVENT_ID_IN_USE); UNIQUE analyst.login,
// ocorrencia.number, release.release_version; the NOT NULL columns extracted from documents and their casts;
// client_state / client_mutation keys (only the writer writes them, under the idempotency checks); CHECKs on
// credential.kind and mail_outbox.status and the auth tables (written by the server with constants, never from
// a mutation). There are no foreign keys.

export const uniqueConflictCases = (fx: HardeningFixture): void => {
  describe('conflicts the database can raise', () => {
    let server: RunningServer;
    const desktops: TestDesktop[] = [];

    beforeAll(() => {
      server = fx.server;
    });

    afterAll(async () => {
      for (const d of desktops) await d.close();
    });

    const desktop = async (login: string) => {
      const d = await startDesktop(server.url, login);
      desktops.push(d);
      return d;
    };
    const codesOf = async (d: TestDesktop) => (await d.invoke<Array<{ error: { code: string } }>>('sync.notices')).map((n) => n.error.code);
    const newAnalyst = (id: string, login: string) => ({
      id, name: `Analista ${id}`, login, email: `${id}@unosolucoes.com.br`, level: 'n1', role: 'analyst',
      modules: ['financeiro'], segments: ['industria'], capacity: 5, presence: 'offline', active: true,
    });

    it('a login that exists: refused at once where the replica knows it, refused by the server where it does not, the outbox drains', async () => {
      const lead = await desktop('beatriz');
      const other = await desktop('sergio');
      expect((await lead.refusal('analyst.upsert', newAnalyst('dup-login-0', 'ana'))).code).toBe('LOGIN_IN_USE');
      // Two leads, neither having pulled the other's change, give two new analysts the same login.
      await lead.invoke('analyst.upsert', newAnalyst('dup-login-1', 'joao.silva'));
      await other.invoke('analyst.upsert', newAnalyst('dup-login-2', 'joao.silva'));
      await lead.sync.syncNow();
      await other.sync.syncNow();
      expect(other.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
      expect(await codesOf(other)).toContain('LOGIN_IN_USE');
      const { rows } = await server.db.query<{ id: string }>("SELECT id FROM analyst WHERE login = 'joao.silva'");
      expect(rows.map((r) => r.id)).toEqual(['dup-login-1']);
      // A rename onto a taken login, too.
      const carla = (await server.db.query<{ doc: Analyst }>("SELECT doc FROM analyst WHERE login = 'carla'")).rows[0]?.doc as Analyst;
      const { createdAt: _c, updatedAt: _u, ...carlaArgs } = carla;
      expect((await lead.refusal('analyst.upsert', { ...carlaArgs, login: 'joao.silva' })).code).toBe('LOGIN_IN_USE');
    });

    it("a CNPJ that another customer has: refused by the replica or by the server, naming the customer", async () => {
      const lead = await desktop('beatriz');
      const other = await desktop('sergio');
      const base = `${String(DEMO_NOW).slice(-8)}0001`;
      const cnpj = base + cnpjCheckDigits(base);
      const customer = (id: string, name: string) => ({
        id, name, cnpj, segment: 'industria', modules: ['financeiro'], plan: 'ouro', monthlyFeeCents: 500_000,
        implantacaoTermSignedAt: null, eadExtranetCompletedAt: null, slaAcknowledgedAt: null,
      });
      await lead.invoke('customer.upsert', customer('cnpj-cust-1', 'Metalúrgica Alfa'));
      await other.invoke('customer.upsert', customer('cnpj-cust-2', 'Metalúrgica Alfa Filial'));
      await lead.sync.syncNow();
      await other.sync.syncNow();
      expect(other.sync.state()).toMatchObject({ pending: 0, problem: null });
      expect(await codesOf(other)).toContain('CNPJ_IN_USE');
      const holders = await server.db.query<{ id: string }>("SELECT id FROM customer WHERE doc->>'cnpj' = $1", [cnpj]);
      expect(holders.rows.map((r) => r.id)).toEqual(['cnpj-cust-1']);
      const again = await other.refusal('customer.upsert', customer('cnpj-cust-3', 'Outra'));
      expect(again).toMatchObject({ code: 'CNPJ_IN_USE', message: { 'pt-BR': expect.stringContaining('Metalúrgica Alfa') } });
      // The holder itself may still be edited.
      await lead.invoke('customer.upsert', { ...customer('cnpj-cust-1', 'Metalúrgica Alfa S.A.') });
    });

    it('a release version registered twice: the second lead is refused', async () => {
      const lead = await desktop('beatriz');
      const other = await desktop('sergio');
      await lead.invoke('release.register', { version: '26.9.1', releasedAt: DEMO_NOW });
      await other.invoke('release.register', { version: '26.9.1', releasedAt: DEMO_NOW });
      await lead.sync.syncNow();
      await other.sync.syncNow();
      expect(other.sync.state()).toMatchObject({ pending: 0, problem: null });
      expect(await codesOf(other)).toContain('RELEASE_EXISTS');
      expect((await server.db.query("SELECT 1 FROM release WHERE release_version = '26.9.1'")).rows).toHaveLength(1);
    });

    // What a write that gets past the mutators meets (a bug, a race they cannot see): each constraint of the schema,
    // hit by a write, is a refusal with a domain code — the write is not made and the database stays usable.
    it.each([
      ['UNIQUE analyst.login', 'LOGIN_IN_USE', async () => {
        const ana = (await server.db.query<{ doc: Analyst }>("SELECT doc FROM analyst WHERE login = 'ana'")).rows[0]?.doc as Analyst;
        return { changes: [{ table: 'analyst', row: { ...ana, id: 'backstop-analyst' } }] };
      }, "SELECT 1 FROM analyst WHERE id = 'backstop-analyst'"],
      ['UNIQUE ocorrencia.number', 'OC_NUMBER_IN_USE', async () => {
        const oc = (await server.db.query<{ doc: Ocorrencia }>('SELECT doc FROM ocorrencia WHERE number IS NOT NULL LIMIT 1')).rows[0]?.doc as Ocorrencia;
        return { changes: [{ table: 'ocorrencia', row: { ...oc, id: 'backstop-oc' } }] };
      }, "SELECT 1 FROM ocorrencia WHERE id = 'backstop-oc'"],
      ['UNIQUE release.release_version', 'RELEASE_EXISTS', async () =>
        ({ changes: [{ table: 'release', row: { id: 'backstop-release', version: '26.9.1', releasedAt: DEMO_NOW, notes: '', registeredById: 'x' } }] }),
      "SELECT 1 FROM release WHERE id = 'backstop-release'"],
      ['PRIMARY KEY oc_event.id', 'EVENT_ID_IN_USE', async () => {
        const event = (await server.db.query<{ doc: OcEvent }>('SELECT doc FROM oc_event LIMIT 1')).rows[0]?.doc as OcEvent;
        return { changes: [{ table: 'recado', row: { id: 'backstop-recado', forAnalystId: 'x' } }], events: [{ ...event, at: DEMO_NOW }] };
      }, "SELECT 1 FROM recado WHERE id = 'backstop-recado'"],
      ['NOT NULL contact.customer_id', 'CONSTRAINT_VIOLATED', async () =>
        ({ changes: [{ table: 'contact', row: { id: 'backstop-contact', email: 'x@y.z' } }] }), "SELECT 1 FROM contact WHERE id = 'backstop-contact'"],
      ['a cast of a document field (bigint)', 'WRITE_REFUSED', async () =>
        ({ changes: [{ table: 'interaction', row: { id: 'backstop-interaction', customerId: 'c', kind: 'internal_note', createdAt: 'ontem' } }] }),
      "SELECT 1 FROM interaction WHERE id = 'backstop-interaction'"],
      ['an index row past the limit', 'TOO_LARGE', async () => {
        const ana = (await server.db.query<{ doc: Analyst }>("SELECT doc FROM analyst WHERE login = 'ana'")).rows[0]?.doc as Analyst;
        return { changes: [{ table: 'analyst', row: { ...ana, id: 'backstop-huge', login: randomBytes(9_000).toString('base64') } }] };
      }, "SELECT 1 FROM analyst WHERE id = 'backstop-huge'"],
      ['text jsonb cannot hold (U+0000)', 'UNSTORABLE_TEXT', async () =>
        ({ changes: [{ table: 'catalog', row: { id: 'backstop-catalog', kind: 'module', name: 'Com \u0000', active: true } }] }),
      "SELECT 1 FROM catalog WHERE id = 'backstop-catalog'"],
    ] as const)('%s → %s', async (_what, code, payload, check) => {
      const step = await writeStep(server.db, JSON.stringify(await payload()));
      if (!('failed' in step)) throw new Error(`the write was not refused: ${JSON.stringify(step)}`);
      expect(refusalOfWrite(step.failed)).toMatchObject({ code, message: { 'pt-BR': expect.stringMatching(/^O servidor recusou/), en: expect.any(String) } });
      expect((await server.db.query(check)).rows).toHaveLength(0);
      expect((await server.db.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    });
  });
};
