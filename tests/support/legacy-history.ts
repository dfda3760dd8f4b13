import { loadRequestOf, prepareMutation, type PendingInput } from '../../src/server/sync/apply';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { loadState } from '../../src/server/sync/loaded-context';
import { seedDemoData } from '../../src/server/seed';
import { generateDemo } from '../../src/shared/demo/generate';
import type { DemoOptions } from '../../src/shared/demo/generate';
import { isDomainError } from '../../src/shared/domain';
import { isMutatorName } from '../../src/shared/mutators/registry';
import { parseMutationArgs } from '../../src/shared/mutators/run';
import { mutationRef } from '../../src/shared/sync/protocol';

// A server database as a protocol-1 server left it (schema 6, before client ids were bound), for upgrade tests:
// the demo, and pushes under chosen client ids written the way that server wrote them — soe_load, the mutator,
// soe_write with the client record and the audit line — by whichever analyst's session pushed them.

export interface LegacyPush {
  clientId: string;
  login: string;
  mutationId: number;
  name: string;
  args: unknown;
}

export const openSpec = (spec: { databaseUrl?: string; dataDir?: string }): Promise<Database> =>
  spec.databaseUrl !== undefined ? openPostgres({ connectionString: spec.databaseUrl }) : openPglite(spec.dataDir);

export const legacyDatabase = async (spec: { databaseUrl?: string; dataDir?: string }, demo: DemoOptions, pushes: readonly LegacyPush[], at: number): Promise<void> => {
  const db = await openSpec(spec);
  try {
    await migrate(db, 6);
    // A server of before planned versions (migration 013) never had their rows.
    await seedDemoData(db, { ...generateDemo(demo), plannedVersions: [] });
    for (const push of pushes) {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM analyst WHERE login = $1', [push.login]);
      const parsed = isMutatorName(push.name) ? parseMutationArgs(push.name, push.args) : null;
      if (parsed === null || isDomainError(parsed) || rows[0] === undefined) throw new Error(`legacy push ${push.name} by ${push.login}`);
      const input: PendingInput = {
        name: push.name, args: parsed.args, actor: { kind: 'analyst', id: rows[0].id }, clientTime: at,
        mutationRef: mutationRef(push.clientId, push.mutationId), client: { id: push.clientId, mutationId: push.mutationId, secretHash: '' },
        timeZone: 'America/Sao_Paulo', source: 'push',
      };
      const loaded = await loadState(db, db, loadRequestOf(input));
      const prepared = await prepareMutation(input, loaded, at, null);
      await db.query('SELECT soe_write($1::jsonb)', [prepared.payload]);
    }
  } finally {
    await db.close();
  }
};
