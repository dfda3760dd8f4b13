import type { Change } from '../../src/shared/mutators/types';
import type { OcEvent, Ocorrencia } from '../../src/shared/domain';
import { generateDemo } from '../../src/shared/demo/generate';
import type { Database } from '../../src/server/db/database';
import { seedDemoData } from '../../src/server/seed';

/**
 * A server database with `count` OCs, fast: the people, customers and configuration of a small demo, then
 * `count` OCs copied from the demo's, each with its own id, number and creation event. The sync layer moves rows;
 * it does not care how long each OC's story is (the benchmark's 100 000 OCs carry full histories instead).
 */
export const seedManyOcs = async (db: Database, count: number, now: number): Promise<void> => {
  const demo = generateDemo({ ocs: 200, seed: 17, now });
  await seedDemoData(db, demo);
  const templates = demo.ocorrencias;
  const created = new Map(demo.events.filter((e) => e.data.type === 'created').map((e) => [e.ocId, e]));
  const year = new Date(now).getUTCFullYear();
  for (let start = 0; start < count; start += 2_000) {
    const changes: Change[] = [];
    const events: OcEvent[] = [];
    for (let i = start; i < Math.min(count, start + 2_000); i += 1) {
      const template = templates[i % templates.length] as Ocorrencia;
      const id = `bulk-${String(i).padStart(7, '0')}`;
      changes.push({ table: 'ocorrencia', row: { ...template, id, number: `OC-${year - 1}-${String(500_000 + i).padStart(6, '0')}`, subject: `${template.subject} (${i})` } });
      const event = created.get(template.id) as OcEvent;
      events.push({ ...event, id: `${id}:0`, ocId: id });
    }
    await db.query('SELECT soe_write($1::jsonb)', [JSON.stringify({ changes, events, mail: false })]);
  }
};
