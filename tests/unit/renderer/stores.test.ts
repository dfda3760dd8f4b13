import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/api/contract';
import type { ApiResult } from '../../../src/shared/api/result';
import { createDraftsStore } from '../../../src/renderer/app/drafts-store';
import { createNotificationsStore } from '../../../src/renderer/features/notifications/notifications-store';
import { createApiClient } from '../../../src/renderer/lib/api/client';
import { createClock } from '../../../src/renderer/lib/clock';
import type { Transport } from '../../../src/renderer/lib/api/transport';

/** A transport whose calls are answered by `answer` and whose events the test emits. */
const fakeTransport = (answer: (method: string, args: unknown) => ApiResult<unknown>) => {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const calls: Array<{ method: string; args: unknown }> = [];
  const transport: Transport = {
    invoke: async (method, args) => {
      calls.push({ method, args });
      return answer(method, args);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, emit: (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
};

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
