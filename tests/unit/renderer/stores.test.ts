import { describe, expect, it, vi } from 'vitest';
import { createDraftsStore } from '../../../src/renderer/app/drafts-store';
import { createNotificationsStore } from '../../../src/renderer/features/notifications/notifications-store';
import { createStore } from 'zustand/vanilla';
import type { RouterState, RouterStore } from '../../../src/renderer/app/router';
import { createQueueStore, FIRST_PAGE, followTeamRoute } from '../../../src/renderer/features/queue/queue-store';
import { encodeQueueColumns } from '../../../src/shared/api/queue-columns';
import { createApiClient } from '../../../src/renderer/lib/api/client';
import { createClock } from '../../../src/renderer/lib/clock';
import type { Transport } from '../../../src/renderer/lib/api/transport';
import { fakeTransport } from './fake-transport';

describe('SLA notifications', () => {
  it('keep the warnings and breaches of my OCs only, count unread, toast from 90 %', () => {
    const fake = fakeTransport(() => ({ ok: true, value: null }));
    const toasted: number[] = [];
    const store = createNotificationsStore(createApiClient(fake.transport), () => 'me', (alert) => toasted.push(alert.threshold));
    const alert = (id: string, assigneeId: string | null, threshold: number) => ({ id, ocId: 'oc', displayNumber: 'OC-2026-000001', clock: 'resolution', threshold, at: 1, assigneeId, subject: 'x' });
    fake.emit('sla.alert', alert('1', 'me', 75));
    fake.emit('sla.alert', alert('2', 'someone-else', 100));
    fake.emit('sla.alert', alert('3', 'me', 100));
    fake.emit('sla.alert', alert('3', 'me', 100)); // the same alert twice counts once
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['3', '1']);
    expect(store.getState().unread).toBe(2);
    expect(toasted).toEqual([75, 100]);
    store.getState().setOpen(true);
    expect(store.getState().unread).toBe(0);
  });
});

describe('drafts store', () => {
  it('writes through to storage at once and to the replica shortly after; empty values are removed', async () => {
    const fake = fakeTransport((method) => (method === 'prefs.get' ? { ok: true, value: {} } : { ok: true, value: null }));
    const memory = new Map<string, string>();
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    let now = 1_000;
    const drafts = createDraftsStore(createApiClient(fake.transport), storage, () => now);
    await drafts.getState().load('ana');
    drafts.getState().set('oc:1:reply', 'Olá, cliente');
    expect(JSON.parse(memory.get('soe.drafts.ana') ?? '{}')).toEqual({ 'oc:1:reply': { value: 'Olá, cliente', updatedAt: 1_000 } });
    await new Promise((r) => setTimeout(r, 450));
    expect(fake.calls.filter((c) => c.method === 'prefs.put').at(-1)?.args).toEqual({ key: 'drafts', value: { 'oc:1:reply': { value: 'Olá, cliente', updatedAt: 1_000 } } });
    now = 2_000;
    drafts.getState().set('oc:1:reply', '');
    expect(drafts.getState().drafts).toEqual({});
    drafts.getState().set('oc:1:escalate', { steps: '', environment: '' });
    expect(drafts.getState().drafts).toEqual({});
  });
});

describe('shared tick', () => {
  it('is one timer, aligned to the second, corrected by the server offset', async () => {
    let system = 10_500;
    const clock = createClock(() => system);
    expect(clock.read()).toBe(10_500);
    clock.setOffset(250);
    expect(clock.store.getState().now).toBe(10_750);
    clock.start();
    clock.start(); // idempotent: still one timer
    system = 11_000;
    await new Promise((r) => setTimeout(r, 600));
    clock.stop();
    expect(clock.store.getState().now).toBe(11_250);
  });
});

describe('team queue store', () => {
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `oc-${from + i}` }));

  const columnRows = (n: number) => Array.from({ length: n }, (_, i) => [`oc-${i}`, null, 'c1', 'Metalúrgica Sul', 'ouro', 'fiscal', 'industria', 'alta', 'erro', 'extranet', 'nova', 'n1', 'Boleto', null, null, null, 0, 0, null, null, null, null, null, null, 0]);

  /** queue.list answers at once for a first page, queue.view when released for the whole view; queue.count at once. */
  const teamTransport = (total: number) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    const calls: string[] = [];
    const transport: Transport = {
      invoke: async (method, args) => {
        const limit = (args as { limit?: number }).limit ?? 0;
        calls.push(`${method}${method === 'queue.count' ? '' : `:${limit}`}`);
        if (method === 'queue.count') return { ok: true, value: total };
        if (method === 'queue.view') {
          await held;
          return { ok: true, value: encodeQueueColumns(columnRows(Math.min(limit, total))) };
        }
        if (method !== 'queue.list') return { ok: true, value: null };
        return { ok: true, value: rows(Math.min(limit, total)) };
      },
      subscribe: () => () => undefined,
    };
    return { transport, calls, release: () => release() };
  };

  it('shows a view\'s first page and its count at once, then the whole view', async () => {
    const fake = teamTransport(20_000);
    const store = createQueueStore(createApiClient(fake.transport), () => 0, () => 'id');
    const loading = store.getState().loadTeam({ progressive: true });
    await vi.waitFor(() => expect(store.getState().team).toHaveLength(FIRST_PAGE));
    expect(store.getState()).toMatchObject({ teamTotal: 20_000, teamPartial: true, teamLoading: true });
    fake.release();
    await loading;
    expect(store.getState().team).toHaveLength(20_000);
    expect(store.getState().team?.[19_999]).toMatchObject({ id: 'oc-19999', customerName: 'Metalúrgica Sul', status: 'nova', sla: null, pending: false });
    expect(store.getState()).toMatchObject({ teamTotal: 20_000, teamPartial: false, teamLoading: false });
    expect(fake.calls).toEqual([`queue.list:${FIRST_PAGE}`, 'queue.count', 'queue.view:20000', 'queue.count']);
  });

  it('starts loading the team view as the route changes to it, once, before its page asks', async () => {
    const fake = teamTransport(400);
    fake.release();
    const store = createQueueStore(createApiClient(fake.transport), () => 0, () => 'id');
    const router = createStore<Pick<RouterState, 'route'>>(() => ({ route: { name: 'queue' } }));
    followTeamRoute(store, router as unknown as RouterStore);
    router.setState({ route: { name: 'team', viewId: null } });
    expect(store.getState().teamLoading).toBe(true);
    expect(fake.calls).toEqual([`queue.list:${FIRST_PAGE}`, 'queue.count', 'queue.view:20000', 'queue.count']);
    await vi.waitFor(() => expect(store.getState().team).toHaveLength(400));
    // Back and forth within the team section, or to a saved view, loads nothing more here.
    router.setState({ route: { name: 'team', viewId: 'breached' } });
    router.setState({ route: { name: 'team', viewId: null } });
    expect(fake.calls).toHaveLength(4);
  });

  it('keeps the rows on screen during a refresh until the whole view replaces them', async () => {
    const fake = teamTransport(400);
    const store = createQueueStore(createApiClient(fake.transport), () => 0, () => 'id');
    fake.release();
    await store.getState().loadTeam({ progressive: true });
    expect(store.getState().team).toHaveLength(400);
    const calls = fake.calls.length;
    await store.getState().loadTeam();
    expect(fake.calls.slice(calls)).toEqual(['queue.view:20000', 'queue.count']);
    expect(store.getState()).toMatchObject({ teamTotal: 400, teamPartial: false, teamLoading: false });
  });
});

describe('my queue store', () => {
  it('reads again when a change arrives while its first load is out (the first sync ends meanwhile)', async () => {
    // queue.mine answers the replica as it is when the call arrives: empty before the sync, 3 OCs after.
    let synced = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    const calls: boolean[] = [];
    let emit: (event: 'data.changed', payload: unknown) => void = () => undefined;
    const transport: Transport = {
      invoke: async (method) => {
        if (method !== 'queue.mine') return { ok: true, value: null };
        const sawSync = synced;
        calls.push(sawSync);
        if (calls.length === 1) await held;
        const mine = sawSync ? [{ id: 'a' }, { id: 'b' }, { id: 'c' }] : [];
        return { ok: true, value: { mine, directed: [], available: [], recados: [] } };
      },
      subscribe: (listener) => {
        emit = (event, payload) => listener(event, payload);
        return () => undefined;
      },
    };
    const store = createQueueStore(createApiClient(transport), () => 0, () => 'id');
    const first = store.getState().loadMine();
    // The sync ends and says so while the first read (of the empty replica) is still on its way.
    synced = true;
    emit('data.changed', { tables: ['ocorrencia'], ocIds: ['a', 'b', 'c'] });
    release();
    await first;
    await vi.waitFor(() => expect(store.getState().my?.mine).toHaveLength(3));
    expect(calls).toEqual([false, true]);
  });
});
