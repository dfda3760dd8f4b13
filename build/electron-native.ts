// better-sqlite3 for Electron's ABI, built beside — never over — the Node-ABI build the tests and the browser
// shell use. main loads it through better-sqlite3's `nativeBinding` option: SOE_NATIVE_BINDING in development
// (scripts/start.ts), resources/native/better_sqlite3.node in a packaged app (electron-builder.config.ts).
//
//   npx tsx build/electron-native.ts [--platform linux|win32|darwin] [--arch x64|arm64]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const NativeTarget = z.object({
  platform: z.enum(['linux', 'win32', 'darwin']),
  arch: z.enum(['x64', 'arm64', 'ia32', 'armv7l']),
});
export type NativeTarget = z.infer<typeof NativeTarget>;

/** electron-builder's `${os}` for a platform, so extraResources can name the file per target. */
export const osKey = (platform: NativeTarget['platform']): 'linux' | 'win' | 'mac' =>
  platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux';

export const NATIVE_CACHE = join('node_modules', '.cache', 'soe-war-room', 'electron-native');

export const nativeBindingPath = (projectDir: string, target: NativeTarget): string =>
  join(projectDir, NATIVE_CACHE, `${osKey(target.platform)}-${target.arch}`, 'better_sqlite3.node');

const readVersion = (packageJson: string): string => z.object({ version: z.string() }).parse(JSON.parse(readFileSync(packageJson, 'utf8'))).version;

export interface NativeBuildResult {
  ok: boolean;
  file: string;
  /** What was tried, one line each (why it failed, when it did). */
  attempts: string[];
}

// npm passes its configuration down as npm_config_*; a machine-wide `nodedir` silently makes node-gyp compile
// against the local Node's headers instead of Electron's, so the settings that choose the target are dropped.
const TARGET_SETTINGS = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|platform|target_platform|build_from_source)$/i;
const buildEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([key]) => !TARGET_SETTINGS.test(key)));

/** Electron's ABI (node_modules/electron/abi_version), as the addon's registration symbol spells it. */
export const hasAbi = (addon: Buffer, abi: string): boolean => addon.includes(`node_register_module_v${abi}\0`);

const run = (command: string, args: string[], cwd: string, timeoutMs: number): string | null => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: buildEnv() });
  if (result.error !== undefined) return result.error.message;
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim()).filter(Boolean);
    const reason = lines.find((line) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network connectivity|\b404\b|No prebuilt binaries/i.test(line)) ?? lines.at(-1) ?? '';
    return `exit ${result.status ?? result.signal}: ${reason}`;
  }
  return null;
};

/**
 * Makes sure the Electron-ABI addon for `target` is in the cache. Tries the published prebuilt binary first
 * (works for any target platform), then compiling against Electron's headers (host platform only). Both need
 * the network (GitHub releases, electronjs.org/headers); offline, the result says so.
 */
export const ensureElectronSqlite = (projectDir: string, target: NativeTarget, timeoutMs = 120_000): NativeBuildResult => {
  const electronVersion = readVersion(join(projectDir, 'node_modules', 'electron', 'package.json'));
  const sqliteDir = join(projectDir, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readVersion(join(sqliteDir, 'package.json'));
  const file = nativeBindingPath(projectDir, target);
  const stampFile = join(dirname(file), 'build-info.json');
  const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, ...target });
  if (existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { ok: true, file, attempts: ['cached'] };

  const attempts: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'soe-electron-sqlite-'));
  try {
    // A private copy of the package: prebuild-install and node-gyp write build/Release in place.
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) cpSync(join(sqliteDir, entry), join(work, entry), { recursive: true });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    const local = createRequire(join(sqliteDir, 'package.json'));
    const electronArgs = ['--runtime', 'electron', '--target', electronVersion, '--arch', target.arch, '--platform', target.platform];
    const prebuilt = run(process.execPath, [local.resolve('prebuild-install/bin.js'), ...electronArgs], work, timeoutMs);
    attempts.push(prebuilt === null ? 'prebuilt binary: downloaded' : `prebuilt binary: ${prebuilt}`);
    if (prebuilt !== null && target.platform === process.platform && target.arch === process.arch) {
      const gyp = process.env.npm_config_node_gyp ?? createRequire(join(projectDir, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
      const compiled = run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers', `--arch=${target.arch}`], work, timeoutMs * 5);
      attempts.push(compiled === null ? 'compiled against Electron headers' : `compile against Electron headers: ${compiled}`);
    }
    if (!existsSync(built)) return { ok: false, file, attempts };
    // Never cache an addon for the wrong ABI: Electron would refuse it at start with a cryptic message.
    const abi = readFileSync(join(projectDir, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
    if (!hasAbi(readFileSync(built), abi)) {
      attempts.push(`the addon built is not for Electron's ABI ${abi}`);
      return { ok: false, file, attempts };
    }
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(built, file);
    writeFileSync(stampFile, stamp);
    return { ok: true, file, attempts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

// Run as a command (tsx), not when imported by electron-builder.config.ts (where import.meta.filename may be unset).
const isMain = typeof import.meta.filename === 'string' && process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } }, strict: true });
  const target = NativeTarget.safeParse({ platform: values.platform ?? process.platform, arch: values.arch ?? process.arch });
  if (!target.success) {
    console.error(`electron-native: ${target.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const result = ensureElectronSqlite(resolve(import.meta.dirname, '..'), target.data);
  for (const attempt of result.attempts) console.log(`electron-native: ${attempt}`);
  console.log(result.ok ? `electron-native: ${result.file}` : 'electron-native: no Electron-ABI build of better-sqlite3 could be made (see above)');
  process.exitCode = result.ok ? 0 : 1;
}
