import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateDemo } from '../../../../src/shared/demo/generate';
import { Analyst, CatalogItem, Contact, Customer, Interaction, OcEvent, Ocorrencia, PlannedVersion, Recado, Release, SlaConfig } from '../../../../src/shared/domain';
import { describeIssues } from '../../../../src/shared/validation';
import { NOW } from './samples';

// The demo data is produced by running the real mutators; every row it holds must still pass the tightened
// schemas (a row that does not is what a pull would report as a schema mismatch).

describe('every demo row passes its schema', () => {
  it.each([[600, 15, 0], [300, 3, 200]])('%i OCs, seed %i, backlog %i', (ocs, seed, backlog) => {
    const data = generateDemo({ ocs, seed, now: NOW, backlog });
    const tables: Array<[string, z.ZodType, readonly unknown[]]> = [
      ['analyst', Analyst, data.analysts], ['customer', Customer, data.customers], ['contact', Contact, data.contacts],
      ['catalog', CatalogItem, data.catalog], ['release', Release, data.releases], ['sla_config', SlaConfig, [data.slaConfig]],
      ['ocorrencia', Ocorrencia, data.ocorrencias], ['interaction', Interaction, data.interactions], ['oc_event', OcEvent, data.events],
      ['recado', Recado, data.recados], ['planned_version', PlannedVersion, data.plannedVersions],
    ];
    const refused: string[] = [];
    for (const [table, schema, rows] of tables) {
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        const parsed = schema.safeParse(row);
        if (!parsed.success) refused.push(`${table}: ${describeIssues(parsed.error.issues).en}`);
      }
    }
    expect(refused.slice(0, 5)).toEqual([]);
    // Every version an OC waits for is a planned one (issue 13), and every release marked its planned version.
    const planned = new Map(data.plannedVersions.map((v) => [v.version, v]));
    for (const oc of data.ocorrencias.filter((o) => o.status === 'aguardando_versao')) expect(planned.get(oc.targetVersion ?? '')?.status, oc.targetVersion ?? '').toBe('planejada');
    for (const release of data.releases) expect(planned.get(release.version)).toMatchObject({ status: 'liberada', releaseId: release.id });
  });
});
