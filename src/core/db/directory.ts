import type { CustomerCard, CustomerSummary } from '../../shared/api/views';
import { foldText, missingEligibility, onlyDigits, type Analyst, type CatalogItem, type Contact, type Customer, type Interaction, type PlannedVersion, type Release } from '../../shared/domain';
import type { Db } from './connection';
import { docs, getRow } from './rows';
import { stmt } from './statements';

export const allAnalysts = (db: Db): Analyst[] => docs(stmt(db, 'SELECT doc FROM analyst ORDER BY name').all() as { doc: string }[]);
export const allCatalog = (db: Db): CatalogItem[] => docs(stmt(db, 'SELECT doc FROM catalog ORDER BY kind, name').all() as { doc: string }[]);
export const recentReleases = (db: Db, limit = 20): Release[] =>
  docs(stmt(db, 'SELECT doc FROM release ORDER BY released_at DESC LIMIT ?').all(limit) as { doc: string }[]);

/** Planned versions, newest date first: every one not yet shipped or cancelled, and the latest 30 of the others. */
export const plannedVersions = (db: Db): PlannedVersion[] =>
  docs(stmt(db, `SELECT doc FROM planned_version WHERE status IN ('proposta', 'planejada')
    OR id IN (SELECT id FROM planned_version WHERE status IN ('liberada', 'cancelada') ORDER BY planned_for DESC LIMIT 30)
    ORDER BY planned_for DESC, version DESC`).all() as { doc: string }[]);

/** How many OCs wait for each version. */
export const waitingByVersion = (db: Db): Array<{ version: string; waiting: number }> =>
  (stmt(db, "SELECT json_extract(doc, '$.targetVersion') AS version, COUNT(*) AS waiting FROM ocorrencia WHERE status = 'aguardando_versao' GROUP BY 1 ORDER BY 1").all() as Array<{ version: string | null; waiting: number }>)
    .filter((r): r is { version: string; waiting: number } => r.version !== null);

export const analystByLogin = (db: Db, login: string): Analyst | undefined => {
  const row = stmt(db, 'SELECT doc FROM analyst WHERE login = ?').get(login.toLowerCase()) as { doc: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.doc);
};

/** Phone panel: find a customer by name or CNPJ (digits, with or without punctuation). */
export const searchCustomers = (db: Db, text: string, limit = 20): CustomerSummary[] => {
  const digits = onlyDigits(text);
  const rows = digits.length >= 4
    ? stmt(db, 'SELECT id, name, cnpj, plan, segment FROM customer WHERE cnpj LIKE ? ORDER BY name LIMIT ?').all(`${digits}%`, limit)
    : stmt(db, "SELECT id, name, cnpj, plan, segment FROM customer WHERE folded_name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?")
        .all(`%${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit);
  return rows as CustomerSummary[];
};

export const customerCard = (db: Db, customerId: string): CustomerCard | undefined => {
  const customer = getRow(db, 'customer', customerId);
  if (customer === undefined) return undefined;
  const contacts = docs<Contact>(stmt(db, 'SELECT doc FROM contact WHERE customer_id = ? ORDER BY rowid').all(customerId) as { doc: string }[]);
  const openOcs = (stmt(db, 'SELECT COUNT(*) AS n FROM ocorrencia WHERE customer_id = ? AND is_open = 1').get(customerId) as { n: number }).n;
  return { customer, contacts, missingEligibility: missingEligibility(customer), openOcs };
};

/** A customer's calls, newest first — those logged on an OC and those logged on the customer alone. */
export const recentCalls = (db: Db, customerId: string, limit: number): Interaction[] =>
  docs(stmt(db, "SELECT doc FROM interaction WHERE customer_id = ? AND kind = 'call_log' ORDER BY created_at DESC LIMIT ?").all(customerId, limit) as { doc: string }[]);

export const interactionsOf = (db: Db, ocId: string): Interaction[] =>
  docs(stmt(db, 'SELECT doc FROM interaction WHERE oc_id = ? ORDER BY created_at, rowid').all(ocId) as { doc: string }[]);

/** Every customer by name, with its contact counts (all, with Extranet access) and open OCs: the lead's register. */
export const customerRegister = (db: Db): Array<{ customer: Customer; pending: boolean; contacts: number; extranetContacts: number; openOcs: number }> => {
  const contactsOf = new Map<string, { all: number; extranet: number }>();
  for (const contact of docs<Contact>(stmt(db, 'SELECT doc FROM contact').all() as { doc: string }[])) {
    const count = contactsOf.get(contact.customerId) ?? { all: 0, extranet: 0 };
    count.all += 1;
    if (contact.active && contact.extranetAccess) count.extranet += 1;
    contactsOf.set(contact.customerId, count);
  }
  const openOcs = new Map((stmt(db, 'SELECT customer_id, COUNT(*) AS n FROM ocorrencia WHERE is_open = 1 GROUP BY customer_id').all() as { customer_id: string; n: number }[])
    .map((r) => [r.customer_id, r.n]));
  return (stmt(db, 'SELECT doc, server_version FROM customer ORDER BY folded_name, id').all() as { doc: string; server_version: number }[]).map(({ doc, server_version }) => {
    const customer = JSON.parse(doc) as Customer;
    const contacts = contactsOf.get(customer.id);
    return { customer, pending: server_version === 0, contacts: contacts?.all ?? 0, extranetContacts: contacts?.extranet ?? 0, openOcs: openOcs.get(customer.id) ?? 0 };
  });
};
