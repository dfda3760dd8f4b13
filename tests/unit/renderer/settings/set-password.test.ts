import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../src/renderer/lib/api/client';
import { passwordProblem, setPasswordOnline, waitForOutbox } from '../../../../src/renderer/features/settings/set-password';
import { fakeTransport, syncState } from '../fake-transport';

describe('password rule', () => {
  it('at least 8 characters, at most 200, typed twice the same', () => {
    expect(passwordProblem('', '')).toBe('empty');
    expect(passwordProblem('1234567', '1234567')).toBe('short');
    expect(passwordProblem('x'.repeat(201), 'x'.repeat(201))).toBe('long');
    expect(passwordProblem('Extranet#2026', 'Extranet#2025')).toBe('mismatch');
    expect(passwordProblem('12345678', '12345678')).toBeNull();
  });
});

describe('setting a password online', () => {
  it('waits for the outbox to reach the server first, then sends the password once', async () => {
    const pending = [2, 1, 0];
    const fake = fakeTransport((method) => {
      if (method === 'sync.state') return syncState('online', pending.shift() ?? 0);
      return { ok: true, value: null };
    });
    let now = 0;
    const slept: number[] = [];
    const result = await setPasswordOnline(createApiClient(fake.transport), { kind: 'analyst', id: 'a1' }, 'Primeiro#Acesso1', {
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(fake.calls.map((c) => c.method)).toEqual(['sync.state', 'sync.state', 'sync.state', 'people.setPassword']);
    expect(fake.calls.at(-1)?.args).toEqual({ kind: 'analyst', id: 'a1', password: 'Primeiro#Acesso1' });
    expect(slept).toEqual([250, 250]);
  });

  it('offline it does not wait: the core answers OFFLINE and the message reaches the form', async () => {
    const offline = { code: 'OFFLINE', message: { 'pt-BR': 'Sem conexão com o servidor: senhas só podem ser definidas online.', en: 'No connection.' } };
    const fake = fakeTransport((method) => (method === 'sync.state' ? syncState('offline', 3) : { ok: false, error: offline }));
    const result = await setPasswordOnline(createApiClient(fake.transport), { kind: 'contact', id: 'k1' }, 'Extranet#2026', { now: () => 0, sleep: async () => undefined });
    expect(result).toEqual({ ok: false, error: offline });
    expect(fake.calls.map((c) => c.method)).toEqual(['sync.state', 'people.setPassword']);
  });

  it('gives up waiting after the timeout (the server then says what it knows)', async () => {
    const fake = fakeTransport(() => syncState('online', 1));
    let now = 0;
    await waitForOutbox(createApiClient(fake.transport), { now: () => now, timeoutMs: 1_000, intervalMs: 300, sleep: async (ms) => void (now += ms) });
    expect(fake.calls.length).toBe(5); // at 0, 300, 600, 900 and 1 200 ms
  });
});
