import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { analystId } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// Passwords are set online by the people SPEC §8 allows (never queued in the outbox), and the server runs the
// catalog checks with the whole catalog loaded, as the desktop does.

let storage: TestStorage;
let server: RunningServer;
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('people-admin');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 20, seed: 4, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

const desktop = async (login: string, password = 'demo') => {
  const d = await startDesktop(server.url, login, { password });
  desktops.push(d);
  return d;
};

describe('setting passwords', () => {
  it('lets an admin set an analyst password, which then logs in (and the old one does not)', async () => {
    const admin = await desktop('admin');
    const bruno = await analystId(server, 'bruno');
    await admin.invoke('people.setPassword', { kind: 'analyst', id: bruno, password: 'nova-senha-123' });
    await expect(startDesktop(server.url, 'bruno', { password: 'demo' })).rejects.toThrow(/BAD_LOGIN/);
    const brunoDesk = await desktop('bruno', 'nova-senha-123');
    expect((await brunoDesk.invoke<{ analyst: { login: string } }>('session.current')).analyst.login).toBe('bruno');
    const audit = await server.db.query<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'analyst.setPassword'");
    expect(audit.rows.map((r) => r.outcome)).toEqual(['ok']);
  });

  it('refuses a lead setting an analyst password and an analyst setting a contact password', async () => {
    const lead = await desktop('beatriz');
    const ana = await desktop('ana');
    const carla = await analystId(server, 'carla');
    expect((await lead.refusal('people.setPassword', { kind: 'analyst', id: carla, password: 'qualquer-coisa' })).code).toBe('FORBIDDEN_ROLE');
    const { rows } = await server.db.query<{ id: string }>('SELECT id FROM contact LIMIT 1');
    const contactId = rows[0]?.id as string;
    expect((await ana.refusal('people.setPassword', { kind: 'contact', id: contactId, password: 'qualquer-coisa' })).code).toBe('FORBIDDEN_ROLE');
    await lead.invoke('people.setPassword', { kind: 'contact', id: contactId, password: 'extranet-123' });
    expect((await lead.refusal('people.setPassword', { kind: 'contact', id: contactId, password: 'curta' })).code).toBe('INVALID_ARGS');
  });
});

describe('catalog on the server', () => {
  it('refuses a second module with the same name (accents ignored) even from a desktop that has not pulled the first', async () => {
    const lead = await desktop('beatriz');
    const other = await desktop('sergio');
    await lead.invoke('catalog.upsert', { id: 'tributos', kind: 'module', name: 'Tributação', active: true });
    await lead.sync.syncNow();
    // The second lead's replica does not know the first module yet: the server is the one that refuses.
    await other.invoke('catalog.upsert', { id: 'tributacao', kind: 'module', name: 'TRIBUTACAO', active: true });
    await other.sync.syncNow();
    const notices = await other.invoke<Array<{ error: { code: string } }>>('sync.notices');
    expect(notices.map((n) => n.error.code)).toContain('CATALOG_NAME_TAKEN');
    const { rows } = await server.db.query<{ id: string }>("SELECT id FROM catalog WHERE id IN ('tributos', 'tributacao')");
    expect(rows.map((r) => r.id)).toEqual(['tributos']);
  });
});
