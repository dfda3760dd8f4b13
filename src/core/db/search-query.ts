import type { CustomerSummary, QueueRow } from '../../shared/api/views';
import { displayNumber, type InteractionKind } from '../../shared/domain';
import { CNPJ_PREFIX_MIN, foldedWords, numberSequenceOf, phraseOf, wordsHavePhrase, type SearchTerm } from '../../shared/search/query';
import type { SnippetSource } from '../../shared/search/snippets';
import type { Db } from './connection';
import { rowsByIds } from './queue';
import { stmt } from './statements';

// The search page's SQL (SPEC §4). Each term of the query (shared/search/query.ts) is a set of OC ids — the
// OCs whose text or interactions hold it (oc_fts), whose customer's name holds it or whose CNPJ starts with it,
// whose contact's name holds it, whose number it is — and the result is the intersection of those sets, within
// the filters. Customers and contacts are a few thousand rows even beside 100 000 OCs: their names are matched
// by a scan with the same folding as the index (soe_name_has), and their OCs found through the customer index.

export interface SearchSelection {
  statuses?: readonly string[] | undefined;
  modules?: readonly string[] | undefined;
  plans?: readonly string[] | undefined;
  /** created_at ≥ from, < before (instants); null leaves that end open. */
  openedFrom: number | null;
  openedBefore: number | null;
}

const withNameMatch = new WeakSet<Db>();

/** `soe_name_has(name, phrase)`: whether the folded words of a name hold the phrase (its last word as a prefix). */
const registerNameMatch = (db: Db): void => {
  if (withNameMatch.has(db)) return;
  // A name's words are folded once per name, not once per row and term (the same names come back every search).
  const words = new Map<string, string[]>();
  db.function('soe_name_has', { deterministic: true }, (name, phrase) => {
    const key = String(name ?? '');
    let folded = words.get(key);
    if (folded === undefined) {
      if (words.size > 50_000) words.clear();
      folded = foldedWords(key);
      words.set(key, folded);
    }
    return wordsHavePhrase(folded, String(phrase).split(' ')) ? 1 : 0;
  });
  withNameMatch.add(db);
};

/**
 * The years OC numbers span ("OC-2024-…" to "OC-2026-…"), read from the ends of the number index: digits typed
 * alone ("123") are looked up as OC-YYYY-000123 for each, instead of comparing the end of every number.
 */
const numberYears = (db: Db): string[] => {
  const span = stmt(db, 'SELECT substr(MIN(number), 4, 4) AS lo, substr(MAX(number), 4, 4) AS hi FROM ocorrencia WHERE number IS NOT NULL').get() as { lo: string | null; hi: string | null };
  const lo = Number(span.lo);
  const hi = Number(span.hi);
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || span.lo === null || hi < lo) return [];
  return Array.from({ length: Math.min(hi - lo + 1, 100) }, (_, i) => String(hi - i));
};

/** The SELECT of one term's OC ids, with its parameters. */
const termSql = (term: SearchTerm, years: () => string[]): { sql: string; params: unknown[] } => {
  switch (term.kind) {
    case 'text': {
      const phrase = term.parts.join(' ');
      return {
        sql: `SELECT oc_id FROM oc_fts WHERE oc_fts MATCH ?
          UNION SELECT o.id FROM ocorrencia o WHERE o.customer_id IN (SELECT id FROM customer WHERE soe_name_has(name, ?))
          UNION SELECT o.id FROM ocorrencia o
            WHERE o.customer_id IN (SELECT customer_id FROM contact WHERE soe_name_has(doc ->> '$.name', ?))
            AND o.doc ->> '$.contactId' IN (SELECT id FROM contact WHERE soe_name_has(doc ->> '$.name', ?))`,
        params: [phraseOf(term), phrase, phrase, phrase],
      };
    }
    case 'digits': {
      const parts = [{ sql: 'SELECT oc_id FROM oc_fts WHERE oc_fts MATCH ?', params: [phraseOf(term)] as unknown[] }];
      if (term.digits.length >= CNPJ_PREFIX_MIN && term.digits.length <= 14) {
        // Digits only: nothing GLOB reads as a wildcard.
        parts.push({ sql: 'SELECT o.id FROM ocorrencia o WHERE o.customer_id IN (SELECT id FROM customer WHERE cnpj GLOB ?)', params: [`${term.digits}*`] });
      }
      const sequence = term.punctuated ? null : numberSequenceOf(term.digits);
      const numbers = sequence === null ? [] : years().map((year) => `OC-${year}-${sequence}`);
      if (numbers.length > 0) parts.push({ sql: `SELECT id FROM ocorrencia WHERE number IN (${numbers.map(() => '?').join(', ')})`, params: numbers });
      return { sql: parts.map((p) => p.sql).join(' UNION '), params: parts.flatMap((p) => p.params) };
    }
    case 'number': {
      const prefix = `OC-${term.year}-${term.sequence}*`;
      const padded = term.sequence === '' ? null : numberSequenceOf(term.sequence);
      return padded === null || padded === term.sequence
        ? { sql: 'SELECT id FROM ocorrencia WHERE number GLOB ?', params: [prefix] }
        : { sql: 'SELECT id FROM ocorrencia WHERE number GLOB ? OR number = ?', params: [prefix, `OC-${term.year}-${padded}`] };
    }
    case 'provisional':
      // PROV-XXXXXX is the start of the OC's id without its dashes (domain displayNumber); ids are UUIDs, whose
      // first eight characters have no dash. Hex digits only: nothing GLOB reads as a wildcard.
      return { sql: 'SELECT id FROM ocorrencia WHERE id GLOB ? OR id GLOB ?', params: [`${term.code}*`, `${term.code.toUpperCase()}*`] };
  }
};

/** `WITH t0 AS (…), …, hit(id) AS (t0 ∩ t1 ∩ …)` and the conditions of the filters on `o`. */
const hitsSql = (db: Db, terms: readonly SearchTerm[], selection: SearchSelection): { with: string; where: string; params: unknown[] } => {
  registerNameMatch(db);
  let span: string[] | null = null;
  const years = (): string[] => (span ??= numberYears(db));
  const pieces = terms.map((term) => termSql(term, years));
  const ctes = pieces.map((p, i) => `t${i}(id) AS (${p.sql})`);
  const hit = `hit(id) AS (${pieces.map((_, i) => `SELECT id FROM t${i}`).join(' INTERSECT ')})`;
  const where = ['o.id IN (SELECT id FROM hit)'];
  const params: unknown[] = pieces.flatMap((p) => p.params);
  const inList = (column: string, values: readonly string[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('o.status', selection.statuses);
  inList('o.module', selection.modules);
  inList('o.plan', selection.plans);
  if (selection.openedFrom !== null) {
    where.push('o.created_at >= ?');
    params.push(selection.openedFrom);
  }
  if (selection.openedBefore !== null) {
    where.push('o.created_at < ?');
    params.push(selection.openedBefore);
  }
  return { with: `WITH ${[...ctes, hit].join(', ')}`, where: where.join(' AND '), params };
};

/**
 * The SQL of a page of result ids, newest first, each row with the count of every match (a window over the same
 * pass: the set is built once, not once for the page and again for the total), and its parameters.
 */
export const searchPageSql = (db: Db, terms: readonly SearchTerm[], selection: SearchSelection): { sql: string; params: unknown[] } => {
  const q = hitsSql(db, terms, selection);
  return { sql: `${q.with} SELECT o.id, COUNT(*) OVER () AS total FROM ocorrencia o WHERE ${q.where} ORDER BY o.created_at DESC, o.id LIMIT ?`, params: q.params };
};

/** The matching OCs, newest first, at most `limit`, and how many match in all. */
export const searchOcRows = (db: Db, terms: readonly SearchTerm[], selection: SearchSelection, limit: number): { rows: QueueRow[]; total: number } => {
  if (terms.length === 0) return { rows: [], total: 0 };
  const page = searchPageSql(db, terms, selection);
  const picked = stmt(db, page.sql).all(...page.params, limit) as Array<{ id: string; total: number }>;
  return { rows: rowsByIds(db, picked.map((p) => p.id)), total: picked[0]?.total ?? 0 };
};

/** Customers whose name (text terms) or CNPJ (digits terms) answers every term, by name; none for a number. */
export const searchCustomerSummaries = (db: Db, terms: readonly SearchTerm[], plans: readonly string[] | undefined, limit: number): { customers: CustomerSummary[]; total: number } => {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const term of terms) {
    if (term.kind === 'text') {
      where.push('soe_name_has(name, ?)');
      params.push(term.parts.join(' '));
    } else if (term.kind === 'digits' && term.digits.length >= CNPJ_PREFIX_MIN) {
      where.push('cnpj GLOB ?');
      params.push(`${term.digits}*`);
    } else return { customers: [], total: 0 };
  }
  if (where.length === 0) return { customers: [], total: 0 };
  if (plans !== undefined && plans.length > 0) {
    where.push(`plan IN (${plans.map(() => '?').join(', ')})`);
    params.push(...plans);
  }
  registerNameMatch(db);
  const sql = where.join(' AND ');
  const customers = stmt(db, `SELECT id, name, cnpj, plan, segment FROM customer WHERE ${sql} ORDER BY folded_name, id LIMIT ?`).all(...params, limit) as CustomerSummary[];
  const total = customers.length < limit ? customers.length : (stmt(db, `SELECT COUNT(*) AS n FROM customer WHERE ${sql}`).get(...params) as { n: number }).n;
  return { customers, total };
};

/** Each OC's fields a snippet may come from, in the order they are preferred (shared/search/snippets.ts). */
export const snippetSourcesOf = (db: Db, ocIds: readonly string[]): Map<string, SnippetSource[]> => {
  const sources = new Map<string, SnippetSource[]>();
  if (ocIds.length === 0) return sources;
  const ids = JSON.stringify(ocIds);
  const ocs = stmt(db, `SELECT o.id, o.number, o.subject, o.doc ->> '$.description' AS description, c.name AS customer, c.cnpj,
      k.doc ->> '$.name' AS contact
    FROM ocorrencia o JOIN customer c ON c.id = o.customer_id LEFT JOIN contact k ON k.id = o.doc ->> '$.contactId'
    WHERE o.id IN (SELECT value FROM json_each(?))`).all(ids) as Array<{ id: string; number: string | null; subject: string; description: string | null; customer: string; cnpj: string; contact: string | null }>;
  for (const oc of ocs) {
    const list: SnippetSource[] = [
      { field: 'number', text: displayNumber(oc) },
      { field: 'customer', text: oc.customer },
      { field: 'cnpj', text: oc.cnpj },
    ];
    if (oc.contact !== null) list.push({ field: 'contact', text: oc.contact });
    list.push({ field: 'subject', text: oc.subject }, { field: 'description', text: oc.description ?? '' });
    sources.set(oc.id, list);
  }
  const interactions = stmt(db, `SELECT oc_id, kind, doc ->> '$.body' AS body FROM interaction
    WHERE oc_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`).all(ids) as Array<{ oc_id: string; kind: InteractionKind; body: string | null }>;
  for (const i of interactions) {
    if (i.body !== null && i.body !== '') sources.get(i.oc_id)?.push({ field: 'interaction', text: i.body, interactionKind: i.kind });
  }
  return sources;
};
