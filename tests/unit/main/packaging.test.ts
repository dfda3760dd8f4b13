import { FuseV1Options } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import config from '../../../electron-builder.config';
import { ensureElectronSqlite, hasAbi, nativeBindingPath, NATIVE_CACHE, osKey } from '../../../build/electron-native';
import { afterPack, nativeTargetOf, releaseFuses } from '../../../build/packaging-hooks';

describe('fuses (ARCHITECTURE.md style 9: flipped at package time)', () => {
  it('turn off Node entry points and turn on asar integrity in every packaged build', () => {
    const fuses = releaseFuses('linux');
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuses.resetAdHocDarwinSignature).toBe(false);
    expect(releaseFuses('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('are flipped by the afterPack hook through electron-builder', async () => {
    const addElectronFuses = vi.fn(async () => 0);
    const context = { electronPlatformName: 'win32', arch: Arch.x64, packager: { addElectronFuses } };
    await afterPack(context as never);
    expect(addElectronFuses).toHaveBeenCalledWith(context, releaseFuses('win32'));
    expect(config.afterPack).toBe(afterPack);
  });
});

describe('electron-builder configuration', () => {
  it('builds AppImage and deb, nsis, and dmg with the committed icons', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(typeof icon === 'string' && existsSync(icon)).toBe(true);
    }
    const png = readFileSync('build/icon.png');
    expect(png.readUInt32BE(16)).toBe(1024); // IHDR width: big enough for every target
    expect(existsSync('resources/icon.png')).toBe(true);
    for (const state of ['online', 'connecting', 'offline', 'local-only']) expect(existsSync(`resources/tray/sync-${state}.png`)).toBe(true);
  });

  it('never rebuilds node_modules in place and ships the Electron-ABI SQLite where main looks for it', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: `${NATIVE_CACHE}/\${os}-\${arch}/better_sqlite3.node`, to: 'native/better_sqlite3.node' }]);
    expect(nativeBindingPath('/p', { platform: 'win32', arch: 'x64' })).toBe(join('/p', NATIVE_CACHE, 'win-x64', 'better_sqlite3.node'));
    expect([osKey('linux'), osKey('win32'), osKey('darwin')]).toEqual(['linux', 'win', 'mac']);
    expect(nativeTargetOf({ electronPlatformName: 'mas', arch: Arch.arm64 })).toEqual({ platform: 'darwin', arch: 'arm64' });
  });
});

describe('Electron-ABI better-sqlite3', () => {
  it("recognises an addon's ABI", () => {
    const nodeBuild = readFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(hasAbi(nodeBuild, process.versions.modules)).toBe(true);
    expect(hasAbi(nodeBuild, readFileSync('node_modules/electron/abi_version', 'utf8').trim())).toBe(false);
  });

  it('reuses a cached build for the same Electron and better-sqlite3 versions', () => {
    const project = mkdtempSync(join(tmpdir(), 'soe-native-'));
    try {
      for (const [name, version] of [['electron', '40.10.2'], ['better-sqlite3', '12.11.1']] as const) {
        mkdirSync(join(project, 'node_modules', name), { recursive: true });
        writeFileSync(join(project, 'node_modules', name, 'package.json'), JSON.stringify({ version }));
      }
      const target = { platform: 'linux', arch: 'x64' } as const;
      const file = nativeBindingPath(project, target);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, 'addon');
      writeFileSync(join(dirname(file), 'build-info.json'), JSON.stringify({ electron: '40.10.2', betterSqlite3: '12.11.1', ...target }));
      expect(ensureElectronSqlite(project, target)).toEqual({ ok: true, file, attempts: ['cached'] });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
