import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../../src/shared/api/contract';
import { apiChannel } from '../../../src/shared/ipc/bridge';

// The preload as Electron loads it: built by electron-vite's own preload configuration, then run as the
// sandboxed CommonJS script it is, with only `electron` to require.

const outDir = mkdtempSync(join(tmpdir(), 'soe-preload-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const buildPreload = async (): Promise<string> => {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ logLevel: 'silent' }, 'build', 'production');
  const preload = resolved.config?.preload;
  if (preload === undefined) throw new Error('electron.vite.config.ts has no preload target');
  await build({ ...preload, logLevel: 'silent', build: { ...preload.build, outDir, emptyOutDir: true } });
  return readFileSync(join(outDir, 'index.cjs'), 'utf8');
};

describe('built preload', () => {
  it('is small, needs only electron, and exposes exactly the contract', async () => {
    const code = await buildPreload();
    // No schemas or holiday tables in every window (see electron.vite.config.ts).
    expect(code.length).toBeLessThan(20_000);
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => { exposed[key] = value; } },
      ipcRenderer: { invoke: async (...args: unknown[]) => { invoked.push(args); return { ok: true, value: null }; }, on: () => undefined, removeListener: () => undefined },
    };
    const required: string[] = [];
    const requireStub = (id: string): unknown => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`the sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(requireStub, module, module.exports);
    expect([...new Set(required)]).toEqual(['electron']);
    const soe = exposed.soe!;
    expect(Object.keys(soe)).toEqual(['invoke', 'onEvent', 'methods', 'events']);
    expect(soe.methods).toEqual(METHOD_NAMES);
    expect(soe.events).toEqual(EVENT_NAMES);
    expect(Object.keys(exposed.api!)).toEqual(METHOD_NAMES);
    const invoke = soe.invoke as (method: string, args: unknown) => Promise<unknown>;
    await expect(invoke('not.in.contract', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(invoked).toEqual([]);
    await invoke('queue.mine', {});
    expect(invoked).toEqual([[apiChannel('queue.mine'), {}]]);
  });
});
