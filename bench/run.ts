// npm run bench [-- --only store,sla,sync,ui,attach,search]
// Prints a table and writes bench/results.json: { "<metric>": { value, unit, baseline?, ratio? } } (--only updates
// its own figures there and keeps the rest).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchFigures } from './figures';

type Suite = () => Promise<BenchFigures>;

const suites: Record<string, () => Promise<Suite>> = {
  store: async () => (await import('./store')).benchStore,
  sla: async () => (await import('./sla')).benchSla,
  sync: async () => (await import('./sync')).benchSync,
  ui: async () => (await import('./ui')).benchUi,
  attach: async () => (await import('./attach')).benchAttach,
  search: async () => (await import('./search')).benchSearch,
};

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
const wanted = values.only === undefined ? Object.keys(suites) : values.only.split(',').map((s) => s.trim());
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`bench: unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const results: BenchFigures = {};
for (const name of wanted) {
  const started = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  Object.assign(results, await (await suites[name]!())());
  process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const rows = Object.entries(results).map(([metric, f]) => [metric, String(f.value), f.unit, f.baseline === undefined ? '' : String(f.baseline), f.ratio === undefined ? '' : String(f.ratio)]);
const header = ['metric', 'value', 'unit', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
// A partial run (--only) updates its own figures and keeps the others from the last runs.
const resultsUrl = new URL('./results.json', import.meta.url);
const kept: BenchFigures = values.only === undefined || !existsSync(resultsUrl) ? {} : (JSON.parse(readFileSync(resultsUrl, 'utf8')) as BenchFigures);
writeFileSync(resultsUrl, `${JSON.stringify({ ...kept, ...results }, null, 2)}\n`);
console.log('\nwritten to bench/results.json');
