import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real, throwaway PostgreSQL cluster on a loopback port for the sync tests, when the binaries exist (SPEC §7:
// PostgreSQL is the product's storage). initdb refuses root, so the cluster belongs to the postgres user.

const BIN_DIRS = [process.env.PG_BIN_DIR, '/usr/local/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin']
  .filter((d): d is string => d !== undefined && d.length > 0);

const findBin = (name: string): string | null => BIN_DIRS.map((d) => join(d, name)).find((p) => existsSync(p)) ?? null;

export const postgresAvailable = (): boolean => findBin('initdb') !== null && findBin('pg_ctl') !== null && process.env.SOE_TEST_STORAGE !== 'pglite';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export interface PgCluster {
  url: string;
  port: number;
  /** pg_ctl restart -m fast: every connection is ended (admin shutdown), the cluster is back when it returns. */
  restart(): void;
  stop(): void;
}

const asPostgres = (args: string[]): string[] => (process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args);

const run = (args: string[]): void => {
  const [cmd, ...rest] = asPostgres(args);
  const result = spawnSync(cmd as string, rest, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr || result.stdout}`);
};

/**
 * initdb + pg_ctl start on 127.0.0.1:<free port>, trust auth, no fsync (a throwaway test cluster; the benchmark
 * passes `durable` to keep PostgreSQL's defaults). Always call stop() (afterAll).
 */
export const startPgCluster = async (options: { durable?: boolean } = {}): Promise<PgCluster> => {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (initdb === null || pgCtl === null) throw new Error('PostgreSQL binaries not found');
  const root = mkdtempSync(join(tmpdir(), 'soe-pg-'));
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', root]);
  run([initdb, '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  const settings = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${root}`, '-c max_connections=300',
    ...(options.durable === true ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
  run([pgCtl, '-D', data, '-l', join(root, 'log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: () => run([pgCtl, '-D', data, '-l', join(root, 'log'), '-w', '-t', '60', '-m', 'fast', '-o', settings.join(' '), 'restart']),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run([pgCtl, '-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
};

/** A fresh database inside a cluster, so tests sharing a cluster never see each other's data. */
export const createDatabase = async (cluster: PgCluster, name: string): Promise<string> => {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return cluster.url.replace(/\/postgres$/, `/${name}`);
};
