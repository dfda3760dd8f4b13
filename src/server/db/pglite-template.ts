import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// A new PGlite cluster runs initdb inside WASM: ~5 s on these machines, every time. Loading the files of a fresh
// cluster made earlier takes ~1.5 s. SOE_PGLITE_TEMPLATE names a folder where that fresh cluster is kept (one
// gzipped tar per PGlite version, made on first use, written atomically); the test suites set it, so each of their
// hundreds of throwaway servers skips initdb. Unset (the product's default), every new cluster runs initdb.

export const TEMPLATE_ENV = 'SOE_PGLITE_TEMPLATE';

/** The installed PGlite's version (its package.json is not exported: read it next to the entry's dist folder). */
const pgliteVersion = (): string => {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  if (manifest.name !== '@electric-sql/pglite' || typeof manifest.version !== 'string') throw new Error(`PGlite's package.json was not found next to ${entry}`);
  return manifest.version;
};

/** The template file for this PGlite version in `folder`. */
export const templateFile = (folder: string): string => join(folder, `pglite-${pgliteVersion()}-fresh.tar.gz`);

/** Templates this process is making or made, by file (two servers starting at once make one). */
const made = new Map<string, Promise<Blob>>();

/** Makes the template (initdb once, nothing else run in it) and keeps it in `file`; a concurrent maker's rename wins harmlessly. */
const makeTemplate = async (file: string): Promise<Blob> => {
  const fresh = await PGlite.create();
  try {
    const blob = await fresh.dumpDataDir('gzip');
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    await rename(partial, file);
    return blob;
  } finally {
    await fresh.close();
  }
};

/** The fresh cluster's files when SOE_PGLITE_TEMPLATE is set (made on first use), else null. */
export const pgliteTemplate = async (env: NodeJS.ProcessEnv = process.env): Promise<Blob | null> => {
  const folder = env[TEMPLATE_ENV];
  if (folder === undefined || folder === '') return null;
  const file = templateFile(folder);
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let making = made.get(file);
  if (making === undefined) made.set(file, (making = makeTemplate(file)));
  return making;
};

/** Forgets a template that failed to load (a torn or foreign file): the next use makes it again. */
export const dropTemplate = async (env: NodeJS.ProcessEnv = process.env): Promise<void> => {
  const folder = env[TEMPLATE_ENV];
  if (folder === undefined || folder === '') return;
  made.delete(templateFile(folder));
  await rm(templateFile(folder), { force: true });
};

/** True when `dataDir` holds nothing yet (absent or empty): only then may a template be loaded into it. */
export const isEmptyDir = async (dataDir: string): Promise<boolean> => {
  try {
    return (await readdir(dataDir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
};
