import type { Change } from '../shared/mutators/types';
import { missingEligibility, type Contact, type Customer, type OcEvent } from '../shared/domain';
import { generateDemo, referenceRows, type DemoData, type DemoOptions } from '../shared/demo/generate';
import { DEMO_PASSWORD } from '../shared/demo/people';
import { hashPassword } from './auth/password';
import type { Database } from './db/database';

export interface ServerSeedSummary {
  ocs: number;
  events: number;
  interactions: number;
  analysts: number;
  contacts: number;
  ms: number;
}

/** Rows of one batch go through soe_write like any change, with e-mail copies off (history is not news). */
const write = async (db: Database, changes: Change[], events: OcEvent[]): Promise<void> => {
  await db.query('SELECT soe_write($1::jsonb)', [JSON.stringify({ changes, events, mail: false })]);
};

/**
 * Loads demo data into an empty server database. Versions are clustered per OC (the OC, its interactions, then
 * its events), so a client's initial sync meets each OC whole in one page.
 */
export const seedDemoData = async (db: Database, data: DemoData, options: { batchOcs?: number } = {}): Promise<ServerSeedSummary> => {
  const t0 = performance.now();
  const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM ocorrencia');
  if ((rows[0]?.n ?? 0) > 0) throw new Error('The server database already has ocorrências; seed an empty one.');
  await write(db, referenceRows(data), []);
  const interactionsOf = groupBy(data.interactions.filter((i) => i.ocId !== null), (i) => i.ocId as string);
  const eventsOf = groupBy(data.events, (e) => e.ocId);
  const looseCalls = data.interactions.filter((i) => i.ocId === null).map((row) => ({ table: 'interaction' as const, row }));
  if (looseCalls.length > 0) await write(db, looseCalls, []);
  const batch = options.batchOcs ?? 400;
  for (let i = 0; i < data.ocorrencias.length; i += batch) {
    const ocs = data.ocorrencias.slice(i, i + batch);
    const changes: Change[] = [];
    const events: OcEvent[] = [];
    for (const oc of ocs) {
      changes.push({ table: 'ocorrencia', row: oc }, ...(interactionsOf.get(oc.id) ?? []).map((row) => ({ table: 'interaction' as const, row })));
      events.push(...(eventsOf.get(oc.id) ?? []));
    }
    await write(db, changes, events);
  }
  // The server's number sequence continues after the seeded numbers of each year.
  const perYear = new Map<number, number>();
  for (const oc of data.ocorrencias) {
    const match = /^OC-(\d{4})-(\d{6})$/.exec(oc.number ?? '');
    if (match !== null) perYear.set(Number(match[1]), Math.max(perYear.get(Number(match[1])) ?? 0, Number(match[2])));
  }
  for (const [year, last] of perYear) {
    await db.query('INSERT INTO oc_number (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = GREATEST(oc_number.last, excluded.last)', [year, last]);
  }
  await seedCredentials(db, data, data.now);
  return {
    ocs: data.ocorrencias.length,
    events: data.events.length,
    interactions: data.interactions.length,
    analysts: data.analysts.length,
    contacts: data.contacts.filter((c) => c.extranetAccess).length,
    ms: Math.round(performance.now() - t0),
  };
};

/** Demo logins: every analyst by login, every Extranet contact by e-mail, password "demo". */
const seedCredentials = async (db: Database, data: DemoData, now: number): Promise<void> => {
  const hash = await hashPassword(DEMO_PASSWORD);
  const subjects = [
    ...data.analysts.map((a) => ({ kind: 'analyst', login: a.login, id: a.id })),
    ...data.contacts.filter((c) => c.extranetAccess).map((c) => ({ kind: 'contact', login: c.email, id: c.id })),
  ];
  await db.query(`INSERT INTO credential (kind, login, subject_id, hash, updated_at)
    SELECT s->>'kind', s->>'login', s->>'id', $2, $3 FROM jsonb_array_elements($1::jsonb) AS s
    ON CONFLICT (kind, login) DO NOTHING`, [JSON.stringify(subjects), hash, now]);
};

export const seedDemo = async (db: Database, options: DemoOptions): Promise<ServerSeedSummary> => seedDemoData(db, generateDemo(options));

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
};

/**
 * Who may open OCs through the Extranet now (access, active, customer eligible): the callers of the demo's
 * traffic simulator (src/shell/traffic-simulator.ts), with the modules they may open OCs about.
 */
export const extranetCallers = async (db: Database): Promise<Array<{ email: string; modules: string[] }>> => {
  const { rows } = await db.query<{ contact: Contact; customer: Customer }>(
    'SELECT ct.doc AS contact, cu.doc AS customer FROM contact ct JOIN customer cu ON cu.id = ct.customer_id',
  );
  return rows
    .filter((r) => r.contact.extranetAccess && r.contact.active && missingEligibility(r.customer).length === 0)
    .map((r) => ({ email: r.contact.email, modules: r.customer.modules }));
};
