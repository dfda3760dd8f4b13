import { describe, expect, it, vi } from 'vitest';
import { parseLaunchConfig, relaunchArgs, SecondInstanceData } from '../../../src/main/launch-config';
import { isRendererCrash, relaunchPlan, rendererRestartBudget, STABLE_UPTIME_MS } from '../../../src/main/lifecycle/crash-recovery';
import { installGracefulShutdown } from '../../../src/main/lifecycle/shutdown';
import { pickBoardDisplay } from '../../../src/main/windows/board-display';
import { FakeEmitter, fakeEvent } from './fake-electron';

describe('launch configuration (zod at the boundary)', () => {
  const parse = (env: Record<string, string>, argv: string[] = ['electron', '.'], isPackaged = false) => parseLaunchConfig({ env, argv, isPackaged });

  it('reads our variables and flags, ignoring everything else', () => {
    const result = parse(
      { SOE_USER_DATA: '/tmp/u', SOE_SERVER_URL: 'http://127.0.0.1:4100', SOE_DEMO_LOGIN: 'beatriz', SOE_NATIVE_BINDING: '/x.node', PATH: '/bin' },
      ['electron', '.', '--no-sandbox', '--board', '--soe-crash-count=2'],
    );
    expect(result).toEqual({
      ok: true,
      config: { userData: '/tmp/u', serverUrl: 'http://127.0.0.1:4100', demoLogin: 'beatriz', nativeBinding: '/x.node', board: true, crashCount: 2 },
    });
    expect(parse({})).toEqual({ ok: true, config: { userData: null, serverUrl: null, demoLogin: null, nativeBinding: null, board: false, crashCount: 0 } });
  });

  it('refuses a bad value with a clear message', () => {
    expect(parse({ SOE_SERVER_URL: 'ftp://server' })).toMatchObject({ ok: false, message: expect.stringContaining('SOE_SERVER_URL') });
    expect(parse({ SOE_DEMO_LOGIN: 'Robert"); DROP' })).toMatchObject({ ok: false, message: expect.stringContaining('SOE_DEMO_LOGIN') });
    expect(parse({}, ['electron', '.', '--soe-crash-count=x'])).toMatchObject({ ok: false });
  });

  it('never lets a packaged app load native code named by the environment', () => {
    const result = parse({ SOE_NATIVE_BINDING: '/tmp/evil.node' }, ['soe-war-room'], true);
    expect(result).toMatchObject({ ok: true, config: { nativeBinding: null } });
  });

  it('relaunches with the same flags and the new crash count', () => {
    expect(relaunchArgs(['.', '--board', '--soe-crash-count=1'], 2)).toEqual(['.', '--board', '--soe-crash-count=2']);
    expect(SecondInstanceData.parse({ board: true })).toEqual({ board: true });
    expect(SecondInstanceData.parse('garbage')).toEqual({ board: false });
  });
});

describe('crash recovery', () => {
  it('reloads a crashed renderer at most 3 times a minute', () => {
    const clock = { t: 0, now() { return this.t; } };
    const mayRestart = rendererRestartBudget(clock);
    expect([mayRestart(), mayRestart(), mayRestart(), mayRestart()]).toEqual([true, true, true, false]);
    clock.t = 60_000;
    expect(mayRestart()).toBe(true);
    expect(isRendererCrash('crashed')).toBe(true);
    expect(isRendererCrash('oom')).toBe(true);
    expect(isRendererCrash('clean-exit')).toBe(false);
  });

  it('relaunches main after a crash, but not in a crash loop', () => {
    expect(relaunchPlan(0, 1_000)).toEqual({ relaunch: true, crashCount: 1 });
    expect(relaunchPlan(2, 1_000)).toEqual({ relaunch: true, crashCount: 3 });
    expect(relaunchPlan(3, 1_000)).toMatchObject({ relaunch: false });
    // A long healthy run starts the count again.
    expect(relaunchPlan(3, STABLE_UPTIME_MS)).toEqual({ relaunch: true, crashCount: 1 });
  });
});

describe('graceful shutdown', () => {
  const fakeApp = () => {
    const app = Object.assign(new FakeEmitter(), {
      quits: 0,
      quit() {
        app.quits += 1;
        const event = fakeEvent();
        app.emit('before-quit', event);
        return event.defaultPrevented;
      },
    });
    return app;
  };

  it('holds the quit until the core has stopped, then quits for real', async () => {
    const app = fakeApp();
    let release: () => void = () => undefined;
    const stop = vi.fn(() => new Promise<void>((resolve) => { release = resolve; }));
    installGracefulShutdown({ app: app as never, stop, log: vi.fn() });
    expect(app.quit()).toBe(true); // prevented: stopping
    expect(app.quit()).toBe(true); // a second request while stopping is held too, and does not stop twice
    expect(stop).toHaveBeenCalledTimes(1);
    release();
    await vi.waitFor(() => expect(app.quits).toBe(3));
    expect(app.quit()).toBe(false); // stopped: nothing holds the quit any more
  });

  it('quits anyway when stopping hangs or fails, and says so', async () => {
    vi.useFakeTimers();
    try {
      const app = fakeApp();
      const log = vi.fn();
      installGracefulShutdown({ app: app as never, stop: () => new Promise<void>(() => undefined), log, timeoutMs: 1_000 });
      app.quit();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('did not stop in time'));
      expect(app.quits).toBe(2);
    } finally {
      vi.useRealTimers();
    }
    const app = fakeApp();
    const log = vi.fn();
    installGracefulShutdown({ app: app as never, stop: async () => { throw new Error('disk gone'); }, log });
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(2));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk gone'));
  });

  it('turns SIGTERM and SIGINT into a graceful quit', () => {
    const app = fakeApp();
    const signals = new FakeEmitter();
    installGracefulShutdown({ app: app as never, stop: async () => undefined, log: vi.fn(), signals: signals as never });
    signals.emit('SIGTERM');
    expect(app.quits).toBe(1);
  });
});

describe('board display', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const tv = { id: 7, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
  it('prefers the second display, falls back to the primary', () => {
    expect(pickBoardDisplay([primary, tv], primary)).toEqual(tv.bounds);
    expect(pickBoardDisplay([tv, primary], primary)).toEqual(tv.bounds);
    expect(pickBoardDisplay([primary], primary)).toEqual(primary.bounds);
  });
});
