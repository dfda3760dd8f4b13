import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { migrate, SERVER_SCHEMA_VERSION } from '../../src/server/db/migrations';
import { refusalOfWrite, type WriteFailure } from '../../src/server/sync/write-refusal';
import type { ReleasePreview } from '../../src/shared/api/versions';
import { PlannedVersion } from '../../src/shared/domain';
import type { Directory } from '../../src/shared/api/views';
import { eligibleCustomer, localOc, openOc, serverOc } from '../support/fixtures';
import { apiCall, loginToken, registerClient } from '../support/raw-client';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';
import { DEMO_NOW, startDesktop, startTestServer, testStorageOf, storageKinds, type TestDesktop, type TestStorage } from '../support/sync-harness';

// Issue 13, item 1, end to end through the server on both storages: planned versions sync between desktops like
// any table; the server refuses a target version nobody planned (a raw client skipping the desktop's check);
// targeting a released version solves the OC at once with exactly one e-mail copy; a release does what its
// preview said.

const SIMULATION = {
  steps: '1. Emitir a NF-e de devolução. 2. Transmitir.', environment: 'Homologação 2026.02.23', evidence: 'print.png',
  expected: 'Nota autorizada', actual: 'Rejeição 225',
};

describe.each(storageKinds('planned-versions'))('planned versions (%s)', (kind) => {
  let storage: TestStorage;
  let server: RunningServer;
  let beatriz: TestDesktop;
  let rafael: TestDesktop;

  beforeAll(async () => {
    storage = await testStorageOf(kind, 'planned-versions');
    server = await startTestServer(await storage.fresh(), { demo: { ocs: 30, seed: 13, now: DEMO_NOW } });
    beatriz = await startDesktop(server.url, 'beatriz');
    rafael = await startDesktop(server.url, 'rafael');
  }, 180_000);

  afterAll(async () => {
    await beatriz?.close();
    await rafael?.close();
    await server?.stop();
    storage?.stop();
  });

  const syncBoth = async (): Promise<void> => {
    await beatriz.sync.syncNow();
    await rafael.sync.syncNow();
    await beatriz.sync.syncNow();
  };
  const versionIn = async (desktop: TestDesktop, version: string) =>
    (await desktop.invoke<Directory>('directory.get')).plannedVersions.find((v) => v.version === version);

  /** A phone OC Beatriz opens, takes and forwards to development (ready for its target version). */
  const forwardedOc = async (offset: number): Promise<string> => {
    const ocId = await openOc(beatriz, await eligibleCustomer(server, offset), `Rejeição 225 na devolução ${offset}`);
    await beatriz.invoke('oc.take', { ocId });
    await beatriz.invoke('oc.forwardDev', { ocId, devReference: `DEV-${offset}`, simulation: SIMULATION });
    await beatriz.sync.syncNow();
    return ocId;
  };

  it('carries the demo weeks as planned versions (seeded through soe_write)', async () => {
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM planned_version WHERE doc->>'status' = 'planejada'");
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect((await beatriz.invoke<Directory>('directory.get')).plannedVersions.some((v) => v.status === 'planejada')).toBe(true);
  });

  it('syncs a lead\'s plan and an N2\'s proposal to the other desktop, and the lead\'s acceptance back', async () => {
    await beatriz.invoke('version.plan', { version: '2026.12.07', plannedFor: '2026-12-07' });
    await rafael.invoke('version.plan', { version: '2026.12.14', plannedFor: '2026-12-14' });
    await syncBoth();
    expect(await versionIn(rafael, '2026.12.7')).toMatchObject({ status: 'planejada', plannedFor: '2026-12-07' });
    expect(await versionIn(beatriz, '2026.12.14')).toMatchObject({ status: 'proposta' });
    await beatriz.invoke('version.update', { version: '2026.12.14', plannedFor: '2026-12-21', status: 'planejada' });
    await syncBoth();
    expect(await versionIn(rafael, '2026.12.14')).toMatchObject({ status: 'planejada', plannedFor: '2026-12-21' });
    const { rows } = await server.db.query<{ doc: { status: string } }>("SELECT doc FROM planned_version WHERE version_label = '2026.12.14'");
    expect(rows.map((r) => r.doc.status)).toEqual(['planejada']);
    // The same number typed with leading zeros is the same version: refused on the desktop, with the reason.
    expect(await beatriz.refusal('version.plan', { version: '2026.012.0014', plannedFor: '2026-12-14' })).toMatchObject({ code: 'VERSION_EXISTS' });
  });

  it('refuses, on the server, a target version nobody planned — with a clear message and nothing changed', async () => {
    const ocId = await forwardedOc(0);
    const token = await loginToken(server.url, 'beatriz');
    const secret = await registerClient(server.url, token, 'raw-versions-1');
    const push = await apiCall<{ results: Array<{ ok: boolean; error?: { code: string; message: { 'pt-BR': string } } }> }>(server.url, '/api/v1/push', {
      clientId: 'raw-versions-1', clientSecret: secret,
      mutations: [{ id: 1, name: 'oc.setTargetVersion', args: { ocId, version: '2027.01.04' }, clientTime: DEMO_NOW }],
    }, token);
    expect(push.status).toBe(200);
    expect(push.body.results[0]).toMatchObject({ ok: false, error: { code: 'VERSION_UNKNOWN' } });
    expect(push.body.results[0]?.error?.message['pt-BR']).toMatch(/2027\.1\.4 não está entre as versões planejadas/);
    expect(await serverOc(server, ocId)).toMatchObject({ status: 'encaminhada_dev', targetVersion: null });
    // The desktop refuses it before it reaches the outbox, the same way.
    expect(await beatriz.refusal('oc.setTargetVersion', { ocId, version: '2027.01.04' })).toMatchObject({ code: 'VERSION_UNKNOWN' });
  });

  it('refuses hostile plans from a raw client: an N1, a 1 MB number, a NUL, a lone surrogate, a Tuesday; nothing written', async () => {
    const before = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM planned_version')).rows[0]?.n;
    const push = async (login: string, clientId: string, argsList: Array<Record<string, unknown>>) => {
      const token = await loginToken(server.url, login);
      const secret = await registerClient(server.url, token, clientId);
      const answer = await apiCall<{ results: Array<{ ok: boolean; error?: { code: string } }> }>(server.url, '/api/v1/push', {
        clientId, clientSecret: secret,
        mutations: argsList.map((args, i) => ({ id: i + 1, name: 'version.plan', args, clientTime: DEMO_NOW })),
      }, token);
      expect(answer.status).toBe(200);
      return answer.body.results.map((r) => r.error?.code ?? 'ok');
    };
    expect(await push('ana', 'raw-versions-n1', [{ id: 'pv-n1', version: '2027.1.4', plannedFor: '2027-01-04' }])).toEqual(['FORBIDDEN_ROLE']);
    expect(await push('rafael', 'raw-versions-n2', [
      { id: 'pv-big', version: `2027.${'1'.repeat(1_000_000)}`, plannedFor: '2027-01-04' },
      { id: 'pv-nul', version: '2027.1.4\u0000', plannedFor: '2027-01-04' },
      { id: 'pv-\ud800', version: '2027.1.4', plannedFor: '2027-01-04' },
      { id: 'pv-tue', version: '2027.1.5', plannedFor: '2027-01-05' },
    ])).toEqual(['INVALID_ARGS', 'INVALID_ARGS', 'INVALID_ARGS', 'INVALID_ARGS']);
    expect((await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM planned_version')).rows[0]?.n).toBe(before);
  });

  it('previews a release, then registers it: the planned version is released and exactly the listed OCs solved', async () => {
    const first = await forwardedOc(1);
    const second = await forwardedOc(2);
    await beatriz.invoke('oc.setTargetVersion', { ocId: first, version: '2026.12.7' });
    await beatriz.invoke('oc.setTargetVersion', { ocId: second, version: '2026.12.07' });
    await syncBoth();
    const preview = await beatriz.invoke<ReleasePreview>('release.preview', { version: '2026.12.07' });
    expect(preview.release).toBeNull();
    expect(preview.planned).toMatchObject({ status: 'planejada' });
    expect(preview.ocs.map((o) => o.id).sort()).toEqual([first, second].sort());
    expect(preview.ocs.every((o) => o.customerName.length > 0 && o.subject.startsWith('Rejeição 225'))).toBe(true);
    // Rafael (N2) cannot preview a release; nor cancel the version they wait for.
    expect(await rafael.refusal('release.preview', { version: '2026.12.7' })).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(await beatriz.refusal('version.update', { version: '2026.12.7', plannedFor: '2026-12-07', status: 'cancelada' })).toMatchObject({ code: 'VERSION_HAS_WAITING_OCS' });
    await beatriz.invoke('release.register', { version: '2026.12.7', releasedAt: DEMO_NOW, notes: '' });
    await syncBoth();
    for (const id of [first, second]) {
      expect(await serverOc(server, id)).toMatchObject({ status: 'solucionada', resolution: { code: 'versao_liberada' } });
      expect(localOc(rafael, id)).toMatchObject({ status: 'solucionada' });
    }
    expect(await versionIn(rafael, '2026.12.7')).toMatchObject({ status: 'liberada' });
    const again = await beatriz.invoke<ReleasePreview>('release.preview', { version: '2026.12.7' });
    expect(again.release).not.toBeNull();
    expect(again.ocs).toEqual([]);
    expect(await beatriz.refusal('release.register', { version: '2026.12.07', releasedAt: DEMO_NOW, notes: '' })).toMatchObject({ code: 'RELEASE_EXISTS' });
  });

  it('solves at once an OC targeted at a released version, with exactly one e-mail copy', async () => {
    const ocId = await forwardedOc(3);
    await rafael.sync.syncNow();
    await beatriz.invoke('oc.setTargetVersion', { ocId, version: '2026.12.07' });
    expect(localOc(beatriz, ocId)).toMatchObject({ status: 'solucionada' });
    await syncBoth();
    await syncBoth();
    expect(await serverOc(server, ocId)).toMatchObject({ status: 'solucionada', targetVersion: '2026.12.7', resolution: { code: 'versao_liberada', note: 'Versão 2026.12.7' } });
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_outbox WHERE oc_id = $1", [ocId]);
    expect(rows[0]?.n).toBe(1);
    const notices = await server.db.query<{ body: string }>("SELECT doc->>'body' AS body FROM interaction WHERE oc_id = $1 AND kind = 'public_reply'", [ocId]);
    expect(notices.rows).toHaveLength(1);
    expect(notices.rows[0]?.body).toContain('A versão 2026.12.7 do UNO ERP');
  });
});

describe.each(STORAGE_KINDS)('server migration 013 (%s)', (kind) => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await openCluster(kind);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const write = async (db: Database, changes: unknown[]): Promise<Record<string, unknown>> =>
    ((await db.query<{ r: Record<string, unknown> }>('SELECT soe_write_step($1, false) AS r', [JSON.stringify({ changes, events: [], mail: false })])).rows[0] as { r: Record<string, unknown> }).r;
  const planned = (id: string, version: string) => ({ table: 'planned_version', row: {
    id, version, plannedFor: '2026-12-07', status: 'planejada', createdById: 'lead', createdAt: 1, updatedAt: 1, releaseId: null,
  } });

  it('upgrades a 012 database keeping its rows; planned versions are then written, loaded, pulled and kept unique', async () => {
    const db = await cluster.rawDatabase();
    await migrate(db, 12);
    const release = { id: 'r1', version: '2026.3.2', releasedAt: 1, notes: '', registeredById: 'lead' };
    expect(await write(db, [{ table: 'release', row: release }])).toHaveProperty('head');
    // OCs waiting from before: for a version not released (it becomes planned) and for the released one (it does not).
    const waiting = (id: string, targetVersion: string) => ({ table: 'ocorrencia', row: { id, number: null, customerId: 'c', contactId: null, status: 'aguardando_versao', assigneeId: null, targetVersion, solvedAt: null, createdAt: 1 } });
    expect(await write(db, [waiting('oc-a', '2026.3.9'), waiting('oc-b', '2026.3.9'), waiting('oc-c', '2026.3.2')])).toHaveProperty('head');
    // Before 013 the table is unknown to soe_write: refused, never half-written.
    expect(await write(db, [planned('p0', '2026.12.7')])).toHaveProperty('failed');
    expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
    expect((await db.query<{ doc: unknown }>("SELECT doc FROM release WHERE id = 'r1'")).rows).toEqual([{ doc: release }]);
    const legacy = (await db.query<{ doc: PlannedVersion }>('SELECT doc FROM planned_version')).rows.map((r) => r.doc);
    expect(legacy).toHaveLength(1);
    expect(legacy[0]).toMatchObject({ id: 'legacy-2026.3.9', version: '2026.3.9', status: 'planejada', releaseId: null });
    expect(PlannedVersion.safeParse(legacy[0]).success).toBe(true);

    const head = (await write(db, [planned('p1', '2026.12.7'), { table: 'release', row: { ...release, id: 'r2', version: '2026.12.14' } }])).head as number;
    expect(head).toBeGreaterThan(0);
    const loaded = (await db.query<{ s: Record<string, unknown> }>("SELECT soe_load('{\"plannedVersion\": \"2026.12.7\", \"releaseVersion\": \"2026.12.14\"}'::jsonb) AS s")).rows[0]?.s;
    expect(loaded).toMatchObject({ plannedVersion: { id: 'p1', status: 'planejada' }, release: { id: 'r2' } });
    const none = (await db.query<{ s: Record<string, unknown> }>("SELECT soe_load('{\"plannedVersion\": \"9.9\"}'::jsonb) AS s")).rows[0]?.s;
    expect(none?.plannedVersion).toBeNull();
    expect((await db.query<{ s: Record<string, unknown> }>("SELECT soe_load('{}'::jsonb) AS s")).rows[0]?.s).not.toHaveProperty('plannedVersion');

    const page = (await db.query<{ body: string; head: number }>('SELECT body, head FROM soe_pull_page(0, 100)')).rows[0];
    const tables = JSON.parse(`[${page?.body ?? ''}]`).map((c: { table: string }) => c.table);
    expect(tables).toEqual(expect.arrayContaining(['release', 'planned_version']));
    expect(page?.head).toBe(head);
    const rows = (await db.query<{ change_table: string; change_key: string }>('SELECT change_table, change_key FROM soe_pull_rows(0, 100)')).rows;
    expect(rows).toContainEqual(expect.objectContaining({ change_table: 'planned_version', change_key: 'p1' }));

    // A second row for the same number is refused by the constraint, with its name (write-refusal.ts maps it).
    const dup = await write(db, [planned('p2', '2026.12.7')]);
    expect(dup).toMatchObject({ failed: { state: '23505', constraint: 'planned_version_version_label_key' } });
    expect(refusalOfWrite((dup as { failed: WriteFailure }).failed)).toMatchObject({ code: 'VERSION_EXISTS' });
    // Hostile text in a row: refused with its reason, nothing written.
    expect(await write(db, [planned('p3', '2026.12.21\u0000')])).toHaveProperty('failed');
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM planned_version')).rows[0]?.n).toBe(2);
  });
});
