// Search benchmarks (SPEC §4 Search, issue 13) on the 100 000-OC replica the store suite seeds:
//   search.typical.p95_ms   a customer's name, a contact, a CNPJ, an OC number, two or three words of text:
//                           the set of matching OCs, the honest total, the page's rows and their snippets
//   search.typical.ratio    …against a bare FTS5 lookup of the same words over the same index (the old search)
//   search.broad.p95_ms     a word most OCs hold ("ltda", "de"): the same work over tens of thousands of matches
import { openDatabase } from '../src/core/db/connection';
import { catchUpSearch } from '../src/core/db/search';
import { searchCustomerSummaries, searchOcRows, snippetSourcesOf } from '../src/core/db/search-query';
import { parseSearchText } from '../src/shared/search/query';
import { snippetsFor } from '../src/shared/search/snippets';
import { percentile, round, type BenchFigures } from './figures';
import { seededPath } from './store';

const ROUNDS = 5;

export const benchSearch = async (): Promise<BenchFigures> => {
  const db = openDatabase(await seededPath());
  try {
    catchUpSearch(db);
    const pick = (sql: string): string => String(db.prepare(sql).pluck().get());
    const typical = [
      pick('SELECT name FROM customer ORDER BY id LIMIT 1 OFFSET 7').split(' ').slice(0, 2).join(' '),
      pick("SELECT doc ->> '$.name' FROM contact ORDER BY id LIMIT 1 OFFSET 9"),
      pick('SELECT cnpj FROM customer ORDER BY id LIMIT 1'),
      pick('SELECT number FROM ocorrencia WHERE number IS NOT NULL ORDER BY number LIMIT 1 OFFSET 5000'),
      'nota fiscal',
      'rejeição 225',
      'boleto juros',
    ];
    const broad = ['ltda', 'de'];
    const time = (texts: readonly string[]): number[] => {
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const text of texts) {
          const parsed = parseSearchText(text);
          if (!parsed.ok) throw new Error(`bench search: ${text}: ${parsed.error.code}`);
          const started = performance.now();
          const { rows } = searchOcRows(db, parsed.terms, { openedFrom: null, openedBefore: null }, 500);
          const sources = snippetSourcesOf(db, rows.map((r) => r.id));
          for (const row of rows) snippetsFor(sources.get(row.id) ?? [], parsed.terms, row);
          searchCustomerSummaries(db, parsed.terms, undefined, 6);
          samples.push(performance.now() - started);
        }
      }
      return samples;
    };
    // The baseline: a bare FTS5 lookup of the same words (each a quoted prefix, all required) over the same
    // index, the first 500 OCs — what the search did before it knew customers, numbers, totals or snippets.
    const bare = db.prepare('SELECT oc_id FROM oc_fts WHERE oc_fts MATCH ? GROUP BY oc_id LIMIT 500').pluck();
    const ftsOf = (text: string): string => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => `"${w}"*`).join(' ');
    const timeBare = (texts: readonly string[]): number[] => {
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const text of texts) {
          const started = performance.now();
          bare.all(ftsOf(text));
          samples.push(performance.now() - started);
        }
      }
      return samples;
    };
    time(typical); // warm the page cache
    timeBare(typical);
    const typicalP95 = percentile(time(typical), 95);
    const bareP95 = percentile(timeBare(typical), 95);
    return {
      'search.typical.ratio': { value: round(typicalP95 / Math.max(bareP95, 0.01), 2), unit: '× a bare FTS5 lookup of the same words (p95)', baseline: round(bareP95, 2) },
      'search.typical.p95_ms': { value: round(percentile(time(typical), 95), 1), unit: 'ms' },
      'search.broad.p95_ms': { value: round(percentile(time(broad), 95), 1), unit: 'ms' },
    };
  } finally {
    db.close();
  }
};
