import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../../src/shared/api/contract';
import { apiChannel, EVENT_CHANNEL, type ApiSurface, type SoeBridge } from '../../../src/shared/ipc/bridge';
import { contextBridge, ipcRenderer } from '../main/fake-electron';

vi.mock('electron', () => import('../main/fake-electron'));
// What electron.vite.config.ts injects at build time (preload-bundle.test.ts checks the real build does).
vi.stubGlobal('__SOE_CONTRACT_NAMES__', { methods: METHOD_NAMES, events: EVENT_NAMES });

let soe: SoeBridge;
let api: ApiSurface;

beforeAll(async () => {
  await import('../../../src/preload/index');
  soe = contextBridge.exposed.soe as SoeBridge;
  api = contextBridge.exposed.api as ApiSurface;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.invoke.mockImplementation(async () => ({ ok: true, value: 'from main' }));
});

describe('preload surface (ARCHITECTURE.md style 9)', () => {
  it('exposes only window.soe and window.api', () => {
    expect(Object.keys(contextBridge.exposed).sort()).toEqual(['api', 'soe']);
  });

  it('window.soe has the agreed shape; methods and events are exactly the contract', () => {
    expect(Object.keys(soe)).toEqual(['invoke', 'onEvent', 'methods', 'events']);
    expect(soe.methods).toEqual(METHOD_NAMES);
    expect(soe.events).toEqual(EVENT_NAMES);
    expect(Object.isFrozen(soe.methods)).toBe(true);
  });

  it('Object.keys(window.api) equals the contract', () => {
    expect(Object.keys(api)).toEqual(METHOD_NAMES);
  });
});

describe('invoke', () => {
  it('sends a contract method on its own channel', async () => {
    await expect(soe.invoke('queue.mine', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(apiChannel('queue.mine'), {});
    await api['oc.get']({ id: 'x' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(apiChannel('oc.get'), { id: 'x' });
    await api['session.current']();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(apiChannel('session.current'), {});
  });

  it.each(['fs.readFile', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'session.login '])(
    'refuses %j before it reaches ipcRenderer',
    async (method) => {
      await expect(soe.invoke(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a method name that is not a string', async () => {
    await expect(soe.invoke(42 as unknown as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an error value', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(soe.invoke('queue.mine', { f: () => 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_FAILED', message: { en: expect.stringContaining('could not be cloned') } },
    });
  });
});

describe('onEvent', () => {
  it('delivers contract events only, until unsubscribed', () => {
    const listener = vi.fn();
    const off = soe.onEvent(listener);
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'sync.state', { status: 'online' });
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'not.an.event', { x: 1 });
    ipcRenderer.emit('other-channel', {}, 'sync.state', {});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('sync.state', { status: 'online' });
    off();
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'sync.state', {});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
