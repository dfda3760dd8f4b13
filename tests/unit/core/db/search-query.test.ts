import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchArgs, SearchResult } from '../../../../src/shared/api/search';
import { searchPageSql } from '../../../../src/core/db/search-query';
import { foldText, formatCnpj } from '../../../../src/shared/domain';
import { parseSearchText } from '../../../../src/shared/search/query';
import { seededCore, type TestCore } from '../../../fixtures/core';

// The search page's engine on a seeded replica (SPEC §4): customer name, contact name, CNPJ, OC number and full
// text, accent-insensitive; honest totals; filters; refusals as values.

let t: TestCore;
beforeAll(async () => {
  t = await seededCore(300, 21);
  await t.call('session.login', { login: 'ana', password: 'demo' });
});
afterAll(() => t.close());

const search = (text: string, more: Partial<Omit<SearchArgs, 'text'>> = {}): Promise<SearchResult> =>
  t.call('search.run', { text, filters: {}, limit: 500, ...more });
const ids = (result: SearchResult): string[] => result.hits.map((h) => h.row.id).sort();
const all = <T>(sql: string, ...params: unknown[]): T[] => t.core.db.prepare(sql).all(...params) as T[];

/** A customer whose name has an accent, and its OCs. */
const accentedCustomer = () => {
  const customers = all<{ id: string; name: string; cnpj: string }>('SELECT id, name, cnpj FROM customer ORDER BY id');
  const customer = customers.find((c) => foldText(c.name) !== c.name.toLowerCase() && all('SELECT id FROM ocorrencia WHERE customer_id = ?', c.id).length > 0);
  if (customer === undefined) throw new Error('the seed has no customer with an accented name and OCs');
  const ocIds = all<{ id: string }>('SELECT id FROM ocorrencia WHERE customer_id = ?', customer.id).map((r) => r.id).sort();
  return { customer, ocIds };
};

describe('search by customer, contact, CNPJ and number', () => {
  it('finds every OC of a customer by its name, typed with or without accents, and says so in the snippet', async () => {
    const { customer, ocIds } = accentedCustomer();
    const withAccents = await search(customer.name);
    const without = await search(foldText(customer.name).toUpperCase());
    expect(ids(without)).toEqual(ids(withAccents));
    expect(ids(withAccents)).toEqual(expect.arrayContaining(ocIds));
    for (const hit of withAccents.hits.filter((h) => h.row.customerId === customer.id)) {
      expect(hit.snippets[0]?.field).toBe('customer');
      expect(hit.snippets[0]?.text).toBe(customer.name);
      expect(hit.snippets[0]?.marks.length).toBeGreaterThan(0);
    }
    expect(withAccents.customers.map((c) => c.id)).toContain(customer.id);
  });

  it('finds a customer’s OCs by CNPJ with or without punctuation, and by its first digits', async () => {
    const { customer, ocIds } = accentedCustomer();
    for (const text of [customer.cnpj, formatCnpj(customer.cnpj), formatCnpj(customer.cnpj).slice(0, 10), customer.cnpj.slice(0, 8)]) {
      const result = await search(text);
      expect(ids(result), text).toEqual(expect.arrayContaining(ocIds));
      expect(result.customers.map((c) => c.id), text).toContain(customer.id);
    }
    const exact = await search(formatCnpj(customer.cnpj));
    expect(ids(exact)).toEqual(ocIds);
    expect(exact.hits[0]?.snippets[0]).toMatchObject({ field: 'cnpj', text: formatCnpj(customer.cnpj), marks: [[0, 18]] });
  });

  it('finds the OCs a contact opened by the contact’s name', async () => {
    const oc = all<{ id: string; contact_id: string }>("SELECT id, doc ->> '$.contactId' AS contact_id FROM ocorrencia WHERE doc ->> '$.contactId' IS NOT NULL ORDER BY id LIMIT 1")[0]!;
    const contact = all<{ name: string }>("SELECT doc ->> '$.name' AS name FROM contact WHERE id = ?", oc.contact_id)[0]!;
    const result = await search(contact.name);
    const byContact = all<{ id: string }>("SELECT id FROM ocorrencia WHERE doc ->> '$.contactId' = ?", oc.contact_id).map((r) => r.id);
    expect(ids(result)).toEqual(expect.arrayContaining(byContact));
    const hit = result.hits.find((h) => h.row.id === oc.id);
    expect(hit?.snippets.some((s) => s.field === 'contact' && s.text === contact.name)).toBe(true);
  });

  it('finds an OC by its number in the forms people write it', async () => {
    const { id, number } = all<{ id: string; number: string }>('SELECT id, number FROM ocorrencia WHERE number IS NOT NULL ORDER BY number DESC LIMIT 1')[0]!;
    const [, year, sequence] = /^OC-(\d{4})-(\d{6})$/.exec(number)!;
    for (const text of [number, number.toLowerCase(), `${year}-${sequence}`, `OC-${year}-${String(Number(sequence))}`]) {
      const result = await search(text!);
      expect(ids(result), text).toEqual([id]);
      expect(result.hits[0]?.snippets[0]).toMatchObject({ field: 'number', text: number });
    }
  });

  it('finds an OC created here by its provisional number', async () => {
    const { customer } = accentedCustomer();
    const module = all<{ module: string }>('SELECT module FROM ocorrencia WHERE customer_id = ? LIMIT 1', customer.id)[0]!.module;
    await t.call('oc.create', { customerId: customer.id, channel: 'phone', module, criticidade: 'media', kind: 'duvida', subject: 'Dúvida sobre relatório', description: 'Pergunta feita por telefone.' });
    const created = all<{ id: string }>('SELECT id FROM ocorrencia WHERE number IS NULL ORDER BY created_at DESC LIMIT 1')[0]!;
    const provisional = `PROV-${created.id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
    const result = await search(provisional);
    expect(ids(result)).toEqual([created.id]);
    expect(result.hits[0]?.row.displayNumber).toBe(provisional);
  });
});

describe('full text', () => {
  it('finds words of an interaction, accent-insensitive, whatever the case, with the sentence marked', async () => {
    const oc = all<{ id: string }>("SELECT id FROM ocorrencia WHERE assignee_id = (SELECT id FROM analyst WHERE login = 'ana') AND is_open = 1 LIMIT 1")[0];
    const target = oc ?? (await t.call('queue.mine')).available[0]!;
    if (oc === undefined) await t.call('oc.take', { ocId: target.id });
    await t.call('oc.note', { ocId: target.id, body: 'A zimurgia do lote exigiu outra ação no cadastro.' });
    for (const text of ['zimurgia acao', 'ZIMURGIA AÇÃO', 'zimur açã']) {
      const result = await search(text);
      expect(ids(result), text).toEqual([target.id]);
      const snippet = result.hits[0]!.snippets[0]!;
      expect(snippet).toMatchObject({ field: 'interaction', interactionKind: 'internal_note' });
      expect(snippet.marks.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['zimurgia', 'ação']);
    }
  });

  it('a term may match one field and the next another (customer name and text)', async () => {
    const { customer, ocIds } = accentedCustomer();
    const subject = all<{ subject: string }>('SELECT subject FROM ocorrencia WHERE id = ?', ocIds[0])[0]!.subject;
    const word = subject.split(/\s+/).find((w) => w.length >= 5)!;
    const result = await search(`${customer.name.split(' ')[0]} ${word}`);
    expect(ids(result)).toContain(ocIds[0]);
    for (const hit of result.hits) expect(hit.snippets.length).toBeGreaterThan(0);
  });
});

describe('honest totals and filters', () => {
  it('says how many match when it shows fewer', async () => {
    const every = await search('a');
    expect(every.total).toBeGreaterThan(20);
    const few = await search('a', { limit: 20 });
    expect(few.hits).toHaveLength(20);
    expect(few.total).toBe(every.total);
    expect(ids(every).length).toBe(Math.min(every.total, 500));
    // Newest first.
    const created = few.hits.map((h) => h.row.createdAt);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it('combines status, module, plan and the opening period with the text', async () => {
    const every = await search('a');
    const sample = every.hits[Math.floor(every.hits.length / 2)]!.row;
    const day = new Date(sample.createdAt - 3 * 3_600_000).toISOString().slice(0, 10); // São Paulo is UTC−3
    const onDay = (r: SearchResult['hits'][number]['row']): boolean => new Date(r.createdAt - 3 * 3_600_000).toISOString().slice(0, 10) === day;
    const cases: Array<[string, SearchArgs['filters'], (row: SearchResult['hits'][number]['row']) => boolean]> = [
      ['status', { statuses: [sample.status] }, (r) => r.status === sample.status],
      ['module', { modules: [sample.module] }, (r) => r.module === sample.module],
      ['plan', { plans: [sample.plan] }, (r) => r.plan === sample.plan],
      ['period', { openedFrom: day, openedTo: day }, onDay],
      ['all at once', { statuses: [sample.status], modules: [sample.module], plans: [sample.plan], openedFrom: day, openedTo: day }, (r) => r.status === sample.status && r.module === sample.module && r.plan === sample.plan && onDay(r)],
    ];
    for (const [name, filters, keep] of cases) {
      const filtered = await search('a', { filters });
      const expected = every.hits.filter((h) => keep(h.row)).map((h) => h.row.id).sort();
      if (every.total <= 500) expect(ids(filtered), name).toEqual(expected);
      expect(filtered.total, name).toBe(filtered.hits.length);
      expect(ids(filtered), name).toContain(sample.id);
    }
  });
});

describe('refusals are values, never a throw', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['NUL', { text: 'nota\u0000' }, 'INVALID_ARGS', 'null character'],
    ['a lone surrogate', { text: 'nota \ud800' }, 'INVALID_ARGS', 'incomplete Unicode character'],
    ['1 MB of text', { text: 'x'.repeat(1024 * 1024) }, 'INVALID_ARGS', 'text'],
    ['punctuation only', { text: '"*" -- ()' }, 'SEARCH_NOTHING', 'letters or digits'],
    ['an unknown status', { text: 'nota', filters: { statuses: ['aberta'] } }, 'INVALID_ARGS', 'statuses'],
    ['a period backwards', { text: 'nota', filters: { openedFrom: '2026-11-30', openedTo: '2026-11-01' } }, 'INVALID_ARGS', 'start date is after the end date'],
    ['an impossible date', { text: 'nota', filters: { openedFrom: '2026-02-30' } }, 'INVALID_ARGS', 'openedFrom'],
    ['an unknown argument', { text: 'nota', sql: 'DROP TABLE ocorrencia' }, 'INVALID_ARGS', 'sql'],
    ['a limit past 500', { text: 'nota', limit: 501 }, 'INVALID_ARGS', 'limit'],
  ];
  it.each(cases)('%s', async (_name, args, code, message) => {
    const error = await t.fail('search.run', args);
    expect(error.code).toBe(code);
    expect(error.message.en).toContain(message);
  });

  it('a module nobody has finds nothing, and the palette’s quick search of punctuation finds nothing', async () => {
    expect((await search('nota', { filters: { modules: ['nao_existe'] } })).total).toBe(0);
    expect(await t.call('oc.search', { text: '--', limit: 5 })).toEqual([]);
  });

  it('logged out, nothing is searched', async () => {
    await t.call('session.logout');
    try {
      expect((await t.fail('search.run', { text: 'nota' })).code).toBe('NOT_LOGGED_IN');
    } finally {
      await t.call('session.login', { login: 'ana', password: 'demo' });
    }
  });
});

describe('the query plan', () => {
  // 100 000 OCs: a term is found through the index of what it names (FTS, customer, number), never by reading
  // every OC (a join from contacts first read every OC's JSON: 360 ms per term at 100 000).
  const cases = ['Araucária', 'nota fiscal', '12.345.678/0001-90', '000123', 'OC-2026-000123', 'PROV-3F2A9C'];
  it.each(cases)('%s reads no OC it does not need', (text) => {
    const parsed = parseSearchText(text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const { sql, params } = searchPageSql(t.core.db, parsed.terms, { openedFrom: null, openedBefore: null });
    const plan = (t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 500) as { detail: string }[]).map((r) => r.detail);
    expect(plan.filter((d) => /^SCAN (o|ocorrencia)\b/.test(d)), plan.join(' | ')).toEqual([]);
  });
});
