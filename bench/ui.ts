// The analyst workspace with 20 000 open OCs, in Chromium against the browser shell (the renderer and core the
// desktop app runs), each figure against a plain HTML table of the same rows in the same browser, same run:
//   ui.queue20k.render_ms                 the team queue's first render: from the click to its first rows and
//                                         its count on screen, fetched from the core              (target < 200)
//   ui.queue20k.all_rows_ms               …and to all 20 000 rows loaded (sorting and grouping then see them all);
//                                         .ratio against better-sqlite3 reading the same rows here (target ≤ 3)
//   ui.queue20k.sort_ms                   a sort change (by customer) until the new order is on screen
//   ui.queue20k.scroll_script_ms_per_frame  scripting per frame while scrolling 200 px a frame, from Chromium's
//                                         performance timeline (CDP Performance.getMetrics ScriptDuration) (target < 8)
// The baseline builds a <table> of all 20 000 rows (nine text cells each) from the same core call over the same
// socket; it has no virtualisation, no live countdowns and no row components.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import ts from 'typescript';
import Database from 'better-sqlite3';
import { createCore } from '../src/core/core';
import { listQueueColumns } from '../src/core/db/queue';
import { seedReplica } from '../src/core/seed/seed-replica';
import { SHELL_PROTOCOL, SHELL_SOCKET_PATH } from '../src/shared/api/shell-protocol';
import { QueueFilter } from '../src/shared/api/views';
import { median, round, type BenchFigures } from './figures';

const OPEN_OCS = 20_000;
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
const SCROLL_FRAMES = 150;
const PROJECT = resolve(import.meta.dirname, '..');

interface Shell {
  url: string;
  stop(): Promise<void>;
}

/** A replica with exactly 20 000 open OCs (a surge nobody has reached yet), as of now so the clocks run. */
const seed = async (dir: string): Promise<void> => {
  const core = createCore({ dbPath: join(dir, 'replica.db') });
  try {
    const summary = await seedReplica(core.db, { ocs: 0, backlog: OPEN_OCS, seed: 7, now: Date.now() });
    if (summary.open !== OPEN_OCS) throw new Error(`bench ui: expected ${OPEN_OCS} open OCs, the demo made ${summary.open}`);
  } finally {
    await core.stop();
  }
};

const startShell = (dir: string): Promise<Shell> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-browser.ts', '--data', dir, '--port', '0', '--json', '--local', '--no-sim'],
      { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`bench ui: the browser shell did not start in 180 s:\n${output}`));
    }, 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"url"'));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      done({ url: (JSON.parse(line) as { url: string }).url, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bench ui: the browser shell exited (${code}):\n${output}`));
    });
  });

/** Seconds of JavaScript the page's main thread ran, from Chromium's own counters. */
const scriptSeconds = async (cdp: CDPSession): Promise<number> => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
};

/**
 * The in-page probes (bench/page/ui-probes.ts, typechecked with the renderer's DOM types), transpiled to plain
 * JavaScript here: functions that tsx compiled carry helpers that do not exist in the page.
 */
const PROBES = ts.transpileModule(readFileSync(join(import.meta.dirname, 'page', 'ui-probes.ts'), 'utf8'), {
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, removeComments: true },
}).outputText;

/** Calls a probe (installing them first when the page was loaded since); JSON in, JSON out. */
const probe = async <T>(page: Page, name: string, arg?: unknown): Promise<T> => {
  if (!(await page.evaluate('typeof globalThis.soeBenchProbes === "object"'))) await page.evaluate(PROBES);
  return page.evaluate(`globalThis.soeBenchProbes.${name}(${arg === undefined ? '' : JSON.stringify(arg)})`) as Promise<T>;
};

/** Scripting ms per frame while scrolling `selector` 200 px a frame, from the top. */
const scrollScriptPerFrame = async (page: Page, selector: string): Promise<number> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await probe(page, 'top', selector);
  await page.waitForTimeout(500);
  const before = await scriptSeconds(cdp);
  const frames = await probe<number>(page, 'scroll', { selector, step: 200, frames: SCROLL_FRAMES });
  const perFrame = ((await scriptSeconds(cdp)) - before) * 1_000 / frames;
  await cdp.detach();
  return perFrame;
};

interface Timings {
  render: number[];
  sort: number[];
  scroll: number;
}

/** The app: the lead opens the team queue ("Abertas": all 20 000), sorts it by customer, scrolls it. */
const measureApp = async (page: Page, shell: Shell): Promise<Timings & { all: number[]; args: unknown; token: string }> => {
  let args: unknown = null;
  page.on('websocket', (ws) => ws.on('framesent', (frame) => {
    const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
    if (!text.includes('"queue.view"')) return;
    // The whole view's call (the team page asks for its first page alone with queue.list).
    const call = JSON.parse(text) as { args: { limit?: number } };
    if ((call.args.limit ?? 0) >= OPEN_OCS) args = call.args;
  }));
  await page.goto(shell.url);
  await page.getByTestId('login-user').fill('beatriz');
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('workspace').waitFor();

  const render: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh page each time, as after starting the app: nothing cached in the renderer.
    await page.getByTestId('nav-queue').click();
    await page.reload();
    await page.getByTestId('workspace').waitFor();
    await page.waitForTimeout(1_500);
    const timing = await probe<{ first: number; all: number }>(page, 'renderTeam', OPEN_OCS);
    render.push(timing.first);
    all.push(timing.all);
  }
  if (args === null) throw new Error('bench ui: the team queue made no queue.view call');
  await page.waitForTimeout(1_000);
  const sort: number[] = [];
  for (let run = 0; run < RUNS * 2; run += 1) sort.push(await probe<number>(page, 'sortTeam'));
  const scroll = await scrollScriptPerFrame(page, '[data-testid="team-table-body"]');
  const token = await page.evaluate('sessionStorage.getItem("soe.shellToken")') as string;
  return { render, all, sort, scroll, args, token };
};

/**
 * The baseline, on a page of the shell's origin without the app (its 404 page): the same queue.list call over
 * the shell's socket, then a plain table of every row; a sort re-sorts the array and rebuilds the body.
 */
const measureBaseline = async (page: Page, shell: Shell, args: unknown, token: string): Promise<Timings> => {
  await page.goto(new URL('/bench-baseline', shell.url).href);
  await page.bringToFront();
  await probe(page, 'plainSetup', { path: SHELL_SOCKET_PATH, protocol: SHELL_PROTOCOL, token });
  const render: number[] = [];
  for (let run = 0; run < RUNS; run += 1) render.push(await probe<number>(page, 'plainRender', { args, id: run + 1 }));
  const sort: number[] = [];
  for (let run = 0; run < RUNS * 2; run += 1) sort.push(await probe<number>(page, 'plainSort', run % 2 === 1));
  const scroll = await scrollScriptPerFrame(page, '#plain');
  return { render, sort, scroll };
};

/**
 * The baseline of issue 14 item 4: the same rows read straight from the replica by better-sqlite3 in this
 * process — the view's one prepared statement returning arrays (listQueueColumns), no core, no transfer, no
 * renderer. Best of several warm reads (the app's reads are warm too: it was opened five times).
 */
const rawRead = (dir: string, args: unknown): number => {
  const db = new Database(join(dir, 'replica.db'), { readonly: true });
  try {
    const filter = QueueFilter.parse(args);
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < RUNS * 2; run += 1) {
      const start = performance.now();
      const rows = listQueueColumns(db, filter, Date.now());
      best = Math.min(best, performance.now() - start);
      if (rows.length !== OPEN_OCS) throw new Error(`bench ui: the raw read found ${rows.length} rows, not ${OPEN_OCS}`);
    }
    return best;
  } finally {
    db.close();
  }
};

export async function benchUi(): Promise<BenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'soe-bench-ui-'));
  let shell: Shell | null = null;
  let browser: Browser | null = null;
  try {
    await seed(dir);
    shell = await startShell(dir);
    browser = await chromium.launch({ ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}) });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'pt-BR' });
    const app = await measureApp(await context.newPage(), shell);
    const plain = await measureBaseline(await context.newPage(), shell, app.args, app.token);
    const raw = rawRead(dir, app.args);
    // A plain table runs no script while it scrolls: against a baseline of (almost) zero a ratio says nothing.
    const figure = (ours: number, baseline: number, unit: string) =>
      ({ value: round(ours, 1), unit, baseline: round(baseline, 1), ...(baseline >= 0.5 ? { ratio: round(ours / baseline, 2) } : {}) });
    return {
      'ui.queue20k.render_ms': figure(median(app.render), median(plain.render), 'ms (first rows on screen)'),
      'ui.queue20k.all_rows_ms': figure(median(app.all), median(plain.render), 'ms (all 20 000 rows loaded)'),
      'ui.queue20k.raw_read_ms': { value: round(raw, 1), unit: 'ms (better-sqlite3 reading the view\'s rows, no app)' },
      'ui.queue20k.all_rows.ratio': { value: round(median(app.all) / raw, 2), unit: '× the raw SQLite read of the same rows (target ≤ 3)', baseline: round(raw, 1) },
      'ui.queue20k.sort_ms': figure(median(app.sort), median(plain.sort), 'ms'),
      'ui.queue20k.scroll_script_ms_per_frame': figure(app.scroll, plain.scroll, 'ms/frame'),
    };
  } finally {
    await browser?.close();
    await shell?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
