#!/usr/bin/env node
// `npm test`: every suite, in order, with one plain totals line at the end ("N passed, N failed, N skipped").
// Static checks count as one test each; vitest and Playwright suites report their own counts (JSON reporters).
// A suite whose config is absent is not silently passed: it is listed as "not present" and counts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2);

const run = (command, args, env = {}) => {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
};
const npx = (...args) => ['npx', ['--no-install', ...args]];

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

const vitestCounts = (path) => {
  const json = readJson(path);
  if (json === null) return null;
  // A failed test also fails its file and each describe around it (numFailedTestSuites counts those too): count
  // tests, and a file only when it failed without a failed test in it (an error while loading it).
  const filesFailedAlone = (json.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')).length;
  return { passed: json.numPassedTests ?? 0, failed: (json.numFailedTests ?? 0) + filesFailedAlone, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) };
};

const playwrightCounts = (path) => {
  const json = readJson(path);
  if (json === null) return null;
  const s = json.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (json.errors?.length ?? 0), skipped: s.skipped ?? 0 };
};

const check = (name, command, args) => ({
  name,
  present: true,
  run: () => {
    const { code, seconds } = run(command, args);
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds };
  },
});

// Static checks share no state: they run side by side (each its own process, output kept and printed whole when it
// ends, so two checks' lines never interleave). About 40 s less than one after another on two cores.
const startCheck = (name, command, args) => {
  const started = Date.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    const finish = (code) => {
      console.log(`\n=== ${name} ===`);
      if (output !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (error) => ((output += String(error)), finish(1)));
    child.on('close', (code) => finish(code ?? 1));
  });
};
const parallelChecks = (checks) => ({
  names: checks.map(([name]) => name),
  run: () => Promise.all(checks.map(([name, [command, args]]) => startCheck(name, command, args))),
});

const vitestSuite = (name, config) => ({
  name,
  present: config === null || existsSync(config),
  run: () => {
    const out = join(reports, `${name}.json`);
    const [cmd, args] = npx('vitest', 'run', ...(config === null ? [] : ['-c', config]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`);
    const { code, seconds } = run(cmd, args);
    const counts = vitestCounts(out) ?? { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash before any test reported
    return { ...counts, seconds };
  },
});

const playwrightSuite = (name, config) => ({
  name,
  present: existsSync(config),
  run: () => {
    const out = join(reports, `${name}.json`);
    const [cmd, args] = npx('playwright', 'test', '-c', config, '--reporter=list,json');
    const { code, seconds } = run(cmd, args, { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const counts = playwrightCounts(out) ?? { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return { ...counts, seconds };
  },
});

// The browser suites need Debian's Chromium (Playwright's own download cannot reach the internet here). On a fresh
// machine where we are root with apt, install it, as .ci/run does; otherwise say exactly what is missing.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canApt) {
    console.log('test-all: Chromium is missing; installing Debian\'s chromium (apt-get)');
    run('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null']);
  }
  if (!existsSync(CHROMIUM)) console.log(`test-all: ${CHROMIUM} is missing — install it (apt-get install chromium); the browser suites will fail without it`);
}

const staticChecks = [
  ['lint', npx('eslint', '.', '--max-warnings=0')],
  ['lint (openapi)', npx('redocly', 'lint', 'docs/extranet-openapi.yaml')],
  ['typecheck (node)', npx('tsc', '-p', 'tsconfig.node.json', '--noEmit')],
  ['typecheck (web)', npx('tsc', '-p', 'tsconfig.web.json', '--noEmit')],
].filter(([name]) => only.length === 0 || only.some((o) => name.startsWith(o)));

const suites = [
  check('build (electron-vite)', ...npx('electron-vite', 'build')),
  vitestSuite('unit+integration', null),
  vitestSuite('fault', 'vitest.fault.config.ts'),
  vitestSuite('fuzz', 'vitest.fuzz.config.ts'),
  playwrightSuite('e2e', 'playwright.config.ts'),
  playwrightSuite('electron', 'playwright.electron.config.ts'),
].filter((suite) => only.length === 0 || only.some((o) => suite.name.startsWith(o)));

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const record = (name, r) => {
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  lines.push(`${name.padEnd(24)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(0)} s)`);
};
if (staticChecks.length > 0) {
  const checks = parallelChecks(staticChecks);
  const results = await checks.run();
  results.forEach((r, i) => record(checks.names[i], r));
}
for (const suite of suites) {
  if (!suite.present) {
    lines.push(`${suite.name.padEnd(24)} not present`);
    continue;
  }
  console.log(`\n=== ${suite.name} ===`);
  record(suite.name, suite.run());
}
console.log('\n=== summary ===');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
