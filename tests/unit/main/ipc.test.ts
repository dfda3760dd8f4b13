import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/api/contract';
import { apiChannel, EVENT_CHANNEL } from '../../../src/shared/ipc/bridge';
import { forwardCoreEvents, handleApiCall, registerApiHandlers } from '../../../src/main/ipc/api-handlers';
import { checkSender } from '../../../src/main/ipc/sender';
import { FakeEmitter, FakeWebContents, ipcMain, type FakeFrame } from './fake-electron';

const top = (url: string): FakeFrame => ({ url, parent: null });
const APP = top('app://soe/index.html#/queue');

const fakeCore = () => ({ invoke: vi.fn(async (_method: string, args: unknown) => ({ ok: true as const, value: args })) });

describe('sender check (VS Code validatedIpcMain)', () => {
  it('trusts only the top frame of app://soe', () => {
    expect(checkSender({ senderFrame: APP as never })).toEqual({ trusted: true });
    expect(checkSender({ senderFrame: top('https://evil.example/') as never })).toEqual({ trusted: false, origin: 'https://evil.example/' });
    expect(checkSender({ senderFrame: top('file:///tmp/x.html') as never })).toMatchObject({ trusted: false });
    expect(checkSender({ senderFrame: top('app://evil/index.html') as never })).toMatchObject({ trusted: false });
    expect(checkSender({ senderFrame: { url: 'app://soe/index.html', parent: APP } as never })).toMatchObject({ trusted: false });
    expect(checkSender({ senderFrame: null })).toEqual({ trusted: false, origin: 'no frame' });
    const disposed = { get senderFrame(): never { throw new Error('Render frame was disposed'); } };
    expect(checkSender(disposed)).toEqual({ trusted: false, origin: 'disposed frame' });
  });
});

describe('IPC handlers derived from the contract', () => {
  it('registers exactly one channel per contract method', () => {
    ipcMain.handlers.clear();
    const unregister = registerApiHandlers(ipcMain as never, fakeCore(), vi.fn());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(apiChannel).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('a call from another origin is refused and never reaches the core', async () => {
    const core = fakeCore();
    const log = vi.fn();
    ipcMain.handlers.clear();
    registerApiHandlers(ipcMain as never, core, log);
    for (const frame of [top('https://evil.example/'), { url: 'app://soe/index.html', parent: APP }, null]) {
      const result = await ipcMain.call(apiChannel('session.login'), frame, { login: 'beatriz', password: 'demo' });
      expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    }
    expect(core.invoke).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('parses the payload with the method schema before the core sees it', async () => {
    const core = fakeCore();
    const bad = await handleApiCall(core, 'oc.get', { senderFrame: APP as never }, { id: 42 }, vi.fn());
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    const extra = await handleApiCall(core, 'session.current', { senderFrame: APP as never }, { sneaky: true }, vi.fn());
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(core.invoke).not.toHaveBeenCalled();
    // Parsed output goes to the core: trimmed strings, defaults filled.
    const good = await handleApiCall(core, 'oc.search', { senderFrame: APP as never }, { text: '  nota fiscal ' }, vi.fn());
    expect(good).toEqual({ ok: true, value: { text: 'nota fiscal', limit: 50 } });
    expect(core.invoke).toHaveBeenCalledWith('oc.search', { text: 'nota fiscal', limit: 50 });
    // A missing payload is an empty one.
    await handleApiCall(core, 'queue.mine', { senderFrame: APP as never }, undefined, vi.fn());
    expect(core.invoke).toHaveBeenLastCalledWith('queue.mine', {});
  });
});

describe('core events to windows', () => {
  it('go to every live window of our origin, and nowhere else', () => {
    const events = new FakeEmitter();
    const source = {
      onAny: (listener: (event: 'data.changed', payload: unknown) => void) => {
        events.on('any', listener as never);
        return () => events.removeListener('any', listener as never);
      },
    };
    const ours = new FakeWebContents({});
    ours.url = 'app://soe/index.html';
    const board = new FakeWebContents({});
    board.url = 'app://soe/index.html#/board';
    const foreign = new FakeWebContents({});
    foreign.url = 'https://evil.example/';
    const closed = new FakeWebContents({});
    closed.url = 'app://soe/index.html';
    closed.destroyed = true;
    const stop = forwardCoreEvents(source as never, () => [ours, board, foreign, closed] as never);
    const payload = { tables: ['ocorrencia'], ocIds: ['oc1'] };
    events.emit('any', 'data.changed', payload);
    expect(ours.sent).toEqual([[EVENT_CHANNEL, 'data.changed', payload]]);
    expect(board.sent).toEqual([[EVENT_CHANNEL, 'data.changed', payload]]);
    expect(foreign.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
    stop();
    events.emit('any', 'data.changed', payload);
    expect(ours.sent).toHaveLength(1);
  });
});
