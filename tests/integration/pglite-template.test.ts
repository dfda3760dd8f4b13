import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/pglite';
import { pgliteTemplate, TEMPLATE_ENV, templateFile } from '../../src/server/db/pglite-template';

// New PGlite clusters from a fresh-cluster template (SOE_PGLITE_TEMPLATE) instead of initdb: the same empty
// cluster, made once and reused; a torn template or a folder that already holds a cluster never loses anything.

const userTables = async (db: Awaited<ReturnType<typeof openPglite>>): Promise<string[]> =>
  (await db.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname")).rows.map((r) => r.relname);

describe('PGlite from a fresh-cluster template', () => {
  let work: string;
  let before: string | undefined;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'soe-pglite-template-'));
    before = process.env[TEMPLATE_ENV];
    process.env[TEMPLATE_ENV] = join(work, 'templates');
  });
  afterEach(() => {
    if (before === undefined) delete process.env[TEMPLATE_ENV];
    else process.env[TEMPLATE_ENV] = before;
    rmSync(work, { recursive: true, force: true });
  });

  it('is made on first use, and each cluster opened from it is empty, writable and its own', async () => {
    const file = templateFile(join(work, 'templates'));
    expect(existsSync(file)).toBe(false);
    const first = await openPglite(undefined);
    expect(existsSync(file)).toBe(true);
    const size = statSync(file).size;
    await first.exec('CREATE TABLE only_in_first (x int)');
    const second = await openPglite(undefined);
    expect(await userTables(second)).toEqual([]);
    expect(statSync(file).size).toBe(size); // the template stays the fresh cluster: nothing written after it was made
    await second.exec("CREATE TABLE t (x text); INSERT INTO t VALUES ('olá')");
    expect((await second.query<{ x: string }>('SELECT x FROM t')).rows).toEqual([{ x: 'olá' }]);
    expect(await userTables(first)).toEqual(['only_in_first']);
    await Promise.all([first.close(), second.close()]);
  }, 60_000);

  it('fills an empty data folder, which then opens as itself; a folder that holds a cluster is never replaced', async () => {
    const dataDir = join(work, 'data');
    const db = await openPglite(dataDir);
    await db.exec("CREATE TABLE kept (x text); INSERT INTO kept VALUES ('dado do cliente')");
    await db.close();
    expect(readdirSync(dataDir)).toContain('PG_VERSION');
    const again = await openPglite(dataDir);
    expect((await again.query<{ x: string }>('SELECT x FROM kept')).rows).toEqual([{ x: 'dado do cliente' }]);
    await again.close();
  }, 60_000);

  it('a torn template is dropped and the cluster made by initdb; the next one is made fresh', async () => {
    const file = templateFile(join(work, 'templates'));
    await openPglite(undefined).then((db) => db.close());
    writeFileSync(file, Buffer.from('not a tarball'));
    const dataDir = join(work, 'data');
    const db = await openPglite(dataDir);
    expect(await userTables(db)).toEqual([]);
    await db.exec('CREATE TABLE t (x int)');
    await db.close();
    expect(existsSync(file)).toBe(false);
    const next = await openPglite(undefined);
    expect(await userTables(next)).toEqual([]);
    await next.close();
    expect(statSync(file).size).toBeGreaterThan(100_000);
  }, 90_000);

  it('without SOE_PGLITE_TEMPLATE there is no template and nothing is written', async () => {
    expect(await pgliteTemplate({})).toBeNull();
    expect(await pgliteTemplate({ [TEMPLATE_ENV]: '' })).toBeNull();
  });
});
