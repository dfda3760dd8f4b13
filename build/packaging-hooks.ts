import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';
import { ensureElectronSqlite, NativeTarget } from './electron-native';

// electron-builder hooks (electron-builder.config.ts): before packing a target, the Electron-ABI SQLite addon
// for that platform and architecture; after packing, the fuses, flipped before signing.

/** Electron fuses for every packaged (release) build — ARCHITECTURE.md style 9. */
export const releaseFuses = (electronPlatformName: string): FuseV1Config => ({
  version: FuseVersion.V1,
  // Flipping fuses invalidates the ad-hoc signature Electron ships with on macOS arm64.
  resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
  // The app binary can never be used as a plain Node.js (ELECTRON_RUN_AS_NODE), take NODE_OPTIONS, or be
  // opened for a debugger with --inspect: each would run arbitrary code with the app's identity.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the app.asar electron-builder wrote, checked against the hash embedded in the binary (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, so file:// needs none of its legacy privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

type PackHookContext = Pick<AfterPackContext, 'electronPlatformName' | 'arch' | 'packager'>;

export const nativeTargetOf = (context: Pick<AfterPackContext, 'electronPlatformName' | 'arch'>): NativeTarget =>
  NativeTarget.parse({ platform: context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName, arch: Arch[context.arch] });

export const beforePack = (context: PackHookContext): void => {
  const target = nativeTargetOf(context);
  const result = ensureElectronSqlite(context.packager.info.projectDir, target);
  if (!result.ok) {
    throw new Error(`better-sqlite3 for Electron (${target.platform}-${target.arch}) is unavailable: ${result.attempts.join('; ')}`);
  }
};

export const afterPack = async (context: AfterPackContext): Promise<void> => {
  await context.packager.addElectronFuses(context, releaseFuses(context.electronPlatformName));
};
