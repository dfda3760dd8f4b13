import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreEvents } from '../../../../src/core/api/emitter';
import { attachPresenceRelay, PRESENCE_TTL_MS, presenceBoardOf, type PresenceBeat, type PresenceRelay } from '../../../../src/core/api/presence';
import type { OcPresence } from '../../../../src/shared/api/workspace';
import { seededCore, type TestCore } from '../../../fixtures/core';

describe('workspace queries on a seeded replica', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await seededCore(300, 11);
    await t.call('session.login', { login: 'ana', password: 'demo' });
  });
  afterAll(async () => t.close());

  it('N0 articles: the module’s manual and EAD first, then the manual’s blog posts; each with a reply text', async () => {
    const articles = await t.call('kb.suggest', { module: 'fiscal', kind: 'duvida' });
    expect(articles.slice(0, 2).map((a) => a.id)).toEqual(['manual-fiscal', 'ead-fiscal']);
    const urls = articles.map((a) => a.url);
    expect(urls).toContain('https://blog.unoerp.com.br/politica-de-suporte-e-ocorrencias/');
    expect(urls).toContain('https://blog.unoerp.com.br/como-e-a-rotina-do-suporte-tecnico-uno/');
    expect(urls).toContain('https://blog.unoerp.com.br/atualizacao-de-versao-uno-erp/');
    expect(articles.some((a) => a.id === 'manual-folha')).toBe(false);
    for (const a of articles) expect(a.replyText).toContain(a.title);
  });

  it('prefs are per analyst and survive as JSON; null deletes', async () => {
    await t.call('prefs.put', { key: 'drafts', value: { 'oc:1:reply': { value: 'olá', updatedAt: 1 } } });
    expect((await t.call('prefs.get', {})).drafts).toEqual({ 'oc:1:reply': { value: 'olá', updatedAt: 1 } });
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'rafael', password: 'demo' });
    expect(await t.call('prefs.get', {})).toEqual({});
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'ana', password: 'demo' });
    await t.call('prefs.put', { key: 'drafts', value: null });
    expect(await t.call('prefs.get', {})).toEqual({});
    expect((await t.fail('prefs.put', { key: '../etc', value: 1 })).code).toBe('INVALID_ARGS');
  });

  it('rows by id come back in the order asked, unknown ids skipped', async () => {
    const rows = await t.call('queue.list', { limit: 3 });
    const ids = rows.map((r) => r.id).reverse();
    expect((await t.call('queue.rows', { ids: [...ids, 'missing'] })).map((r) => r.id)).toEqual(ids);
  });

  it('penalties this month match the SLA clocks of the customer’s OCs', async () => {
    const rows = await t.call('queue.list', { openOnly: false, breached: true, limit: 50 });
    const customerId = rows[0]?.customerId as string;
    const penalties = await t.call('customer.penalties', { customerId });
    expect(penalties.month).toMatch(/^\d{4}-\d{2}$/);
    expect(penalties.breaches).toBe(penalties.ocIds.length);
    expect(penalties.penaltyCents).toBeLessThanOrEqual(penalties.capCents);
    for (const ocId of penalties.ocIds) {
      const detail = await t.call('oc.get', { id: ocId });
      expect(detail.sla.find((c) => c.clock === 'resolution')?.breachedAt).not.toBeNull();
    }
  });
});

describe('collision presence', () => {
  /** Two desktops whose relays deliver each other's beats, as the server will. */
  const pair = (): { a: PresenceRelay; b: PresenceRelay } => {
    const listeners = { a: new Set<(beat: PresenceBeat) => void>(), b: new Set<(beat: PresenceBeat) => void>() };
    return {
      a: { publish: (beat) => listeners.b.forEach((l) => l(beat)), subscribe: (l) => (listeners.a.add(l), () => listeners.a.delete(l)) },
      b: { publish: (beat) => listeners.a.forEach((l) => l(beat)), subscribe: (l) => (listeners.b.add(l), () => listeners.b.delete(l)) },
    };
  };
  const analyst = (id: string, name: string) => ({ id, name }) as never;

  it('shows who else views or replies to an OC, never me, and forgets a desktop that went quiet', () => {
    let now = 1_000_000;
    const clock = { now: () => now };
    const desktopA = { clock, events: new CoreEvents() };
    const desktopB = { clock, events: new CoreEvents() };
    const relays = pair();
    const offA = attachPresenceRelay(desktopA, relays.a);
    const offB = attachPresenceRelay(desktopB, relays.b);
    const seenByA: OcPresence[] = [];
    desktopA.events.on('presence.changed', (p) => seenByA.push(p));

    presenceBoardOf(desktopA).setMine(analyst('ana', 'Ana Souza'), 'oc-1', 'viewing');
    presenceBoardOf(desktopB).setMine(analyst('rafael', 'Rafael Andrade'), 'oc-1', 'replying');
    expect(presenceBoardOf(desktopA).of('oc-1', 'ana').viewers).toEqual([{ analystId: 'rafael', name: 'Rafael Andrade', activity: 'replying', since: now }]);
    expect(presenceBoardOf(desktopB).of('oc-1', 'rafael').viewers.map((v) => v.name)).toEqual(['Ana Souza']);
    expect(seenByA.at(-1)?.viewers.map((v) => v.activity)).toEqual(['replying']);

    // Rafael moves to another OC: oc-1 no longer lists him, and A is told.
    presenceBoardOf(desktopB).setMine(analyst('rafael', 'Rafael Andrade'), 'oc-2', 'viewing');
    expect(presenceBoardOf(desktopA).of('oc-1', 'ana').viewers).toEqual([]);
    expect(seenByA.some((p) => p.ocId === 'oc-1' && p.viewers.length === 0)).toBe(true);

    // A desktop that stops sending beats disappears after the TTL.
    now += PRESENCE_TTL_MS + 1;
    expect(presenceBoardOf(desktopA).of('oc-2', 'ana').viewers).toEqual([]);
    offA();
    offB();
  });
});
